// Label/value block layout: `Label   item · item · item`, wrapped at items to fit a width.
import type { ChalkInstance } from 'chalk';
import { MAX_CELL_WIDTH } from './grid.js';
import { clipSpans, painter, spansWidth, type Span } from './styled.js';
import { truncate } from './width.js';

/** One row of a block: a label and its value as items (each a run of spans, already safe). */
export interface LabelledRow {
  label: string;
  items: readonly (readonly Span[])[];
  /** Put between two items on the same line: ` · ` unless set (a space for prose split into words). */
  separator?: string;
}

const DEFAULT_SEPARATOR = ' · ';

/** Values narrower than this go below their label instead of beside it. */
const MIN_VALUE_WIDTH = 24;

/**
 * Packs items into lines of at most `budget` columns, `separator` between them, breaking only
 * between items; an item wider than a whole line is cut with `…`. No budget: one line, each
 * item capped at MAX_CELL_WIDTH as table cells are.
 */
export function packItems(
  items: readonly (readonly Span[])[],
  budget: number | undefined,
  separator = DEFAULT_SEPARATOR,
): Span[][] {
  const max = budget ?? MAX_CELL_WIDTH;
  const sep: Span = { text: separator };
  const sepWidth = spansWidth([sep]);
  const lines: Span[][] = [];
  let line: Span[] = [];
  let used = 0;
  for (const raw of items) {
    const item = clipSpans(raw, max);
    const w = spansWidth(item);
    if (line.length > 0 && budget !== undefined && used + sepWidth + w > budget) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length > 0) {
      line.push(sep);
      used += sepWidth;
    }
    line.push(...item);
    used += w;
  }
  lines.push(line);
  return lines;
}

/**
 * Renders rows as an aligned block, one string per line ending in `\n`: labels bold and padded
 * to the widest, values beside them and wrapped under themselves. When `width` leaves less than
 * MIN_VALUE_WIDTH beside the labels, each label goes on its own line with its value indented
 * below. No line is wider than `width`; colours only from `chalk`.
 */
export function* renderLabelled(
  rows: readonly LabelledRow[],
  width: number | undefined,
  chalk: ChalkInstance,
): Generator<string> {
  const paint = painter(chalk);
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  const indent = labelWidth + 2;
  const beside = width === undefined || width - indent >= MIN_VALUE_WIDTH;
  for (const row of rows) {
    if (beside) {
      const budget = width === undefined ? undefined : width - indent;
      for (const [i, spans] of packItems(row.items, budget, row.separator).entries()) {
        const label = i === 0 ? chalk.bold(row.label) : '';
        yield `${label}${' '.repeat(indent - (i === 0 ? row.label.length : 0))}${paint(spans)}\n`;
      }
      continue;
    }
    const below = width > 8 ? 2 : 0;
    if (row.label !== '') yield `${chalk.bold(truncate(row.label, width))}\n`;
    for (const spans of packItems(row.items, width - below, row.separator)) yield `${' '.repeat(below)}${paint(spans)}\n`;
  }
}
