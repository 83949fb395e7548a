// The token flags: what an auditor should look at about one token, each with its severity and evidence.
import { compareTokenFlags, type TokenFlag, type TokenOwner, type TokenStatus } from '../model/token.js';
import type { Severity } from '../model/severity.js';
import { roughly, utc } from '../signals/context.js';
import { plural } from '../text/plural.js';
import { IDLE_EXPIRY_MS } from '../signals/options.js';
import { privilegedType } from '../signals/privileged-types.js';
import { maxSeverity } from '../signals/severity.js';
import { before, type Stamp, type TokenCalls } from './call-tally.js';
import type { TokenFact, UserStateFact } from './lifecycle.js';
import { isGone } from './user-state.js';

/** What the flags read about one token. */
export interface TokenView {
  id: string;
  status: TokenStatus;
  /** Its creation event, or null. */
  create: TokenFact | null;
  owner: TokenOwner | null;
  /** Its calls in the range, or null when there are none. */
  calls: TokenCalls | null;
  /** Its owner's last state change up to the end of the range, or null. */
  ownerState: UserStateFact | null;
}

/** What the flags read about the whole run. */
export interface FlagSettings {
  /** The end of what the input shows (ms): the end of the range, else the newest event. */
  end: number;
  /** Whether `--from`/`--to` narrowed the calls counted (messages then say "in the range"). */
  ranged: boolean;
  maxPlaces: number;
  /** Most evidence uuids, and most values named in a message list. */
  maxValues: number;
  /** The name of another token, or null. */
  nameOf(id: string): string | null;
}

/** Uuids of stamps in time order, each once, at most `max`. */
function evidenceOf(stamps: Iterable<Stamp>, max: number): string[] {
  const sorted = [...stamps].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return [...new Set(sorted.map((s) => s.uuid))].slice(0, max);
}

/** `a, b, c` or `a, b, c and 2 more`. */
function listed(values: readonly string[], max: number): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/** Values of a first-use map in the order they were first used. */
function byFirstUse(map: ReadonlyMap<string, Stamp>): string[] {
  return [...map].sort(([, a], [, b]) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).map(([v]) => v);
}

/** A token that is revoked in the input needs no clean-up: some flags are only for the others. */
function live(v: TokenView): boolean {
  return v.status === 'active' || v.status === 'revoke-failed';
}

/** created-by-token: made with another token's credentials (persistence). */
function createdByToken(v: TokenView, s: FlagSettings): TokenFlag[] {
  const via = v.create?.viaToken;
  if (!v.create || via === null || via === undefined || via === '') return [];
  const name = s.nameOf(via);
  return [{
    id: 'created-by-token',
    severity: 'high',
    message: `created with the credentials of token ${via}${name ? ` (${name})` : ''} at ${utc(v.create.published)}: a token made by a token outlives the first one's revocation (persistence)`,
    evidence: [v.create.uuid],
  }];
}

/** privileged-use: calls of the sensitive types the triage signals weigh (PRIVILEGED_TYPES). */
function privilegedUse(v: TokenView, s: FlagSettings): TokenFlag[] {
  let severity: Severity = 'info';
  let n = 0;
  const parts: { type: string; first: Stamp; text: string }[] = [];
  for (const [type, tally] of v.calls?.eventTypes ?? []) {
    const entry = privilegedType(type);
    if (!entry) continue;
    severity = maxSeverity(severity, entry.severity);
    n += tally.calls;
    parts.push({ type, first: tally.first, text: `${type} ×${tally.calls} (${entry.reason})` });
  }
  if (parts.length === 0) return [];
  parts.sort((a, b) => (before(a.first, b.first) ? -1 : before(b.first, a.first) ? 1 : 0));
  return [{
    id: 'privileged-use',
    severity,
    message: `${plural(n, 'sensitive call')}: ${listed(parts.map((p) => p.text), s.maxValues)}`,
    evidence: evidenceOf(parts.map((p) => p.first), s.maxValues),
  }];
}

