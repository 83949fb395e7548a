// Lifecycle facts and call tallies → one record per token, with its status, lists and flags, in report order.
import { isOktaSystem } from '../events/revocation.js';
import { isoUtc } from '../events/time.js';
import { SCHEMA_VERSION } from '../model/report.js';
import { compareTokens, type TokenRecord, type TokenStatus } from '../model/token.js';
import type { CallTally, TokenCalls } from './call-tally.js';
import { tokenFlags, type FlagSettings } from './flags.js';
import type { TokenFact, TokenLifecycle } from './lifecycle.js';

/** The time range the records describe, and where the input ends. */
export interface RecordRange {
  /** Calls counted and tokens listed: events published in [from, to] (ms; infinite when open). */
  from: number;
  to: number;
  /** The end of what the input shows (ms): `to` when it is set, else the newest event. */
  end: number;
}

/** Settings of {@link tokenRecords}. */
export interface RecordSettings {
  maxPlaces: number;
  maxValues: number;
}

/** A revocation that did not go through: `FAILURE` or `DENY`. */
function failed(outcome: string | null): boolean {
  const o = outcome?.toUpperCase();
  return o === 'FAILURE' || o === 'DENY';
}

/** The status a token's last revocation leaves it in. */
function statusAfter(revoke: TokenFact | undefined): TokenStatus {
  if (!revoke) return 'active';
  if (failed(revoke.outcome)) return 'revoke-failed';
  return isOktaSystem(revoke.actor) ? 'revoked-by-okta' : 'revoked';
}

/** Entries most counted first, then by key; at most `max`, and how many were left out. */
function top<T>(entries: Iterable<[string, T]>, count: (v: T) => number, max: number): { kept: [string, T][]; omitted: number } {
  const all = [...entries].sort(([ka, a], [kb, b]) => count(b) - count(a) || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return { kept: all.slice(0, max), omitted: Math.max(0, all.length - max) };
}

/** The record's lists, capped at `max` values each. */
function lists(calls: TokenCalls | null, max: number): Pick<TokenRecord, 'addresses' | 'userAgents' | 'eventTypes' | 'omitted'> {
  const addresses = top(calls?.addresses ?? [], (a) => a.calls, max);
  const agents = top(calls?.userAgents ?? [], (n) => n, max);
  const types = top(calls?.eventTypes ?? [], (t) => t.calls, max);
  return {
    addresses: addresses.kept.map(([ip, a]) => ({ ip, country: a.country, asn: a.asn, calls: a.calls })),
    userAgents: agents.kept.map(([value, calls]) => ({ value, calls })),
    eventTypes: Object.fromEntries(types.kept.map(([type, t]) => [type, t.calls])),
    omitted: { addresses: addresses.omitted, userAgents: agents.omitted, eventTypes: types.omitted },
  };
}

/**
 * One record per token with an event in the range (a call in [from, to], or an event targeting
 * it in [from, to]). What happened to a token up to `to` decides its name, owner, creation and
 * status (its last revocation), even when that was before `from`; only calls inside the range
 * are counted. Sorted by `compareTokens`.
 */
export function tokenRecords(lifecycle: TokenLifecycle, tally: CallTally, range: RecordRange, settings: RecordSettings): TokenRecord[] {
  const ids = new Set([...lifecycle.tokenIds(), ...tally.tokenIds()]);
  const factsById = new Map<string, TokenFact[]>();
  for (const id of ids) factsById.set(id, lifecycle.factsOf(id, range.to));
  const nameOf = (id: string): string | null => {
    const facts = factsById.get(id) ?? [];
    for (let i = facts.length - 1; i >= 0; i--) if (facts[i]!.name) return facts[i]!.name;
    return null;
  };
  const flagSettings: FlagSettings = {
    end: range.end,
    ranged: Number.isFinite(range.from) || Number.isFinite(range.to),
    maxPlaces: settings.maxPlaces,
    maxValues: settings.maxValues,
    nameOf,
  };
  const records: TokenRecord[] = [];
  for (const id of ids) {
    const facts = factsById.get(id)!;
    const calls = tally.get(id) ?? null;
    if (!calls && !facts.some((f) => f.published >= range.from)) continue;
    const create = facts.find((f) => f.kind === 'create') ?? null;
    const revoke = facts.findLast((f) => f.kind === 'revoke');
    const status = statusAfter(revoke);
    const owner = create ? { id: create.actor.id, alternateId: create.actor.alternateId, displayName: create.actor.displayName } : null;
    const times = [...(facts.length ? [facts[0]!.published, facts.at(-1)!.published] : []), ...(calls ? [calls.first.t, calls.last.t] : [])];
    const ownerState = owner?.id ? lifecycle.lastState(owner.id, range.to) : null;
    records.push({
      schemaVersion: SCHEMA_VERSION,
      kind: 'token',
      id,
      name: nameOf(id),
      owner,
      created: create && {
        published: isoUtc(create.published),
        ip: create.ip,
        by: { id: create.actor.id, alternateId: create.actor.alternateId },
        viaToken: create.viaToken || null,
      },
      status,
      revoked: revoke
        ? {
            published: isoUtc(revoke.published),
            by: { kind: isOktaSystem(revoke.actor) ? 'system' : 'user', id: revoke.actor.id, alternateId: revoke.actor.alternateId },
            outcome: revoke.outcome,
          }
        : null,
      firstSeen: isoUtc(Math.min(...times)),
      lastSeen: isoUtc(Math.max(...times)),
      lastUsed: calls ? isoUtc(calls.last.t) : null,
      calls: calls?.calls ?? 0,
      ...lists(calls, settings.maxValues),
      flags: tokenFlags({ id, status, create, owner, calls, ownerState }, flagSettings),
    });
  }
  return records.sort(compareTokens);
}
