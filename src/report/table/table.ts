// Table reporter: one row per revocation (chalk + cli-table3), activity windows, then a summary line.
import { Chalk } from 'chalk';
import { findingColumns } from './cells.js';
import { detectionSection } from './detection-section.js';
import { MAX_CELL_WIDTH, normaliseWidth, renderBlocks, renderGrid } from './grid.js';
import type { ScanReport } from '../../model/report.js';
import type { ReportOptions, Reporter } from '../reporter.js';
import { bySeverity, hasSeverities, SEVERITY_COLUMN } from './severity-view.js';
import { emptyMessage, summaryLine } from './summary-text.js';
import { windowSections } from './window-section.js';
import { incidentSection } from './incident-section.js';
import { renderLabelled } from './labelled.js';
import { ruleCountRow, sameRules } from './rule-counts.js';
import { wrapText } from './width.js';

export { MAX_CELL_WIDTH } from './grid.js';

/**
 * Renders the report for people: a table with one row per revocation (severity when windows
 * were built, time, token, who revoked it, client, outcome, matched rules; most severe first,
 * then by time), then each finding's activity window (header and timeline of at most
 * `options.limit` rows), then with `--hunt` the detections (at most `options.limit` rows), then
 * the totals. Every log value is shown
 * through `safeText`; lines never exceed `options.width` when it is given (block lists
 * replace tables on narrow terminals); ANSI colours only when `options.color`.
 */
export const tableReporter: Reporter = function* tableReporter(report: ScanReport, options: ReportOptions) {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = normaliseWidth(options.width);
  const { summary } = report;
  if (report.findings.length === 0) {
    for (const l of wrapText(emptyMessage(summary), width)) yield `${l}\n`;
    if (report.detections !== undefined) yield* detectionSection(report.detections, { width, limit: options.limit, chalk, timeZone: options.timeZone });
    if (summary.duplicates > 0 || summary.diagnostics > 0 || report.detections !== undefined) {
      for (const l of wrapText(summaryLine(summary), width)) yield `${chalk.dim(l)}\n`;
    }
    return;
  }
  // With severities, a Severity column comes first and the most severe revocations lead.
  const severe = hasSeverities(report.findings);
  const findings = severe ? bySeverity(report.findings) : report.findings;
  // A Rules column only when the findings differ in their rules; a line names them by title either way.
  const timed = findingColumns(options.timeZone).filter((c) => c.header !== 'Rules' || !sameRules(findings));
  const columns = severe ? [SEVERITY_COLUMN, ...timed] : timed;
  const table = renderGrid(columns, findings, width, chalk);
  if (table !== undefined) yield `${table}\n`;
  else yield* renderBlocks(columns, findings, width ?? MAX_CELL_WIDTH, chalk);
  let blank = table === undefined; // a block list ends with a blank line
  const rules = ruleCountRow(findings);
  if (rules !== null) {
    yield* renderLabelled([rules], width, chalk);
    blank = false;
  }
  // The story of the incident comes first: the windows repeat the same events.
  for (const chunk of incidentSection(report.incidents ?? [], findings, { width, limit: options.limit, chalk, timeZone: options.timeZone }, blank)) {
    blank = chunk === '\n';
    yield chunk;
  }
  const findingRules = new Set(report.findings.flatMap((f) => f.rules.map((r) => r.id)));
  for (const chunk of windowSections(findings, { width, limit: options.limit, chalk, timeZone: options.timeZone, findingRules }, blank)) {
    blank = chunk === '\n';
    yield chunk;
  }
  if (report.detections !== undefined) yield* detectionSection(report.detections, { width, limit: options.limit, chalk, timeZone: options.timeZone }, blank);
  for (const l of wrapText(summaryLine(summary), width)) yield `${l}\n`;
};
