// What each table column shows for a finding: sanitised lines, each with an optional style.
import type { ColumnSpec } from './grid.js';
import type { Finding } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import type { CellLine, LineStyle } from './styled.js';

/** A dim `-`: the value is absent from the log. */
export const MISSING: CellLine = { text: '-', style: 'dim' };

/** `safeText` of a nullable log value as a line, or a dim `-` when absent/empty. */
export function line(value: string | null | undefined, style?: LineStyle, minor = false): CellLine {
  if (value === null || value === undefined || value === '') return MISSING;
  const out: CellLine = { text: safeText(value) };
  if (style !== undefined) out.style = style;
  if (minor) out.minor = true;
  return out;
}

/** A rule title without the `Okta API Token` prefix every rule here shares. */
export function shortTitle(title: string): string {
  const short = title.replace(/^\s*Okta\s+(?:API\s+Token\s+)?/i, '');
  return short === '' ? title : short;
}

/**
 * Epoch ms as `2024-05-01 12:00:00Z`, or with a `timeZone` (`--tz`) as the wall time there with
 * its offset (`2024-05-01 14:00:00+02:00`); when not a valid time, `raw` as given (escaped).
 */
export function formatUtc(ms: number, raw: unknown, timeZone?: string): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return safeText(String(raw));
  if (timeZone !== undefined) return zonedTime(date, timeZone);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

/** Wall time in `timeZone` with its UTC offset (`+02:00`, or `Z` where the offset is zero). */
function zonedTime(date: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  });
  for (const p of fmt.formatToParts(date)) parts[p.type] = p.value;
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '') || 'Z';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** `2024-05-01T12:00:00.123Z` → `2024-05-01 12:00:00Z` (or zoned); unparseable times shown as given. */
export function formatTime(finding: Finding, timeZone?: string): string {
  return formatUtc(finding.publishedMs, finding.published, timeZone);
}

/** The time column's header: `Time (UTC)` or `Time (Europe/Oslo)`. */
export function timeHeader(timeZone?: string): string {
  return timeZone === undefined ? 'Time (UTC)' : `Time (${timeZone})`;
}

/** Red for failures and denials, green for successes, plain otherwise. */
export function outcomeStyle(outcome: string | null): LineStyle | undefined {
  if (outcome === 'FAILURE' || outcome === 'DENY') return 'red';
  if (outcome === 'SUCCESS' || outcome === 'ALLOW') return 'green';
  return undefined;
}

/** `user ann@corp.example` (yellow; dim for Okta itself), then the display name when it differs. */
export function revokedByLines({ revokedBy: by }: Finding): CellLine[] {
  const style: LineStyle = by.kind === 'user' ? 'yellow' : 'dim';
  const who = by.alternateId ?? by.id ?? '-';
  const lines: CellLine[] = [{ text: safeText(`${by.kind} ${who}`), style }];
  if (by.displayName !== null && by.displayName !== '' && by.displayName !== by.alternateId) {
    lines.push(line(by.displayName, 'dim', true));
  }
  return lines;
}

/** The revoker's address and place (their user agent is in the JSON finding: in the table it was noise on every row). */
function clientLines({ client }: Finding): CellLine[] {
  const place = [client.city, client.country].filter((v): v is string => !!v).join(', ');
  return [line(client.ipAddress), line(place, undefined, true)];
}

/** The table's columns, left to right, with times in UTC or in `timeZone` (`--tz`). */
export function findingColumns(timeZone?: string): readonly ColumnSpec<Finding>[] {
  return [{ header: timeHeader(timeZone), min: 20, lines: (f) => [{ text: formatTime(f, timeZone) }] }, ...COLUMNS.slice(1)];
}

/** The table's columns, left to right (times in UTC). */
const COLUMNS: readonly ColumnSpec<Finding>[] = [
  { header: 'Time (UTC)', min: 20, lines: (f) => [{ text: formatTime(f) }] },
  // Token ids are what a responder searches for next: the table gives way before cutting one.
  { header: 'Token', min: 20, lines: (f) => [line(f.token.name), line(f.token.id)] },
  { header: 'Revoked by', min: 12, lines: revokedByLines },
  { header: 'Client', min: 13, lines: clientLines },
  { header: 'Outcome', min: 7, lines: (f) => [line(f.outcome, outcomeStyle(f.outcome))] },
  {
    header: 'Rules',
    min: 10,
    lines: (f) => (f.rules.length === 0 ? [MISSING] : f.rules.map((r) => line(shortTitle(r.title)))),
  },
];
