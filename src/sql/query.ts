// The reducer query: every event a scan's report needs, from a table of Okta System Log events, for one engine.
import { IDLE_EXPIRY_MS } from '../signals/options.js';
import { SIGN_IN, SIGN_IN_RESULT } from '../signals/revoker-places.js';
import { REVOKE_EVENT } from '../window/link-spec.js';
import type { Dialect, FieldSpec, Layout, OutColumn } from './dialect.js';
import { EVENT_FIELDS, spellings, WINDOW_FIELDS } from './fields.js';
import { FIELD_COLUMNS, isOktaSql, KEY_COLUMNS, keyRows, linkValueRows, ownerRowSql, revokedTokenPosition, TARGETS_COLUMN, VALUE_COLUMNS } from './link-sql.js';
import { sqlString } from './quote.js';
import { epochMs, MAX_PUBLISHED_LENGTH, PUBLISHED_PATTERN, timeParts } from './time.js';

/** One end of the revocation range: an instant (ms), or a duration before the table's newest event. */
type RangeBound = { kind: 'at'; ms: number } | { kind: 'before-newest'; ms: number };

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

/** Columns of the parsed token events (`t_ok`). */
const EVENT_COLUMNS = ['event', 'ukey', 'uuid', 'etype', 'etype_lc', 'ms', 'actor_id', 'actor_alt', 'actor_type', 'ip', 'req', 'outcome', 'country', 'asn', 'agent', TARGETS_COLUMN];

/** Columns of every parsed event (`ok`): what the window search reads. */
const WINDOW_COLUMNS = ['event', 'ukey', 'uuid', 'etype', 'etype_lc', 'ms', 'actor_id', 'ip', 'req', 'outcome', TARGETS_COLUMN];

/** Columns `evt` derives from the fields: the key, lower-case type, time, network and user agent. */
const DERIVED: Record<string, string> = {
  ukey: "COALESCE(NULLIF(uuid, ''), event)",
  etype_lc: 'lower(etype)',
  asn: 'COALESCE(asnum, asorg)',
  agent: 'COALESCE(agent_s, agent_raw)',
};

/** What a token fact row keeps of its event. */
const FACT_KEEP = ['event', 'ukey', 'etype', 'etype_lc', 'ms', 'actor_id', 'actor_alt', 'actor_type', 'req', 'ip'];

/** What a token fact row says: its kind (`rev`, `target`, or a baseline kind), and the value, target position, id and type. */
const FACT_COLUMNS: readonly OutColumn[] = [
  { name: 'kind', type: 'text' },
  { name: 'val', type: 'text' },
  { name: 'pos', type: 'int' },
  { name: 'tid', type: 'text' },
  { name: 'ttype', type: 'text' },
];

/**
 * The values the token baselines compare (src/signals/token-baseline.ts), each a fact kind: a
 * revoked token's first call (`first`), and its first call with each address, country, network,
 * user agent and event type. The `ip` kind also gives its last call from each address (the
 * span the collector's candidate addresses come from).
 */
const BASELINE_KINDS: readonly [string, string][] = [
  ['first', "''"],
  ['ip', 'x.ip'],
  ['country', 'x.country'],
  ['asn', 'x.asn'],
  ['agent', 'x.agent'],
  ['type', 'x.etype_lc'],
];

/** The link fields the signal history follows: calls made with the token, and the revoker's own events. */
const FIELD_KEY = { token: 'requestApiTokenId', actor: 'actor.id' } as const satisfies Record<string, keyof typeof FIELD_COLUMNS>;

/**
 * The parsing chain over relation `from`: `<p>ev` … `<p>ok`, the events the CLI reads with the
 * `columns` (of `fields` and DERIVED); `where` narrows them.
 */
function parsed(d: Dialect, p: string, from: string, fields: readonly FieldSpec[], columns: readonly string[], where = ''): [string, string][] {
  const names = fields.map((f) => f.name).join(', ');
  const evt = columns.map((c) => (c === 'ms' ? `${epochMs(d)} AS ms` : c in DERIVED ? `${DERIVED[c]} AS ${c}` : c));
  return [
    [`${p}ev`, d.fields(from, EVENT_FIELDS)],
    // An eventType that is a non-empty string, a published time the CLI parses.
    [
      `${p}pt`,
      `SELECT event, ${names}, ${d.groups('trim(published)', PUBLISHED_PATTERN)} AS pg FROM ${p}ev
    WHERE etype IS NOT NULL AND trim(etype) <> '' AND published IS NOT NULL AND length(published) <= ${MAX_PUBLISHED_LENGTH}${d.fence}`,
    ],
    [`${p}pn`, `SELECT event, ${names}, ${timeParts(d, 'pg').join(', ')} FROM ${p}pt${d.fence}`],
    [`${p}evt`, `SELECT ${evt.join(', ')} FROM ${p}pn`],
    [`${p}ok`, `SELECT ${columns.join(', ')} FROM ${p}evt WHERE ms IS NOT NULL${where}`],
  ];
}

