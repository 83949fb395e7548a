// Table reporter: one row per revocation (chalk + cli-table3), then a summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { COLUMNS, headerOf, type CellLine, type LineStyle } from './cells.js';
import { fitColumns, type ColumnDemand } from './columns.js';
import type { Finding, ReportOptions, Reporter, ScanReport } from './model.js';
import { emptyMessage, summaryLine } from './summary-text.js';
import { displayWidth, truncate, wrapText } from './width.js';

/** Longest cell line when the terminal width is unknown. */
export const MAX_CELL_WIDTH = 60;

/** cli-table3 pads each cell with one space on both sides and draws a border around each. */
const tableOverhead = (columns: number): number => 3 * columns + 1;

type Paint = (line: CellLine) => string;

function painter(chalk: ChalkInstance): Paint {
  const styles: Record<LineStyle, (s: string) => string> = {
    dim: chalk.dim,
    red: chalk.red,
    green: chalk.green,
    yellow: chalk.yellow,
  };
  return (l) => (l.style === undefined ? l.text : styles[l.style](l.text));
}

/** A usable positive integer width, or undefined. */
function normaliseWidth(width: number | undefined): number | undefined {
  return width !== undefined && Number.isFinite(width) && width >= 1 ? Math.floor(width) : undefined;
}

/** Widest line (and widest non-minor line) of each column, capped when the width is unknown. */
function demands(rows: readonly CellLine[][][], width: number | undefined, options: ReportOptions): ColumnDemand[] {
  const cap = width === undefined ? MAX_CELL_WIDTH : Number.POSITIVE_INFINITY;
  return COLUMNS.map((column, i) => {
    let natural = displayWidth(headerOf(column, options));
    let core = natural;
    for (const row of rows) {
      for (const l of row[i]) {
        const w = displayWidth(l.text);
        natural = Math.max(natural, w);
        if (l.minor !== true) core = Math.max(core, w);
      }
    }
    return { natural: Math.min(natural, cap), core: Math.min(core, cap), min: column.min };
  });
}

/** The cli-table3 rendering, or undefined when `width` is too narrow for a table. */
function renderTable(findings: readonly Finding[], width: number | undefined, chalk: ChalkInstance, options: ReportOptions): string | undefined {
  const rows = findings.map((f) => COLUMNS.map((c) => c.lines(f, options)));
  const wanted = demands(rows, width, options);
  const widths =
    width === undefined
      ? wanted.map((d) => d.natural)
      : fitColumns(wanted, width - tableOverhead(COLUMNS.length));
  if (widths === undefined) return undefined;
  const paint = painter(chalk);
  const table = new Table({
    head: COLUMNS.map((c, i) => chalk.bold(truncate(headerOf(c, options), widths[i]))),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) {
    table.push(row.map((lines, i) => lines.map((l) => paint({ ...l, text: truncate(l.text, widths[i]) })).join('\n')));
  }
  return table.toString();
}

/** Fallback for terminals too narrow for the table: a `Header: value` block per finding. */
function* renderList(findings: readonly Finding[], width: number, chalk: ChalkInstance, options: ReportOptions): Generator<string> {
  const paint = painter(chalk);
  for (const finding of findings) {
    for (const column of COLUMNS) {
      const lines = column.lines(finding, options);
      const header = headerOf(column, options);
      for (const [i, l] of lines.entries()) {
        const label = i === 0 ? `${header}: ` : ' '.repeat(header.length + 2);
        const full = truncate(label + l.text, width);
        yield full.startsWith(label)
          ? `${i === 0 ? chalk.bold(label) : label}${paint({ ...l, text: full.slice(label.length) })}\n`
          : `${full}\n`;
      }
    }
    yield '\n';
  }
}

/**
 * Renders the report for people: a table with one row per revocation (time, token, who
 * revoked it, client, outcome, matched rules), then the totals. Every log value is shown
 * through `safeText`; lines never exceed `options.width` when it is given (a block list
 * replaces the table on very narrow terminals); ANSI colours only when `options.color`.
 */
export const tableReporter: Reporter = function* tableReporter(report: ScanReport, options: ReportOptions) {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = normaliseWidth(options.width);
  const { summary } = report;
  if (report.findings.length === 0) {
    for (const l of wrapText(emptyMessage(summary), width)) yield `${l}\n`;
    if (summary.duplicates > 0 || summary.diagnostics > 0) {
      for (const l of wrapText(summaryLine(summary), width)) yield `${chalk.dim(l)}\n`;
    }
    return;
  }
  const table = renderTable(report.findings, width, chalk, options);
  if (table !== undefined) yield `${table}\n`;
  else yield* renderList(report.findings, width ?? MAX_CELL_WIDTH, chalk, options);
  for (const l of wrapText(summaryLine(summary), width)) yield `${l}\n`;
};
