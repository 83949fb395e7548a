// The "Detections" part of the table output (--hunt): counts per rule, then one row per detection.
import { formatUtc, line, outcomeStyle, shortTitle, timeHeader } from './cells.js';
import { bySeverity, ruleLines } from './detection-cells.js';
import { gridOrBlocks, type ColumnSpec } from './grid.js';
import { renderLabelled } from './labelled.js';
import type { Detection, RuleRef } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { plural } from '../../text/plural.js';
import { actorLine, clientLine, rowLimit, targetLine } from './timeline.js';
import type { SectionLayout } from './window-section.js';
import { truncate, wrapText } from './width.js';

/** Shown under the heading when `--hunt` found nothing. */
export const NO_DETECTIONS = 'No other event matched a loaded rule.';

/** The detections table's columns, left to right, with times in UTC or in `timeZone` (`--tz`). */
function detectionColumns(timeZone?: string): readonly ColumnSpec<Detection>[] {
  return [
    { header: timeHeader(timeZone), min: 20, lines: (d) => [{ text: formatUtc(d.publishedMs, d.published, timeZone) }] },
    { header: 'Rules', min: 12, lines: (d) => ruleLines(d.rules) },
    { header: 'Event type', min: 10, lines: (d) => [line(d.eventType)] },
    { header: 'Actor', min: 8, lines: (d) => [actorLine(d)] },
    { header: 'Client', min: 8, lines: (d) => [clientLine(d)] },
    { header: 'Outcome', min: 7, lines: (d) => [line(d.outcome, outcomeStyle(d.outcome))] },
    { header: 'Target', min: 8, lines: (d) => [targetLine(d)] },
  ];
}

/** `Admin Role Assigned 3` per rule that fired, most severe first, then by count. */
function countItems(detections: readonly Detection[]) {
  const counts = new Map<string, { rule: RuleRef; n: number }>();
  for (const d of detections) {
    for (const rule of d.rules) {
      const c = counts.get(rule.id);
      if (c) c.n++;
      else counts.set(rule.id, { rule, n: 1 });
    }
  }
  // bySeverity sorts stably, so the count order stays within a level.
  const order = bySeverity([...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.rule));
  return order.map((rule) => [{ text: `${safeText(shortTitle(rule.title))} ${counts.get(rule.id)!.n}` }]);
}

/**
 * Yields the detections section: a bold `Detections (N)` heading set apart by a blank line
 * (none when `afterBlank` says the output already ends with one), a `By rule:` line, then the
 * first `rowLimit(layout.limit)` detections as a table (a block list when too narrow) and a note
 * when rows were left out, then a blank line. Lines never exceed `layout.width` when it is given.
 */
export function* detectionSection(detections: readonly Detection[], layout: SectionLayout, afterBlank = false): Generator<string> {
  const { width, limit, chalk, timeZone } = layout;
  if (!afterBlank) yield '\n';
  const heading = `Detections (${detections.length})`;
  yield `${chalk.bold(width === undefined ? heading : truncate(heading, width))}\n`;
  if (detections.length === 0) {
    for (const l of wrapText(NO_DETECTIONS, width)) yield `${chalk.dim(l)}\n`;
    yield '\n';
    return;
  }
  yield* renderLabelled([{ label: 'By rule:', items: countItems(detections) }], width, chalk);
  const rows = rowLimit(limit);
  const shown = detections.length > rows ? detections.slice(0, rows) : detections;
  let blank = false;
  for (const chunk of gridOrBlocks(detectionColumns(timeZone), shown, width, chalk)) {
    blank = chunk === '\n'; // a block list ends with a blank line
    yield chunk;
  }
  const more = detections.length - shown.length;
  if (more > 0) {
    for (const l of wrapText(`… ${plural(more, 'more detection')} (use --format json)`, width)) yield `${chalk.dim(l)}\n`;
  }
  if (!blank || more > 0) yield '\n';
}
