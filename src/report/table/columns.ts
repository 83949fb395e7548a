// Fits table columns into a terminal width: floors first, then core content, then the rest.

/** Width demand of one column, in display columns (padding and borders excluded). */
export interface ColumnDemand {
  /** Widest content line (header included). */
  natural: number;
  /** Widest line of the content that matters most (ids, addresses); at most `natural`. */
  core: number;
  /** Width below which the column is not worth showing as a table column. */
  min: number;
}

/** Raises `widths` towards `targets` in equal shares, smallest targets first; returns what is left. */
function fill(widths: number[], targets: readonly number[], left: number): number {
  const order = targets.map((_, i) => i).sort((a, b) => targets[a]! - targets[b]!);
  for (;;) {
    const open = order.filter((i) => widths[i]! < targets[i]!);
    if (open.length === 0 || left === 0) return left;
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const give = Math.min(targets[i]! - widths[i]!, share, left);
      widths[i]! += give;
      left -= give;
    }
  }
}

/**
 * Chooses a width for every column so that the widths sum to at most `available`. Each column
 * first gets `min(natural, min)`; the rest is shared out in equal parts (smallest demands
 * first, so short columns are shown whole), first up to each column's `core`, then up to its
 * `natural` width. Returns `undefined` when even the floors do not fit, so the caller can
 * switch to a narrower layout.
 */
export function fitColumns(demands: readonly ColumnDemand[], available: number): number[] | undefined {
  const widths = demands.map((d) => Math.min(d.natural, d.min));
  let left = available - widths.reduce((a, b) => a + b, 0);
  if (left < 0) return undefined;
  left = fill(widths, demands.map((d) => Math.min(Math.max(d.core, d.min), d.natural)), left);
  fill(widths, demands.map((d) => d.natural), left);
  return widths;
}
