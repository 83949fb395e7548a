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

/** How the problems are told: `where` names the output that lists them all; with `strict` they are fatal, not skipped. */
export interface ProblemsWording {
  where?: string;
  strict?: boolean;
}

/**
 * Prints each input that could not be read through `err` (one `okta-revoke-scan: …` line each,
 * which sums up that input's problems); then, unless `quiet`, how many bad records the other
 * inputs had, the first five (`file:line: reason`, indented, on `stderr`), and how many more
 * (`… N more (where)`).
 */
export function printInputProblems(p: InputProblems, err: (line: string) => void, stderr: TextSink, quiet: boolean, wording: ProblemsWording = {}): void {
  const failed = p.inputs.filter((i) => i.error !== undefined);
  for (const i of failed) err(i.error!);
  const n = p.total - failed.reduce((sum, i) => sum + i.diagnostics, 0);
  if (quiet || n <= 0) return;
  const unreadable = new Set(failed.map((i) => i.path));
  const listed = p.kept.filter((d) => !unreadable.has(d.file));
  const shown = Math.min(n, SHOW_DIAGNOSTICS, listed.length);
  const what = wording.strict ? '' : ' (bad records are skipped; every good event is still used)';
  err(`${plural(n, 'input problem')}${what}${n > shown ? `, first ${shown}:` : ':'}`);
  for (const d of listed.slice(0, shown)) stderr.write(`  ${safeText(formatDiagnostic(d))}\n`);
  if (n > shown) stderr.write(`  … ${n - shown} more${wording.where === undefined ? '' : ` (${wording.where})`}\n`);
}
