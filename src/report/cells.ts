// What each table column shows for a finding: sanitised lines, each with an optional style.
import type { Finding, ReportOptions } from './model.js';
import { safeText } from './sanitize.js';

/** Named styles a reporter maps to colours; `undefined` means plain. */
export type LineStyle = 'dim' | 'red' | 'green' | 'yellow';

/** One line of a cell. `text` is already safe to print (see `safeText`). */
export interface CellLine {
  text: string;
  style?: LineStyle;
  /** Secondary detail (display name, user agent): the first to be cut when space is short. */
  minor?: boolean;
}

/** A table column: header, floor width, and the lines it shows for one finding. */
export interface ColumnSpec {
  header: string;
  /** Preferred minimum width; the table gives up below the sum of these. */
  min: number;
  lines(finding: Finding, options?: ReportOptions): CellLine[];
  /** The header for these options, when it depends on them (the time column names its zone). */
  title?(options: ReportOptions): string;
}

/** The header a column shows with these options. */
export function headerOf(column: ColumnSpec, options: ReportOptions): string {
  return column.title?.(options) ?? column.header;
}

const MISSING: CellLine = { text: '-', style: 'dim' };

/** `safeText` of a nullable log value as a line, or a dim `-` when absent/empty. */
function line(value: string | null | undefined, style?: LineStyle, minor = false): CellLine {
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
 * `2024-05-01T12:00:00.123Z` → `2024-05-01 12:00:00Z`; with a `timeZone` (`--tz`), the wall time
 * there and its offset: `2024-05-01 14:00:00+02:00`. Unparseable times are shown as given.
 */
export function formatTime(finding: Finding, timeZone?: string): string {
  const date = new Date(finding.publishedMs);
  if (!Number.isFinite(date.getTime())) return safeText(String(finding.published));
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

function outcomeStyle(outcome: string | null): LineStyle | undefined {
  if (outcome === 'FAILURE' || outcome === 'DENY') return 'red';
  if (outcome === 'SUCCESS' || outcome === 'ALLOW') return 'green';
  return undefined;
}

function revokedByLines({ revokedBy: by }: Finding): CellLine[] {
  const style: LineStyle = by.kind === 'user' ? 'yellow' : 'dim';
  const who = by.alternateId ?? by.id ?? '-';
  const lines: CellLine[] = [{ text: safeText(`${by.kind} ${who}`), style }];
  if (by.displayName !== null && by.displayName !== '' && by.displayName !== by.alternateId) {
    lines.push(line(by.displayName, 'dim', true));
  }
  return lines;
}

function clientLines({ client }: Finding): CellLine[] {
  const place = [client.city, client.country].filter((v): v is string => !!v).join(', ');
  const lines = [line(client.ipAddress), line(place)];
  if (client.userAgent) lines.push(line(client.userAgent, 'dim', true));
  return lines;
}

/** The table's columns, left to right. */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    header: 'Time (UTC)',
    min: 20,
    lines: (f, o) => [{ text: formatTime(f, o?.timeZone) }],
    title: (o) => (o.timeZone === undefined ? 'Time (UTC)' : `Time (${o.timeZone})`),
  },
  { header: 'Token', min: 12, lines: (f) => [line(f.token.name), line(f.token.id)] },
  { header: 'Revoked by', min: 12, lines: revokedByLines },
  { header: 'Client', min: 13, lines: clientLines },
  { header: 'Outcome', min: 7, lines: (f) => [line(f.outcome, outcomeStyle(f.outcome))] },
  {
    header: 'Rules',
    min: 10,
    lines: (f) => (f.rules.length === 0 ? [MISSING] : f.rules.map((r) => line(shortTitle(r.title)))),
  },
];
