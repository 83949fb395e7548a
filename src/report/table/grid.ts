// Generic width-fitted grid: a cli-table3 table of styled cells, or a block list when too narrow.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { drawBoxGrid } from './box-grid.js';
import { fitColumns, type ColumnDemand } from './columns.js';
import { clipSpans, painter, spansOf, type CellLine } from './styled.js';
import { displayWidth, truncate } from './width.js';

/** Longest cell line when the terminal width is unknown. */
export const MAX_CELL_WIDTH = 60;

/** A grid column: header, floor width, and the lines it shows for one item. */
export interface ColumnSpec<T> {
  header: string;
  /** Preferred minimum width; the table gives up below the sum of these. */
  min: number;
  lines(item: T): CellLine[];
  /** The cell for a column `width` wide, when it knows better than cutting its lines' ends. */
  fit?(item: T, width: number): CellLine[];
}

/** cli-table3 pads each cell with one space on both sides and draws a border around each. */
const tableOverhead = (columns: number): number => 3 * columns + 1;

/** A usable positive integer width, or undefined. */
export function normaliseWidth(width: number | undefined): number | undefined {
  return width !== undefined && Number.isFinite(width) && width >= 1 ? Math.floor(width) : undefined;
}

/** Widest line (and widest non-minor line) of each column, capped when the width is unknown. */
function demands<T>(columns: readonly ColumnSpec<T>[], rows: readonly CellLine[][][], width: number | undefined): ColumnDemand[] {
  const cap = width === undefined ? MAX_CELL_WIDTH : Number.POSITIVE_INFINITY;
  return columns.map((column, i) => {
    let natural = displayWidth(column.header);
    let core = natural;
    for (const row of rows) {
      for (const l of row[i]!) {
        const w = displayWidth(l.text);
        natural = Math.max(natural, w);
        if (l.minor !== true) core = Math.max(core, w);
      }
    }
    return { natural: Math.min(natural, cap), core: Math.min(core, cap), min: column.min };
  });
}

/** cli-table3 border characters that draw no line between body rows. */
const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * The cli-table3 rendering of `items` (one row each, no trailing newline), with every cell line
 * cut to its column's width; `undefined` when `width` is too narrow for the columns' floors.
 * `compact` leaves out the lines between body rows (for one-line rows), keeping the header rule.
 * `fixed` gives every column's width (chosen by the caller) instead.
 */
export function renderGrid<T>(
  columns: readonly ColumnSpec<T>[],
  items: readonly T[],
  width: number | undefined,
  chalk: ChalkInstance,
  compact = false,
  fixed?: readonly number[],
): string | undefined {
  const rows = items.map((item) => columns.map((c) => c.lines(item)));
  const wanted = demands(columns, rows, width);
  const widths =
    fixed ??
    (width === undefined
      ? wanted.map((d) => d.natural)
      : fitColumns(wanted, width - tableOverhead(columns.length)));
  if (widths === undefined) return undefined;
  const paint = painter(chalk);
  const head = columns.map((c, i) => chalk.bold(truncate(c.header, widths[i]!)));
  const body = rows.map((row, r) => row.map((lines, i) => (columns[i]!.fit?.(items[r]!, widths[i]!) ?? lines).map((l) => paint(clipSpans(spansOf(l), widths[i]!))).join('\n')));
  // The same text cli-table3 gives, drawn here when every line is plain to measure (see drawBoxGrid).
  const text = drawBoxGrid(head, body, !compact) ?? cliTable3(head, body, compact);
  if (!compact) return text;
  // Keep the rule under the (one-line) header: the top border with T-junctions.
  const lines = text.split('\n');
  lines.splice(2, 0, lines[0]!.replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤'));
  return lines.join('\n');
}

/** cli-table3's rendering of cells that are already cut to their columns' widths. */
function cliTable3(head: string[], body: string[][], compact: boolean): string {
  const table = new Table({
    head,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(compact ? { chars: NO_ROW_LINES } : {}),
  });
  for (const row of body) table.push(row);
  return table.toString();
}

/**
 * Fallback for terminals too narrow for a grid: a `Header: value` block per item, each line
 * cut to `width`, and a blank line after each block.
 */
export function* renderBlocks<T>(
  columns: readonly ColumnSpec<T>[],
  items: readonly T[],
  width: number,
  chalk: ChalkInstance,
): Generator<string> {
  const paint = painter(chalk);
  for (const item of items) {
    for (const column of columns) {
      for (const [i, l] of column.lines(item).entries()) {
        const label = i === 0 ? `${column.header}: ` : ' '.repeat(column.header.length + 2);
        const full = truncate(label + l.text, width);
        yield full.startsWith(label)
          ? `${i === 0 ? chalk.bold(label) : label}${paint(clipSpans(spansOf(l), width - displayWidth(label)))}\n`
          : `${full}\n`;
      }
    }
    yield '\n';
  }
}

/** `renderGrid` (with a final newline) when the columns fit in `width`, else `renderBlocks`. */
export function* gridOrBlocks<T>(
  columns: readonly ColumnSpec<T>[],
  items: readonly T[],
  width: number | undefined,
  chalk: ChalkInstance,
  compact = false,
): Generator<string> {
  const grid = renderGrid(columns, items, width, chalk, compact);
  if (grid !== undefined) yield `${grid}\n`;
  else yield* renderBlocks(columns, items, width ?? MAX_CELL_WIDTH, chalk);
}
