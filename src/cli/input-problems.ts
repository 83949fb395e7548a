// The input problems of a finished read on stderr: how many, and the first few (the scan and the tokens command alike).
import type { Diagnostic } from '../model/diagnostic.js';
import { safeText } from '../report/sanitize.js';
import { formatDiagnostic } from '../scan/diagnostics.js';
import type { TextSink } from './io.js';

/** How many diagnostics are printed on stderr. */
export const SHOW_DIAGNOSTICS = 5;

/**
 * Writes `N input problems (…), first 5:` through `err`, then the first SHOW_DIAGNOSTICS of `kept`
 * on `stderr` (escaped), then how many more there are. Nothing when `total` is 0.
 */
export function reportInputProblems(total: number, kept: readonly Diagnostic[], err: (line: string) => void, stderr: TextSink): void {
  if (total === 0) return;
  const shown = Math.min(total, SHOW_DIAGNOSTICS);
  err(`${total} input problem${total === 1 ? '' : 's'} (bad records are skipped; every good event is still used)${total > shown ? `, first ${shown}:` : ':'}`);
  for (const d of kept.slice(0, shown)) stderr.write(`  ${safeText(formatDiagnostic(d))}\n`);
  if (total > shown) stderr.write(`  … ${total - shown} more (--format json lists up to 1000)\n`);
}
