// The event fields the query reads, each under the key spellings a pipeline may give it (eventType, eventtype, event_type).
import type { FieldKind, FieldSpec } from './dialect.js';

/** The spellings of a path the query tries, in order: as Okta spells it, all lower case, snake_case. */
const SPELLINGS: readonly ((key: string) => string)[] = [
  (k) => k,
  (k) => k.toLowerCase(),
  (k) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
];

/** The distinct spellings of a path, each style applied to every key of it. */
export function spellings(path: readonly string[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const style of SPELLINGS) {
    const p = path.map(style);
    const key = p.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * The top-level keys of Okta's LogEvent, as Okta spells them: the columns of a table in the
 * `columns` layout, and the keys of the event rebuilt from them where the engine needs a list.
 */
export const TOP_LEVEL_KEYS: readonly string[] = [
  'uuid', 'published', 'eventType', 'version', 'severity', 'legacyEventType', 'displayMessage', 'actor', 'client',
  'device', 'authenticationContext', 'securityContext', 'debugContext', 'outcome', 'target', 'transaction', 'request',
];

function field(name: string, path: string, kind: FieldKind): FieldSpec {
  return { name, paths: spellings(path.split('.')), kind };
}

/**
 * What the query reads of token events (as src/events/normalize.ts reads it): identity and time,
 * the link fields, the revoker's kind, and what the triage signals compare (outcome, country,
 * network, user agent). WINDOW_FIELDS are those it reads of every event.
 */
export const EVENT_FIELDS: readonly FieldSpec[] = [
  field('uuid', 'uuid', 'text'),
  field('etype', 'eventType', 'string'),
  field('published', 'published', 'string'),
  field('actor_id', 'actor.id', 'text'),
  field('actor_alt', 'actor.alternateId', 'text'),
  field('actor_type', 'actor.type', 'text'),
  field('ip', 'client.ipAddress', 'text'),
  field('req', 'transaction.detail.requestApiTokenId', 'text'),
  field('outcome', 'outcome.result', 'text'),
  field('country', 'client.geographicalContext.country', 'text'),
  field('asnum', 'securityContext.asNumber', 'text'),
  field('asorg', 'securityContext.asOrg', 'text'),
  // A user agent is either a string or an object holding rawUserAgent.
  field('agent_s', 'client.userAgent', 'string'),
  field('agent_raw', 'client.userAgent.rawUserAgent', 'text'),
  field('tgt', 'target', 'array'),
];

/** The fields read of every event, in the window search: identity, time, link fields, outcome. */
export const WINDOW_FIELDS: readonly FieldSpec[] = EVENT_FIELDS.filter((f) => ['uuid', 'etype', 'published', 'actor_id', 'ip', 'req', 'outcome', 'tgt'].includes(f.name));
