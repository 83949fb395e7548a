// The link rules as the streaming collector applies them: compiled once, at load, from LINK_RULES (link-spec.ts).
import type { OktaEvent } from '../events/types.js';
import { LINK_RULES, SET_KEYS, type LinkField, type LinkRule } from './link-spec.js';
import type { LinkKind } from '../model/window.js';

/** What an event is compared with: one revocation's token, revoker, owner and addresses. */
export interface LinkTarget {
  tokenId: string | null;
  /** The revoker's id; null when Okta itself revoked (every Okta job would match). */
  actorId: string | null;
  /** The token owner's id (actor of its create event); null when unknown. */
  ownerId: string | null;
  /** Addresses the token was used from inside the window. */
  tokenIps: ReadonlySet<string>;
}

/** The fields the link rules read. */
export type LinkSubject = Pick<OktaEvent, 'requestApiTokenId' | 'targets'> & {
  actor: { id: string | null };
  client: { ipAddress: string | null };
};

/** How the compiled code reads each single-valued field of an event `e`. */
const READ: Record<Exclude<LinkField, 'targets.id'>, string> = {
  requestApiTokenId: 'e.requestApiTokenId',
  'actor.id': 'e.actor.id',
  'client.ipAddress': 'e.client.ipAddress',
};

/** A target whose id is `value`. */
function targetIs(targets: LinkSubject['targets'], value: string): boolean {
  for (const t of targets) if (t.id === value) return true;
  return false;
}

/** A target whose id is one of `values`. */
function targetIn(targets: LinkSubject['targets'], values: ReadonlySet<string>): boolean {
  for (const { id } of targets) if (id !== null && values.has(id)) return true;
  return false;
}

/** The JavaScript condition of one rule, over event `e` and the key expression `key`. */
function condition(rule: Pick<LinkRule, 'fields' | 'key'>, key: string): string {
  const set = SET_KEYS.has(rule.key);
  const tests = rule.fields.map((f) => {
    if (f === 'targets.id') return set ? `targetIn(e.targets, ${key})` : `targetIs(e.targets, ${key})`;
    return set ? `(${READ[f]} !== null && ${key}.has(${READ[f]}))` : `${READ[f]} === ${key}`;
  });
  // A value key that is null links nothing (a field that is null equals no key).
  return set ? `(${tests.join(' || ')})` : `(${key} !== null && (${tests.join(' || ')}))`;
}

/**
 * Plain code for the rules (one `if` per rule): a function built from closures per rule runs at
 * half the speed of hand-written tests on 1M calls, the compiled one at 1.5 times it. The source
 * holds nothing but the spec's own constants.
 */
function compile(params: string, body: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code built from LINK_RULES only, see above
  const make = new Function('targetIs', 'targetIn', 'sets', `return function (${params}) {\n${body}\n};`) as (is: typeof targetIs, isIn: typeof targetIn, sets: typeof LINK_SETS) => unknown;
  return make(targetIs, targetIn, LINK_SETS);
}

/**
 * Every list of links an event can have, by the bit mask of its rules (bit i: LINK_RULES[i]):
 * made once and frozen, so that the collector allocates nothing per event it links (a pushed
 * array holds room for 17 elements: 5.5 MB for the 36 K window events of the heavy 1 GiB bench
 * export, and garbage for every candidate tested).
 */
const LINK_SETS: readonly (readonly LinkKind[])[] = Array.from({ length: 1 << LINK_RULES.length }, (_, mask) =>
  Object.freeze(LINK_RULES.filter((_r, i) => (mask >> i) & 1).map((r) => r.kind)),
);

const linksBody = ['let m = 0;', ...LINK_RULES.map((r, i) => `if ${condition(r, `t.${r.key}`)} m |= ${1 << i};`), 'return sets[m];'].join('\n');

const TOKEN_RULE = LINK_RULES.find((r) => r.kind === 'token')!;

/** True when the event is linked to the token by the token rule (a call made with it, or it as a target). */
export const isTokenLinked = compile('e, tokenId', `return ${condition({ fields: TOKEN_RULE.fields, key: 'tokenId' }, 'tokenId')};`) as (
  event: LinkSubject,
  tokenId: string | null,
) => boolean;

/** Every link that applies, in LINK_ORDER (a shared, frozen list: never change it). */
export const linksOf = compile('e, t', linksBody) as (event: LinkSubject, target: LinkTarget) => readonly LinkKind[];