function bound(b: QueryOptions['from'] & object): string {
  return b.kind === 'at' ? String(b.ms) : `n.top - ${b.ms}`;
}

/** Lower-case needles that every token lifecycle event and every call made with a token contains. */
function tokenNeedles(): string[] {
  return [...new Set([TOKEN_EVENTS, ...spellings(['requestApiTokenId']).map((p) => p[0]!.toLowerCase())])];
}

/**
 * The common table expressions of the query, in order (name, SELECT). Engines that inline them
 * (ClickHouse, Trino) read the table four times: the token facts three times (a cheap text test
 * first), every event once; with a range relative to the newest event, more.
 */
export function queryParts(d: Dialect, o: QueryOptions): [string, string][] {
  const relative = o.from?.kind === 'before-newest' || o.to?.kind === 'before-newest';
  const range = [o.from ? ` AND ms >= ${bound(o.from)}` : '', o.to ? ` AND ms <= ${bound(o.to)}` : ''].join('');
  const facts = d.explode(
    't_ok',
    FACT_KEEP,
    FACT_COLUMNS,
    [
      [`CASE WHEN x.etype_lc = ${sqlString(REVOKE_EVENT)} THEN 'rev' END`, 'NULL', 'NULL', 'NULL', 'NULL'],
      ...BASELINE_KINDS.map(([kind, v]) => [`CASE WHEN x.req IS NOT NULL THEN ${sqlString(kind)} END`, v, 'NULL', 'NULL', 'NULL']),
    ],
    {
      array: TARGETS_COLUMN,
      row: (el) => [`CASE WHEN substr(x.etype_lc, 1, ${TOKEN_EVENTS.length}) = ${sqlString(TOKEN_EVENTS)} THEN 'target' END`, 'NULL', el.pos, el.id, el.type],
    },
  );
  const factCols = [...FACT_KEEP, ...FACT_COLUMNS.map((c) => c.name)];
  const f2Cols = [...factCols, 'tpos', 'token', 'anchor', 'okta', 'w_start', 'w_end'];
  const f3Cols = [...f2Cols, 'revoked', 't_lo', 't_hi', 'created', 'v_first', 'v_last', 'rn_first', 'rn_last'];
  const values = linkValueRows();
  const history = [
    // The token's calls from `baseline` before the window (and, when Okta revoked, 30 days before
    // the revocation: dormant-token): burst, dormant-token.
    [
      sqlString(FIELD_KEY.token),
      'CASE WHEN x.anchor = 1 THEN x.token END',
      `CASE WHEN x.okta = 1 THEN LEAST(x.w_start - ${o.baseline}, x.ms - ${IDLE_EXPIRY_MS}) ELSE x.w_start - ${o.baseline} END`,
      'x.w_end',
      '0',
      "'history'",
    ],
    // The revoker's sign-ins over the same span (revoker-context), unless the revocation was made with a token.
    [sqlString(FIELD_KEY.actor), 'CASE WHEN x.anchor = 1 AND x.okta = 0 AND x.req IS NULL THEN x.actor_id END', `x.w_start - ${o.baseline}`, 'x.w_end', '1', "'history'"],
  ];
  const source = d.source(o.layout, o.table, o.column);
  return [
    ['src', source],
    // Every event, parsed (the window search).
    ...parsed(d, '', 'src', WINDOW_FIELDS, WINDOW_COLUMNS),
    ...(relative ? ([['newest', 'SELECT MAX(ms) AS top FROM ok']] as [string, string][]) : []),
    // The token facts: token lifecycle events and calls made with a token (a text test first, where the table holds text).
    ['t_src', o.layout === 'text' ? `SELECT event FROM src WHERE ${d.containsAny('event', tokenNeedles())}` : 'SELECT event FROM src'],
    ...parsed(d, 't_', 't_src', EVENT_FIELDS, EVENT_COLUMNS, ` AND (substr(etype_lc, 1, ${TOKEN_EVENTS.length}) = ${sqlString(TOKEN_EVENTS)} OR req IS NOT NULL)`),
    // One row per target of a lifecycle event, per revocation, and per baseline value of a call.
    ['facts', facts],
    ['f1', `SELECT ${factCols.join(', ')}, ${revokedTokenPosition('ukey, etype, ms')} AS tpos FROM facts WHERE kind IS NOT NULL`],
    // The anchors: every revocation (in the range), once, on its token's row (or its only row when it names no token).
    [
      'f2',
      `SELECT ${factCols.join(', ')}, tpos, CASE WHEN kind = 'target' THEN tid WHEN kind = 'rev' THEN NULL ELSE req END AS token,
    CASE WHEN etype_lc = ${sqlString(REVOKE_EVENT)} AND ((kind = 'target' AND pos = tpos) OR (kind = 'rev' AND tpos IS NULL))${range} THEN 1 ELSE 0 END AS anchor,
    CASE WHEN ${isOktaSql()} THEN 1 ELSE 0 END AS okta, ms - ${o.before} AS w_start, ms + ${o.after} AS w_end FROM f1${relative ? ' CROSS JOIN newest AS n' : ''}`,
    ],
    // Per token: revoked or not, the span of its windows, its earliest creation; per token and
    // baseline value: first and last call.
    [
      'f3',
      `SELECT ${f2Cols.join(', ')}, MAX(anchor) OVER (PARTITION BY token) AS revoked,
    MIN(CASE WHEN anchor = 1 THEN w_start END) OVER (PARTITION BY token) AS t_lo, MAX(CASE WHEN anchor = 1 THEN w_end END) OVER (PARTITION BY token) AS t_hi,
    MIN(CASE WHEN ${ownerRowSql()} THEN ms END) OVER (PARTITION BY token) AS created,
    MIN(ms) OVER (PARTITION BY token, kind, val) AS v_first, MAX(ms) OVER (PARTITION BY token, kind, val) AS v_last,
    ROW_NUMBER() OVER (PARTITION BY token, kind, val ORDER BY ms) AS rn_first, ROW_NUMBER() OVER (PARTITION BY token, kind, val ORDER BY ms DESC) AS rn_last FROM f2`,
    ],
    // The owners: actors of the token's earliest creations.
    [
      'f4',
      `SELECT ${f3Cols.join(', ')}, MIN(CASE WHEN ${ownerRowSql()} AND ms = created THEN actor_id END) OVER (PARTITION BY token) AS owner_lo,
    MAX(CASE WHEN ${ownerRowSql()} AND ms = created THEN actor_id END) OVER (PARTITION BY token) AS owner_hi FROM f3`,
    ],
    // Every key of every link rule, and the signal history, as (field, value, span) rows.
    ['keys', `SELECT * FROM (${d.explode('f4', [], KEY_COLUMNS, [...keyRows(), ...history])}) AS k WHERE val IS NOT NULL`],
    ['bound', 'SELECT MIN(w_start) AS lo, MAX(w_end) AS hi FROM keys'],
    // Every event inside the keys' spans (the pruning bound), once per link field value.
    [
      'inb',
      `SELECT ${WINDOW_COLUMNS.map((c) => `o.${c} AS ${c}`).join(', ')},
    CASE WHEN o.etype_lc = ${sqlString(SIGN_IN)} AND upper(o.outcome) = ${sqlString(SIGN_IN_RESULT)} AND o.req IS NULL THEN 1 ELSE 0 END AS signin
    FROM ok AS o CROSS JOIN bound AS b WHERE o.ms >= b.lo AND o.ms <= b.hi`,
    ],
    ['vals', d.explode('inb', ['event', 'ukey', 'etype', 'ms', 'signin'], VALUE_COLUMNS, values.rows, values.targets ? { array: TARGETS_COLUMN, row: values.targets } : undefined)],
    [
      'linked',
      `SELECT v.event AS event, v.ukey AS ukey, v.etype AS etype, v.ms AS ms FROM vals AS v JOIN keys AS k ON k.slot = v.slot AND k.val = v.val
    WHERE v.ms >= k.w_start AND v.ms <= k.w_end AND (k.signin = 0 OR v.signin = 1)`,
    ],
    // The result: revocations, the revoked tokens' lifecycle events and baseline calls, linked
    // events and history, and for a relative range the newest event.
    [
      'picked',
      [
        "SELECT event, ukey, etype, ms FROM f4 WHERE anchor = 1 OR (revoked = 1 AND token IS NOT NULL AND (kind = 'target' OR rn_first = 1 OR (kind = 'ip' AND rn_last = 1)))",
        'SELECT event, ukey, etype, ms FROM linked',
        ...(relative ? ['SELECT o.event AS event, o.ukey AS ukey, o.etype AS etype, o.ms AS ms FROM ok AS o JOIN newest AS n ON o.ms = n.top'] : []),
      ].join('\n    UNION ALL '),
    ],
  ];
}

/** The whole query: the parts, then each event once (by uuid, type and time, as the CLI dedupes), oldest first. */
export function buildQuery(d: Dialect, o: QueryOptions): string {
  const ctes = queryParts(d, o).map(([name, sql]) => `${name} AS (\n  ${sql}\n)`);
  return `WITH\n${ctes.join(',\n')}
SELECT event FROM (
  SELECT event, ukey, etype, ms, ROW_NUMBER() OVER (PARTITION BY ukey, etype, ms ORDER BY event) AS rn FROM picked
) AS d
WHERE rn = 1
ORDER BY ms, ukey, etype${d.suffix ? `\n${d.suffix}` : ''}`;
}
