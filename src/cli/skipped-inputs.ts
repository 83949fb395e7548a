// Files left out (of folders, or given twice): listed in the report's inputs (format `skipped`, with the reason) and on stderr.
import { plural } from '../text/plural.js';
import type { SkippedInput } from '../input/sources.js';
import type { InputSummary, ScanReport } from '../model/report.js';

/** How many skipped files stderr names one by one. */
const SHOW_SKIPPED = 10;

/** The report with the skipped files among its inputs, in folder order, and counted in `summary.skipped`. */
export function withSkipped(report: ScanReport, skipped: readonly SkippedInput[]): ScanReport {
  if (skipped.length === 0) return report;
  const inputs: InputSummary[] = [];
  let next = 0;
  for (const [i, read] of report.inputs.entries()) {
    while (next < skipped.length && skipped[next]!.before <= i) inputs.push(entry(skipped[next++]!));
    inputs.push(read);
  }
  while (next < skipped.length) inputs.push(entry(skipped[next++]!));
  return { ...report, inputs, summary: { ...report.summary, skipped: skipped.length } };
}

function entry(s: SkippedInput): InputSummary {
  return { path: s.path, format: 'skipped', events: 0, duplicates: 0, diagnostics: 0, skipped: s.reason };
}

/** Lines for stderr: a heading, then each skipped file (the first ten) with its reason. */
export function skippedLines(skipped: readonly SkippedInput[]): string[] {
  if (skipped.length === 0) return [];
  const n = skipped.length;
  const lines = [`${plural(n, 'file')} left out, not read:`];
  for (const s of skipped.slice(0, SHOW_SKIPPED)) lines.push(`  ${s.path}: ${s.reason}`);
  if (n > SHOW_SKIPPED) lines.push(`  … ${n - SHOW_SKIPPED} more (--format json lists them in inputs)`);
  return lines;
}
