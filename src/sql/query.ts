// The reducer query: every event a scan's report needs, from a table of Okta System Log events, for one engine.
import { IDLE_EXPIRY_MS } from '../signals/options.js';
import { SIGN_IN, SIGN_IN_RESULT } from '../signals/revoker-places.js';
import { REVOKE_EVENT } from '../window/link-spec.js';
import type { Dialect, Layout } from './dialect.js';
import { EVENT_FIELDS } from './fields.js';
import { isOktaSql, keySources, linkKeys, linkValues, revocationTokenPosition } from './link-sql.js';
import { sqlString } from './quote.js';
import { epochMs, MAX_PUBLISHED_LENGTH, PUBLISHED_PATTERN, timeParts } from './time.js';

/** One end of the revocation range: an instant (ms), or a duration before the table's newest event. */
export type RangeBound = { kind: 'at'; ms: number } | { kind: 'before-newest'; ms: number };

/** What the query is for. */
export interface QueryOptions {
  table: string;
  column: string;
  layout: Layout;
  /** Window before and after each revocation (ms), as the CLI's --before and --after. */
  before: number;
  after: number;
  /** History read before each window (ms), as the CLI's --baseline. */
  baseline: number;
  /** Only revocations in this range are anchors (the CLI's --from and --to). */
  from: RangeBound | null;
  to: RangeBound | null;
}

/** The prefix of every token lifecycle event type (`system.api_token.`). */
const TOKEN_EVENTS = REVOKE_EVENT.slice(0, REVOKE_EVENT.lastIndexOf('.') + 1);

/** Columns of `ok` (valid events) that later relations read. */
const OK_COLUMNS = ['event', 'ukey', 'uuid', 'etype', 'etype_lc', 'ms', 'actor_id', 'actor_alt', 'actor_type', 'ip', 'req', 'outcome', 'country', 'asn', 'agent', 'tgt'];

/** The columns every part of the result carries until the final dedupe. */
const PICKED = 'event, ukey, etype, ms';

function bound(b: RangeBound, newest: string): string {
  return b.kind === 'at' ? String(b.ms) : `(${newest}) - ${b.ms}`;
}

