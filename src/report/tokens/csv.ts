// Token CSV reporter: one row per token, for spreadsheets.
import { topSeverity, type TokenRecord } from '../../model/token.js';
import { csvRecord } from '../csv-cell.js';
import type { TokenReporter } from './reporter.js';

/** The header row, in column order. */
export const TOKEN_CSV_COLUMNS = [
  'token_id',
  'token_name',
  'status',
  'severity',
  'flags',
  'owner',
  'owner_id',
  'created',
  'created_ip',
  'created_via_token',
  'revoked_at',
  'revoked_by_kind',
  'revoked_by',
  'revocation_outcome',
  'first_seen',
  'last_seen',
  'last_used',
  'calls',
  'addresses',
  'user_agents',
  'event_types',
] as const;

/** `a; b; c`, then `; and 2 more` when values were left out by --max-values. */
function joined(items: readonly string[], omitted: number): string {
  return [...items, ...(omitted > 0 ? [`and ${omitted} more`] : [])].join('; ');
}

/** The columns of one token. */
function row(t: TokenRecord): (string | null)[] {
  return [
    t.id,
    t.name,
    t.status,
    topSeverity(t),
    t.flags.map((f) => `${f.severity} ${f.id}`).join('; '),
    t.owner && (t.owner.alternateId ?? t.owner.id),
    t.owner?.id ?? null,
    t.created?.published ?? null,
    t.created?.ip ?? null,
    t.created?.viaToken ?? null,
    t.revoked?.published ?? null,
    t.revoked?.by.kind ?? null,
    t.revoked && (t.revoked.by.alternateId ?? t.revoked.by.id),
    t.revoked?.outcome ?? null,
    t.firstSeen,
    t.lastSeen,
    t.lastUsed,
    String(t.calls),
    joined(t.addresses.map((a) => [a.ip, a.country, `×${a.calls}`].filter(Boolean).join(' ')), t.omitted.addresses),
    joined(t.userAgents.map((u) => `${u.value} ×${u.calls}`), t.omitted.userAgents),
    joined(Object.entries(t.eventTypes).map(([type, n]) => `${type} ×${n}`), t.omitted.eventTypes),
  ];
}

/**
 * Yields a header row, then one row per token in report order. RFC 4180: CRLF line ends, quoted
 * fields where needed; every value is escaped and formula-guarded by `csvCell`. Lists (addresses,
 * user agents, event types, flags) are joined with `; `.
 */
export const tokenCsvReporter: TokenReporter = function* tokenCsvReporter(inventory) {
  yield csvRecord(TOKEN_CSV_COLUMNS);
  for (const token of inventory.tokens) yield csvRecord(row(token));
};
