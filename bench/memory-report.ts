// Memory bench results: the bounds a run must keep, and the table it prints.

/** Ceiling for the peak RSS of a plain scan, whatever the input size. */
export const MAX_PEAK_MIB = 150;
/** The largest input may use at most this much more memory than the smallest. */
const MAX_GROWTH = 1.1;

/** One measured run. */
export interface MemoryRow {
  input: string;
  sizeMiB: number;
  args: string;
  wallS: number;
  peakRssMiB: number;
  exit: number | null;
}

/** The rows as an aligned text table. */
export function memoryTable(rows: readonly MemoryRow[]): string {
  const head = ['input', 'size MiB', 'options', 'wall s', 'peak RSS MiB', 'exit'];
  const body = rows.map((r) => [r.input, r.sizeMiB.toFixed(0), r.args || '-', r.wallS.toFixed(2), r.peakRssMiB.toFixed(1), String(r.exit)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}

/**
 * The verdict on plain scans (rows in increasing input size): null when the largest input's peak
 * RSS is at most MAX_GROWTH times the smallest's and every peak is at most MAX_PEAK_MIB.
 */
export function memoryVerdict(rows: readonly MemoryRow[]): string | null {
  const problems: string[] = [];
  for (const r of rows) {
    if (r.exit !== 0) problems.push(`${r.input} exited ${r.exit}`);
    if (r.peakRssMiB > MAX_PEAK_MIB) problems.push(`${r.input} peaked at ${r.peakRssMiB.toFixed(1)} MiB (more than ${MAX_PEAK_MIB})`);
  }
  const first = rows[0];
  const last = rows.at(-1);
  if (first && last && last.peakRssMiB > first.peakRssMiB * MAX_GROWTH) {
    problems.push(`${last.input} peaked at ${last.peakRssMiB.toFixed(1)} MiB, more than ${MAX_GROWTH} × the ${first.peakRssMiB.toFixed(1)} MiB of ${first.input}`);
  }
  return problems.length ? problems.join('; ') : null;
}

