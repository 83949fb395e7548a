// The scan's job as DuckDB SQL (a benchmark peer): revocations, then each one's activity window with its links.

/** What the SQL reads and how it builds windows (the CLI's defaults: 24h before, nothing after, 10,000 events). */
export interface DuckJob {
  /** NDJSON or JSON array file. */
  input: string;
  /** `ndjson` (one event per line) or `array` (a JSON array, pretty or compact). */
  layout: 'ndjson' | 'array';
  /** Carry each window event's original text into the output (`event`), or uuids and links only. */
  originals: boolean;
  /** Milliseconds before and after each revocation. */
  before: number;
  after: number;
  /** Most events kept per window: the latest, as `--max-window-events`. */
  maxEvents: number;
}

/** A string literal for SQL. */
function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** The fields the job reads, as DuckDB types (missing keys become NULL). */
const FIELDS = {
  uuid: 'VARCHAR',
  published: 'VARCHAR',
  eventType: 'VARCHAR',
  actor: 'STRUCT(id VARCHAR, "type" VARCHAR, alternateId VARCHAR)',
  client: 'STRUCT(ipAddress VARCHAR)',
  target: 'STRUCT(id VARCHAR, "type" VARCHAR)[]',
  transaction: 'STRUCT(detail STRUCT(requestApiTokenId VARCHAR))',
} as const;

/**
 * The events table `ev`: one row per record, events without a usable type or time left out.
 * Duplicates (the same event exported twice) stay: they change no window (each window holds an
 * event once, by uuid) and no token fact, so only revocations are deduplicated, by uuid, as the
 * CLI's findings are. DuckDB's JSON reader reads only the fields above.
 */
function eventsTable(j: DuckJob): string {
  const columns = Object.entries(FIELDS).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ');
  return `CREATE TEMP TABLE ev AS
SELECT * FROM (
  SELECT uuid, epoch_ms(try_cast(published AS TIMESTAMPTZ)) AS t, eventType AS type,
         actor.id AS actor_id, actor."type" AS actor_type, actor.alternateId AS actor_alt,
         client.ipAddress AS ip, "transaction".detail.requestApiTokenId AS tok, target AS targets
  FROM read_json(${sqlString(j.input)}, format = ${layoutFormat(j)}, columns = {${columns}})
) WHERE t IS NOT NULL AND trim(coalesce(type, '')) <> ''`;
}

function layoutFormat(j: DuckJob): string {
  return j.layout === 'ndjson' ? "'newline_delimited'" : "'array'";
}

/**
 * The originals of the kept events, `orig(uuid, text)`: a second read of the input, as raw JSON
 * objects, keeping the records whose uuid some window holds (one record per uuid). Reading the
 * text of every record into `ev` instead took half as long again and twice the memory.
 */
function originalsTable(j: DuckJob): string {
  return `CREATE TEMP TABLE orig AS
SELECT DISTINCT ON (uuid) uuid, text FROM (
  SELECT json_extract_string(json, '$.uuid') AS uuid, json AS text FROM read_json_objects(${sqlString(j.input)}, format = ${layoutFormat(j)})
) WHERE uuid IN (SELECT uuid FROM kept)`;
}

/**
 * The statements of the job, in order; the last one writes `out` as NDJSON: one line per window
 * event, `{"revocation", "uuid", "links"}` (plus `"event"`, the original, with originals), ordered
 * by revocation time and id, then event time and uuid. The window semantics are the CLI's
 * (src/window/collector.ts, links.ts, token-index.ts, src/events/revocation.ts):
 * - a revocation is any `system.api_token.revoke` event (the built-in rules match them all); its
 *   token is its first `Token` target, else its first `00T…` target; its revoker is no one when
 *   Okta revoked it (`system@okta.com` or a `SystemPrincipal` actor);
 * - the owner is the actor of the token's earliest `system.api_token.create` event;
 * - an event of the window [time − before, time + after] (the revocation itself aside) is kept
 *   when made with the token or naming it as a target (`token`), by the revoker (`actor`), by the
 *   owner (`owner`), or from an address the token was used from at some time overlapping the
 *   window (`ip`, a candidate);
 * - only the latest `maxEvents` kept events stay (time, then uuid); then `ip` counts only the
 *   addresses the token was used from inside the window, and an event left with no link goes.
 */
