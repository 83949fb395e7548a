// The link rules (LINK_RULES, KEY_RULES) as SQL: each event's link fields as rows, each revocation's keys as rows, joined on both.
import { KEY_RULES, LINK_RULES, OKTA_ACTOR, type LinkField, type LinkKey } from '../window/link-spec.js';
import type { ElementRefs, OutColumn } from './dialect.js';
import { sqlString } from './quote.js';

/** The column of the query's event relations holding each single-valued link field. */
export const FIELD_COLUMNS: Record<Exclude<LinkField, 'targets.id'>, string> = {
  requestApiTokenId: 'req',
  'actor.id': 'actor_id',
  'client.ipAddress': 'ip',
};

/** The column holding the targets (a JSON array text), whose ids are the `targets.id` field. */
export const TARGETS_COLUMN = 'tgt';

/** Every field some link compares, each once, in rule order. */
function linkFields(): LinkField[] {
  return [...new Set(LINK_RULES.flatMap((r) => r.fields))];
}

/** The columns of {@link linkValueRows}: a field's name in LINK_RULES, and one value of it. */
export const VALUE_COLUMNS: readonly OutColumn[] = [
  { name: 'slot', type: 'text' },
  { name: 'val', type: 'text' },
];

/**
 * The rows an event is exploded into so that one equality join on (slot, val) finds every key it
 * matches: one per single-valued link field, and one per target (its id) when a rule compares
 * `targets.id`.
 */
export function linkValueRows(): { rows: string[][]; targets: ((el: ElementRefs) => string[]) | null } {
  const fields = linkFields();
  const rows = fields.filter((f): f is Exclude<LinkField, 'targets.id'> => f !== 'targets.id').map((f) => [sqlString(f), `x.${FIELD_COLUMNS[f]}`]);
  return { rows, targets: fields.includes('targets.id') ? (el) => [sqlString('targets.id'), el.id] : null };
}

/** The columns of {@link keyRows}: the field compared, the key value, the time span it links in, and for what. */
export const KEY_COLUMNS: readonly OutColumn[] = [
  { name: 'slot', type: 'text' },
  { name: 'val', type: 'text' },
  { name: 'w_start', type: 'int' },
  { name: 'w_end', type: 'int' },
  { name: 'signin', type: 'int' },
  { name: 'link', type: 'text' },
];

/** One source of a key's values: the value (NULL where the row gives none) and the span it links in. */
interface KeySource {
  val: string;
  start: string;
  end: string;
}

/**
 * What a key is for one row of the token facts (`x`, see query.ts): KEY_RULES in SQL. Anchor rows
 * (`x.anchor = 1`) carry a revocation with its window `x.w_start`..`x.w_end`, its token
 * (`x.token`), revoker (`x.actor_id`, `x.okta`) and the token's owners (`x.owner_lo`,
 * `x.owner_hi`: the actors of its earliest create events); rows of the `ip` kind carry one address
 * a revoked token was used from, first and last (`x.v_first`, `x.v_last`), and the span of the
 * token's windows (`x.t_lo`, `x.t_hi`).
 */
function keySources(key: LinkKey): KeySource[] {
  const window = { start: 'x.w_start', end: 'x.w_end' };
  const anchor = (cond: string, v: string): KeySource => ({ val: `CASE WHEN x.anchor = 1${cond} THEN ${v} END`, ...window });
  switch (key) {
    case 'tokenId':
      return [anchor('', 'x.token')];
    case 'actorId':
      return [anchor(KEY_RULES.actorId.noneWhenOkta ? ' AND x.okta = 0' : '', 'x.actor_id')];
    case 'ownerId':
      // Several creates at the earliest instant: either actor may be the owner the scan picks.
      return [anchor('', 'x.owner_lo'), anchor(' AND x.owner_hi <> x.owner_lo', 'x.owner_hi')];
    case 'tokenIps': {
      // Every address the token was used from at some time within its windows (a superset of the
      // addresses used inside one window; the scan settles which are).
      const used: KeySource = {
        val: "CASE WHEN x.kind = 'ip' AND x.rn_first = 1 AND x.revoked = 1 AND x.v_last >= x.t_lo AND x.v_first <= x.t_hi THEN x.val END",
        start: 'x.t_lo',
        end: 'x.t_hi',
      };
      const own = anchor(" AND x.token IS NOT NULL AND x.req = x.token AND x.ip <> ''", 'x.ip');
      return KEY_RULES.tokenIps.revocationCounts ? [used, own] : [used];
    }
  }
}

/** Rows of `keys` (KEY_COLUMNS) for every link rule and every field it compares. */
export function keyRows(): string[][] {
  return LINK_RULES.flatMap((r) =>
    r.fields.flatMap((f) => keySources(r.key).map((k) => [sqlString(f), k.val, k.start, k.end, '0', sqlString(r.kind)])),
  );
}

/** Whether an actor is Okta itself (OKTA_ACTOR), over columns `<prefix>actor_alt` and `<prefix>actor_type`. */
export function isOktaSql(prefix = ''): string {
  return `(lower(${prefix}actor_alt) = ${sqlString(OKTA_ACTOR.alternateId)} OR lower(${prefix}actor_type) = ${sqlString(OKTA_ACTOR.type)})`;
}

/**
 * The revoked token's position among a revocation's targets (KEY_RULES.tokenId), as window
 * aggregates over the target rows of one event (`partition`).
 */
export function revokedTokenPosition(partition: string): string {
  const rule = KEY_RULES.tokenId;
  const first = (cond: string) => `MIN(CASE WHEN kind = 'target' AND ${cond} THEN pos END) OVER (PARTITION BY ${partition})`;
  return `COALESCE(${first(`lower(ttype) = ${sqlString(rule.targetType)}`)}, ${first(`tid LIKE ${sqlString(`${rule.fallbackPrefix}%`)}`)})`;
}

/** Whether a target row is one the owner rule reads (a create event naming its token as a target of the Token type). */
export function ownerRowSql(): string {
  const rule = KEY_RULES.ownerId;
  return `kind = 'target' AND etype_lc = ${sqlString(rule.eventType)} AND lower(ttype) = ${sqlString(rule.targetType)}`;
}
