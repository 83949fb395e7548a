// The link rules (LINK_RULES, KEY_RULES) as SQL: the revocations' keys as rows, and each event's link fields as rows to join them on.
import { KEY_RULES, LINK_RULES, OKTA_ACTOR, type LinkField, type LinkKey } from '../window/link-spec.js';
import type { Dialect, Pair } from './dialect.js';
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
export function linkFields(): LinkField[] {
  return [...new Set(LINK_RULES.flatMap((r) => r.fields))];
}

/**
 * `SELECT <keep>, slot, val FROM <from>`: each event once per value of a link field (`slot` the
 * field's name in LINK_RULES), so that one equality join finds every key it matches.
 */
export function linkValues(d: Dialect, from: string, keep: readonly string[]): string {
  const fields = linkFields();
  const pairs: Pair[] = fields.filter((f): f is Exclude<LinkField, 'targets.id'> => f !== 'targets.id').map((f) => [f, FIELD_COLUMNS[f]]);
  const targets = fields.includes('targets.id') ? { label: 'targets.id', array: TARGETS_COLUMN } : undefined;
  return d.unpivot(from, keep, pairs, targets);
}

/** The relation of each key's rows (`val`, `w_start`, `w_end`): see {@link keySources}. */
export const KEY_RELATIONS: Record<LinkKey, string> = {
  tokenId: 'k_token',
  actorId: 'k_actor',
  ownerId: 'k_owner',
  tokenIps: 'k_ips',
};

/**
 * The key relations (name → SELECT) as KEY_RULES defines them, over the relations the query
 * builds: `rv` (revocations: event, r_at, w_start, w_end, token, okta, actor_id, req, ip), `tl`
 * (the targets of token lifecycle events: etype_lc, ms, actor_id, pos, tid, ttype) and `calls`
 * (calls made with a revoked token: req, ip, ms).
 */
export function keySources(): [string, string][] {
  const token = KEY_RULES.tokenId;
  const actor = KEY_RULES.actorId;
  const owner = KEY_RULES.ownerId;
  const ips = KEY_RULES.tokenIps;
  const out: [string, string][] = [];
  // tokenId: the revoked token (rv.token is found by the `revoked-token` rule, see revocationToken).
  if (token.from === 'revoked-token') out.push([KEY_RELATIONS.tokenId, 'SELECT token AS val, w_start, w_end FROM rv WHERE token IS NOT NULL']);
  // actorId: the revoker, unless Okta revoked.
  out.push([KEY_RELATIONS.actorId, `SELECT actor_id AS val, w_start, w_end FROM rv WHERE actor_id IS NOT NULL${actor.noneWhenOkta ? ' AND okta = 0' : ''}`]);
  // ownerId: the actors of the token's earliest create events (several when they share that instant).
  out.push(['cr', `SELECT tid AS token, ms, actor_id FROM tl WHERE etype_lc = ${sqlString(owner.eventType)} AND lower(ttype) = ${sqlString(owner.targetType)} AND tid IN (SELECT token FROM rv)`]);
  out.push(['own', 'SELECT DISTINCT c.token, c.actor_id FROM cr AS c JOIN (SELECT token, MIN(ms) AS ms FROM cr GROUP BY token) AS f ON f.token = c.token AND f.ms = c.ms WHERE c.actor_id IS NOT NULL']);
  out.push([KEY_RELATIONS.ownerId, 'SELECT w.actor_id AS val, r.w_start, r.w_end FROM rv AS r JOIN own AS w ON w.token = r.token']);
  // tokenIps: every address the token was used from at some time within the window, from the
  // first and last use from each (the collector's candidates; it keeps the exact ones), and the
  // revocation's own address when it was made with the token.
  out.push(['span', 'SELECT req AS token, ip, MIN(ms) AS t_first, MAX(ms) AS t_last FROM calls WHERE ip IS NOT NULL GROUP BY req, ip']);
  const own = ips.revocationCounts ? " UNION ALL SELECT ip AS val, w_start, w_end FROM rv WHERE token IS NOT NULL AND req = token AND ip IS NOT NULL AND ip <> ''" : '';
  out.push([KEY_RELATIONS.tokenIps, `SELECT p.ip AS val, r.w_start, r.w_end FROM rv AS r JOIN span AS p ON p.token = r.token AND p.t_last >= r.w_start AND p.t_first <= r.w_end${own}`]);
  return out;
}

/** Whether an actor is Okta itself (OKTA_ACTOR), over columns `<prefix>actor_alt` and `<prefix>actor_type`. */
export function isOktaSql(prefix = ''): string {
  return `(lower(${prefix}actor_alt) = ${sqlString(OKTA_ACTOR.alternateId)} OR lower(${prefix}actor_type) = ${sqlString(OKTA_ACTOR.type)})`;
}

/** The revoked token's position among a revocation's targets (KEY_RULES.tokenId), from `tl` rows grouped by event. */
export function revocationTokenPosition(): string {
  const rule = KEY_RULES.tokenId;
  return `COALESCE(MIN(CASE WHEN lower(ttype) = ${sqlString(rule.targetType)} THEN pos END), MIN(CASE WHEN tid LIKE ${sqlString(`${rule.fallbackPrefix}%`)} THEN pos END))`;
}

/**
 * `keys`: one row per (link field, key value, window) with `link` the rule's kind, for every rule
 * and every field it compares, from the key relations.
 */
export function linkKeys(): string[] {
  return LINK_RULES.flatMap((r) =>
    r.fields.map((f) => `SELECT ${sqlString(f)} AS slot, val, w_start, w_end, 0 AS signin, ${sqlString(r.kind)} AS link FROM ${KEY_RELATIONS[r.key]}`),
  );
}