/** The common table expressions of the query, in order (name, SELECT). */
export function queryParts(d: Dialect, o: QueryOptions): [string, string][] {
  const fieldNames = EVENT_FIELDS.map((f) => f.name);
  const newest = 'SELECT MAX(ms) FROM ok';
  const range = [
    o.from ? ` AND o.ms >= ${bound(o.from, newest)}` : '',
    o.to ? ` AND o.ms <= ${bound(o.to, newest)}` : '',
  ].join('');
  const ctes: [string, string][] = [
    ['src', d.source(o.layout, o.table, o.column)],
    ['ev', d.fields('src', EVENT_FIELDS)],
    // Events the CLI reads: an eventType that is a non-empty string, a published time it parses.
    [
      'pt',
      `SELECT event, ${fieldNames.join(', ')}, ${d.groups('trim(published)', PUBLISHED_PATTERN)} AS pg FROM ev
    WHERE etype IS NOT NULL AND trim(etype) <> '' AND published IS NOT NULL AND length(published) <= ${MAX_PUBLISHED_LENGTH}`,
    ],
    ['pn', `SELECT event, ${fieldNames.join(', ')}, ${timeParts(d, 'pg').join(', ')} FROM pt`],
    [
      'evt',
      `SELECT event, COALESCE(NULLIF(uuid, ''), event) AS ukey, uuid, etype, lower(etype) AS etype_lc, ${epochMs(d)} AS ms,
    actor_id, actor_alt, actor_type, ip, req, outcome, country, COALESCE(asnum, asorg) AS asn, COALESCE(agent_s, agent_raw) AS agent, tgt FROM pn`,
    ],
    ['ok', `SELECT ${OK_COLUMNS.join(', ')} FROM evt WHERE ms IS NOT NULL`],
    // Token lifecycle events, once per target: revocations (their token), creations (owners).
    ['tk', `SELECT ${OK_COLUMNS.join(', ')} FROM ok WHERE substr(etype_lc, 1, ${TOKEN_EVENTS.length}) = ${sqlString(TOKEN_EVENTS)}`],
    ['tl', d.unnestTargets('tk', ['event', 'ukey', 'etype', 'etype_lc', 'ms', 'actor_id'], 'tgt')],
    ['rvp', `SELECT event, ${revocationTokenPosition()} AS tpos FROM tl WHERE etype_lc = ${sqlString(REVOKE_EVENT)} GROUP BY event`],
    // The anchors: every revocation (in the range), its window and its keys.
    [
      'rv',
      `SELECT DISTINCT o.event, o.ukey, o.etype, o.ms, o.ms AS r_at, o.ms - ${o.before} AS w_start, o.ms + ${o.after} AS w_end, t.tid AS token,
    CASE WHEN ${isOktaSql('o.')} THEN 1 ELSE 0 END AS okta, o.actor_id, o.req, o.ip
    FROM ok AS o LEFT JOIN rvp AS p ON p.event = o.event LEFT JOIN tl AS t ON t.event = o.event AND t.pos = p.tpos
    WHERE o.etype_lc = ${sqlString(REVOKE_EVENT)}${range}`,
    ],
    ['calls', `SELECT ${OK_COLUMNS.join(', ')}, '' AS nothing FROM ok WHERE req IN (SELECT token FROM rv)`],
    ...keySources(),
    [
      'keys',
      [
        ...linkKeys(),
        // Signal history: the token's calls from `baseline` before the window (and, when Okta
        // revoked, 30 days before the revocation: dormant-token), and the revoker's sign-ins.
        `SELECT 'requestApiTokenId' AS slot, token AS val, CASE WHEN okta = 1 THEN LEAST(w_start - ${o.baseline}, r_at - ${IDLE_EXPIRY_MS}) ELSE w_start - ${o.baseline} END AS w_start, w_end, 0 AS signin, 'history' AS link FROM rv WHERE token IS NOT NULL`,
        `SELECT 'actor.id' AS slot, actor_id AS val, w_start - ${o.baseline} AS w_start, w_end, 1 AS signin, 'history' AS link FROM rv WHERE okta = 0 AND actor_id IS NOT NULL AND req IS NULL`,
      ].join('\n    UNION ALL '),
    ],
    // Every event inside some key's time span (the pruning bound), once per link field value.
    [
      'inb',
      `SELECT ${OK_COLUMNS.join(', ')}, CASE WHEN etype_lc = ${sqlString(SIGN_IN)} AND upper(outcome) = ${sqlString(SIGN_IN_RESULT)} AND req IS NULL THEN 1 ELSE 0 END AS signin
    FROM ok WHERE ms >= (SELECT MIN(w_start) FROM keys) AND ms <= (SELECT MAX(w_end) FROM keys)`,
    ],
    ['vals', linkValues(d, 'inb', ['event', 'ukey', 'etype', 'ms', 'signin'])],
    [
      'linked',
      `SELECT v.event, v.ukey, v.etype, v.ms, k.link FROM vals AS v JOIN keys AS k ON k.slot = v.slot AND k.val = v.val
    AND v.ms >= k.w_start AND v.ms <= k.w_end AND (k.signin = 0 OR v.signin = 1)`,
    ],
    // The token baselines of the first pass: each revoked token's first call, its first call
    // with each address, country, network, user agent and event type, and its last call from
    // each address (the span the collector's candidate addresses come from).
    ['base', d.unpivot('calls', ['event', 'ukey', 'etype', 'ms', 'req'], [['first', 'nothing'], ['ip', 'ip'], ['country', 'country'], ['asn', 'asn'], ['agent', 'agent'], ['type', 'etype_lc']])],
    [
      'ranked',
      `SELECT ${PICKED}, slot, ROW_NUMBER() OVER (PARTITION BY req, slot, val ORDER BY ms) AS rn_first,
    ROW_NUMBER() OVER (PARTITION BY req, slot, val ORDER BY ms DESC) AS rn_last FROM base WHERE val IS NOT NULL`,
    ],
    // The parts of the result: revocations, lifecycle events of the revoked tokens, linked
    // events and history, baselines, and the newest event (for --from/--to relative to it).
    [
      'picked',
      [
        `SELECT ${PICKED} FROM rv`,
        `SELECT ${PICKED} FROM tl WHERE tid IN (SELECT token FROM rv)`,
        `SELECT ${PICKED} FROM linked`,
        `SELECT ${PICKED} FROM ranked WHERE rn_first = 1 OR (slot = 'ip' AND rn_last = 1)`,
        `SELECT ${PICKED} FROM ok WHERE ms = (${newest})`,
      ].join('\n    UNION ALL '),
    ],
  ];
  return ctes;
}

/** The whole query: the parts, then each event once (by uuid, type and time, as the CLI dedupes), oldest first. */
export function buildQuery(d: Dialect, o: QueryOptions): string {
  const ctes = queryParts(d, o).map(([name, sql]) => `${name} AS (\n  ${sql}\n)`);
  return `WITH\n${ctes.join(',\n')}
SELECT event FROM (
  SELECT event, ukey, etype, ms, ROW_NUMBER() OVER (PARTITION BY ukey, etype, ms ORDER BY event) AS rn FROM picked
) AS d
WHERE rn = 1
ORDER BY ms, ukey, etype`;
}
