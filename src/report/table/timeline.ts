// Timeline of one activity window: a table (or block list) of its first events, in time order.
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../../model/severity.js';
import type { ActivityWindow, WindowEvent } from '../../model/window.js';
import { MISSING, formatUtc, line, outcomeStyle, timeHeader } from './cells.js';
import { TIMELINE_RULES_COLUMN } from './detection-cells.js';
import { MAX_CELL_WIDTH, renderBlocks, renderGrid, type ColumnSpec } from './grid.js';
import { linkSlots } from './link-tags.js';
import { evidenceColumn } from './signal-rows.js';
import { safeText } from '../sanitize.js';
import { spanLine, spansOf, type CellLine, type Span } from './styled.js';
import { wrapText } from './width.js';
import { viaToken } from '../evidence.js';

/** Timeline rows per window when `limit` is not given. */
export const DEFAULT_LIMIT = 50;

/** Rows to show for `limit`: undefined (or unusable) → DEFAULT_LIMIT, 0 → every event. */
export function rowLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit) || limit < 0) return DEFAULT_LIMIT;
  return limit === 0 ? Number.POSITIVE_INFINITY : Math.floor(limit);
}

/** `203.0.113.7 Germany` (country dim), `- Germany` without an address, `-` with neither. */
export function clientLine({ client }: Pick<WindowEvent, 'client'>): CellLine {
  if (!client.country) return line(client.ipAddress);
  const ip: Span = client.ipAddress ? { text: safeText(client.ipAddress) } : MISSING;
  return spanLine([ip, { text: ` ${safeText(client.country)}`, style: 'dim' }]);
}

/** The first target's display name (else id, else type), then a dim `+N` for the others. */
export function targetLine({ targets }: Pick<WindowEvent, 'targets'>): CellLine {
  const [first] = targets;
  if (first === undefined) return MISSING;
  const name = line(first.displayName || first.id || first.type);
  if (targets.length === 1) return name;
  return spanLine([...spansOf(name), { text: ` +${targets.length - 1}`, style: 'dim' }]);
}

/**
 * The actor's alternateId, else display name, else id; for a call made with an API token, then
 * ` via ` and the token's name (Okta logs the call under the token's owner: `ann@… via ci-deploy`).
 */
export function actorLine({ actor, requestApiToken }: Pick<WindowEvent, 'actor'> & Partial<Pick<WindowEvent, 'requestApiToken'>>): CellLine {
  const who = line(actor.alternateId || actor.displayName || actor.id);
  const via = viaToken(requestApiToken);
  if (via === null) return who;
  return spanLine([...spansOf(who), { text: ' via ', style: 'dim' }, { text: safeText(via), style: 'cyan' }]);
}

/** The timeline's columns with times in UTC or in `timeZone` (`--tz`). */
export function timelineColumns(timeZone?: string): readonly ColumnSpec<WindowEvent>[] {
  if (timeZone === undefined) return TIMELINE_COLUMNS;
  const time: ColumnSpec<WindowEvent> = { header: timeHeader(timeZone), min: 20, lines: (e) => [{ text: formatUtc(Date.parse(e.published), e.published, timeZone) }] };
  return [time, ...TIMELINE_COLUMNS.slice(1)];
}

/** The timeline's columns, left to right; every cell is one line, so rows need no lines between them. */
export const TIMELINE_COLUMNS: readonly ColumnSpec<WindowEvent>[] = [
  { header: 'Time (UTC)', min: 20, lines: (e) => [{ text: formatUtc(Date.parse(e.published), e.published) }] },
  { header: 'Links', min: 7, lines: (e) => [linkSlots(e.links)] },
  { header: 'Event type', min: 10, lines: (e) => [line(e.eventType)] },
  { header: 'Actor', min: 8, lines: (e) => [actorLine(e)] },
  { header: 'Client', min: 8, lines: (e) => [clientLine(e)] },
  { header: 'Outcome', min: 7, lines: (e) => [line(e.outcome, outcomeStyle(e.outcome))] },
  { header: 'Target', min: 8, lines: (e) => [targetLine(e)] },
];

/**
 * Renders the first `rowLimit(limit)` events of `window` (already in time order) as a table (with a
 * Rules column when one of them matched a loaded rule),
 * or as a block list when `width` is too narrow, then `… N more events (use --format json)`
 * when rows were left out. Lines end in `\n` and never exceed `width` when it is given. With
 * `evidence` (uuid → severity of the signals citing the event), a first column marks those rows.
 */
export function* renderTimeline(
  window: ActivityWindow,
  limit: number | undefined,
  width: number | undefined,
  chalk: ChalkInstance,
  timeZone?: string,
  evidence?: ReadonlyMap<string, Severity>,
): Generator<string> {
  const zoned = timelineColumns(timeZone);
  const rows = rowLimit(limit);
  const shown = window.events.length > rows ? window.events.slice(0, rows) : window.events;
  // The Rules column only when a shown event matched a rule; the evidence column when signals cite one.
  const ruled = shown.some((e) => e.detections?.length) ? [...zoned, TIMELINE_RULES_COLUMN] : zoned;
  const columns = evidence && evidence.size > 0 ? [evidenceColumn(evidence), ...ruled] : ruled;
  const grid = renderGrid(columns, shown, width, chalk, true);
  if (grid !== undefined) yield `${grid}\n`;
  else {
    yield '\n'; // sets the blocks apart from the header block above
    yield* renderBlocks(columns, shown, width ?? MAX_CELL_WIDTH, chalk);
  }
  const more = window.events.length - shown.length;
  if (more > 0) {
    const text = `… ${more} more event${more === 1 ? '' : 's'} (use --format json)`;
    for (const l of wrapText(text, width)) yield `${chalk.dim(l)}\n`;
  }
}