export function jobStatements(j: DuckJob, out: string): string[] {
  return [
    eventsTable(j),
    `CREATE TEMP TABLE plan AS
SELECT r.*, o.owner_id FROM (
  SELECT uuid AS rid, t AS rt, t - ${j.before} AS ws, t + ${j.after} AS we,
         CASE WHEN len(list_filter(targets, x -> lower(x."type") = 'token')) > 0
              THEN list_filter(targets, x -> lower(x."type") = 'token')[1].id
              ELSE list_filter(targets, x -> starts_with(x.id, '00T'))[1].id END AS token_id,
         CASE WHEN lower(actor_alt) = 'system@okta.com' OR lower(actor_type) = 'systemprincipal' THEN NULL ELSE actor_id END AS actor_id
  FROM (SELECT DISTINCT ON (uuid) * FROM ev WHERE lower(type) = 'system.api_token.revoke' ORDER BY uuid, rowid)
) r LEFT JOIN (
  SELECT c.id AS tid, arg_min(actor_id, t) AS owner_id
  FROM (SELECT unnest(targets) AS c, actor_id, t FROM ev WHERE lower(type) = 'system.api_token.create')
  WHERE lower(c."type") = 'token' AND c.id IS NOT NULL GROUP BY c.id
) o ON o.tid = r.token_id`,
    // Addresses the token was used from at some time overlapping the window (the first pass's facts).
    `CREATE TEMP TABLE candidate_ip AS
SELECT DISTINCT p.rid, u.ip FROM plan p
JOIN (SELECT tok, ip, min(t) AS first, max(t) AS last FROM ev WHERE tok IS NOT NULL AND ip IS NOT NULL GROUP BY tok, ip) u
  ON u.tok = p.token_id AND u.last >= p.ws AND u.first <= p.we`,
    // Addresses the token was used from inside the window (the revocation included, when made with it).
    `CREATE TEMP TABLE window_ip AS
SELECT DISTINCT p.rid, e.ip FROM plan p JOIN ev e ON e.tok = p.token_id AND e.t BETWEEN p.ws AND p.we WHERE e.ip IS NOT NULL`,
    // Events naming a revoked token as a target.
    `CREATE TEMP TABLE named AS
SELECT eid, c.id AS tid FROM (SELECT rowid AS eid, unnest(targets) AS c FROM ev)
WHERE c.id IN (SELECT token_id FROM plan WHERE token_id IS NOT NULL)`,
    `CREATE TEMP TABLE hit AS
WITH pairs AS (
  SELECT p.rid, e.rowid AS eid FROM plan p JOIN ev e ON e.tok = p.token_id AND e.t BETWEEN p.ws AND p.we
  UNION SELECT p.rid, n.eid FROM plan p JOIN named n ON n.tid = p.token_id
  UNION SELECT p.rid, e.rowid FROM plan p JOIN ev e ON e.actor_id = p.actor_id AND e.t BETWEEN p.ws AND p.we
  UNION SELECT p.rid, e.rowid FROM plan p JOIN ev e ON e.actor_id = p.owner_id AND e.t BETWEEN p.ws AND p.we
  UNION SELECT p.rid, e.rowid FROM plan p JOIN candidate_ip c ON c.rid = p.rid JOIN ev e ON e.ip = c.ip AND e.t BETWEEN p.ws AND p.we
)
SELECT DISTINCT ON (x.rid, e.uuid) x.rid, x.eid, e.uuid, e.t FROM pairs x JOIN ev e ON e.rowid = x.eid JOIN plan p ON p.rid = x.rid
WHERE e.t BETWEEN p.ws AND p.we AND e.uuid IS DISTINCT FROM p.rid
ORDER BY x.rid, e.uuid, x.eid`,
    `CREATE TEMP TABLE kept AS
SELECT rid, eid, uuid, t FROM (
  SELECT *, row_number() OVER (PARTITION BY rid ORDER BY t DESC, uuid DESC) AS latest FROM hit
) WHERE latest <= ${j.maxEvents}`,
    ...(j.originals ? [originalsTable(j)] : []),
    `COPY (
  SELECT revocation, uuid, links${j.originals ? ', event' : ''} FROM (
    SELECT k.rid AS revocation, k.uuid, p.rt, k.t,
           list_filter([
             CASE WHEN e.tok = p.token_id OR list_contains(list_transform(e.targets, x -> x.id), p.token_id) THEN 'token' END,
             CASE WHEN p.actor_id IS NOT NULL AND e.actor_id = p.actor_id THEN 'actor' END,
             CASE WHEN p.owner_id IS NOT NULL AND e.actor_id = p.owner_id THEN 'owner' END,
             CASE WHEN w.ip IS NOT NULL THEN 'ip' END
           ], x -> x IS NOT NULL) AS links${j.originals ? ', o.text::JSON AS event' : ''}
    FROM kept k JOIN plan p ON p.rid = k.rid JOIN ev e ON e.rowid = k.eid
    LEFT JOIN window_ip w ON w.rid = k.rid AND w.ip = e.ip${j.originals ? '\n    LEFT JOIN orig o ON o.uuid = k.uuid' : ''}
  ) WHERE len(links) > 0
  ORDER BY rt, revocation, t, uuid
) TO ${sqlString(out)} (FORMAT json)`,
  ];
}
