// Input problems on stderr after a scan or a dry run: each input that could not be read, then how many bad records, the first few, and how many more.
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputSummary } from '../model/report.js';
import { safeText } from '../report/sanitize.js';
import { formatDiagnostic } from '../scan/diagnostics.js';
import { plural } from '../text/plural.js';
import type { TextSink } from './io.js';

/** How many bad records are listed on stderr before `… N more`. */
const SHOW_DIAGNOSTICS = 5;

/** What went wrong reading the inputs: per-input summaries, the diagnostic count, and the diagnostics kept. */
export interface InputProblems {
  inputs: readonly InputSummary[];
  total: number;
  kept: readonly Diagnostic[];
}

/**
 * Prints each input that could not be read through `err` (one `okta-revoke-scan: …` line each);
 * then, unless `quiet`, how many bad records were skipped, the first five (`file:line: reason`,
 * indented, on `stderr`), and how many more (`… N more (where)`, `where` naming the output that
 * lists them, when there is one).
 */
export function printInputProblems(p: InputProblems, err: (line: string) => void, stderr: TextSink, quiet: boolean, where?: string): void {
  for (const i of p.inputs) if (i.error !== undefined) err(i.error);
  if (quiet || p.total === 0) return;
  const shown = Math.min(p.total, SHOW_DIAGNOSTICS);
  err(`${plural(p.total, 'input problem')} (bad records are skipped; every good event is still used)${p.total > shown ? `, first ${shown}:` : ':'}`);
  for (const d of p.kept.slice(0, shown)) stderr.write(`  ${safeText(formatDiagnostic(d))}\n`);
  if (p.total > shown) stderr.write(`  … ${p.total - shown} more${where === undefined ? '' : ` (${where})`}\n`);
}