/** proxy: calls Okta marked as coming through an anonymising proxy, or with a threat verdict. */
function proxy(v: TokenView, s: FlagSettings): TokenFlag[] {
  const c = v.calls;
  if (!c || (c.proxy === 0 && c.threat === 0)) return [];
  const parts = [
    c.proxy > 0 ? `${plural(c.proxy, 'call')} through an anonymising proxy (isProxy)` : '',
    c.threat > 0 ? `${plural(c.threat, 'call')} with Okta's threat verdict (threatSuspected)` : '',
  ].filter(Boolean);
  return [{ id: 'proxy', severity: c.threat > 0 ? 'high' : 'medium', message: parts.join(', '), evidence: evidenceOf(c.marked, s.maxValues) }];
}

/** many-places: calls from more countries, or more networks, than `--max-places`. */
function manyPlaces(v: TokenView, s: FlagSettings): TokenFlag[] {
  const c = v.calls;
  if (!c || (c.countries.size <= s.maxPlaces && c.networks.size <= s.maxPlaces)) return [];
  const countries = byFirstUse(c.countries);
  // A network is an AS number (shown as AS16509), else the AS organisation.
  const networks = byFirstUse(c.networks).map((n) => (/^\d+$/.test(n) ? `AS${n}` : n));
  return [{
    id: 'many-places',
    severity: 'medium',
    message: `calls from ${plural(countries.length, 'country', 'countries')} (${listed(countries, s.maxValues)}) and ${plural(networks.length, 'network')} (${listed(networks, s.maxValues)}): more than ${s.maxPlaces}`,
    evidence: evidenceOf([...c.countries.values(), ...c.networks.values()], s.maxValues),
  }];
}

/** orphaned: the owner was deactivated or suspended (and not brought back), the token not revoked. */
function orphaned(v: TokenView): TokenFlag[] {
  const st = v.ownerState;
  if (!live(v) || st === null || !isGone(st.state)) return [];
  const who = v.owner?.alternateId ?? v.owner?.id ?? 'its owner';
  return [{
    id: 'orphaned',
    severity: 'medium',
    message: `its owner ${who} was ${st.state} at ${utc(st.published)}, and the token was not revoked in the input`,
    evidence: [st.uuid],
  }];
}

/** dormant: used, but not in the last 30 days of the input, and not revoked. */
function dormant(v: TokenView, s: FlagSettings): TokenFlag[] {
  const last = v.calls?.last;
  if (!live(v) || !last || last.t >= s.end - IDLE_EXPIRY_MS) return [];
  const where = s.ranged ? 'the range' : 'the input';
  return [{
    id: 'dormant',
    severity: 'low',
    message: `no call in the last 30 days of ${where}: last used ${utc(last.t)}, ${roughly(s.end - last.t)} before its end (Okta revokes tokens after 30 days without use: it is about to go, or kept alive by rare use)`,
    evidence: [last.uuid],
  }];
}

/** never-used: no call made with it at all, and not revoked. */
function neverUsed(v: TokenView, s: FlagSettings): TokenFlag[] {
  if (!live(v) || v.calls !== null) return [];
  const age = v.create ? ` (created ${roughly(Math.max(0, s.end - v.create.published))} before its end)` : '';
  return [{
    id: 'never-used',
    severity: 'low',
    message: `no call made with it in ${s.ranged ? 'the range' : 'the input'}${age}`,
    evidence: v.create ? [v.create.uuid] : [],
  }];
}

/** Every flag the token raises, highest severity first (then in TOKEN_FLAG_IDS order). */
export function tokenFlags(v: TokenView, s: FlagSettings): TokenFlag[] {
  return [...createdByToken(v, s), ...privilegedUse(v, s), ...proxy(v, s), ...manyPlaces(v, s), ...orphaned(v), ...dormant(v, s), ...neverUsed(v, s)].sort(compareTokenFlags);
}
