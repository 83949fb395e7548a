// NDJSON reporter: one finding per line, in its public form.
import { stringifySafe } from './json-text.js';
import type { Reporter, ScanReport } from './model.js';
import { toPublicFinding } from './public.js';

/**
 * Yields one line per finding: the finding's public form as compact JSON (terminal-unsafe
 * characters escaped), ending in `\n`. A report without findings yields nothing.
 */
export const ndjsonReporter: Reporter = function* ndjsonReporter(report: ScanReport) {
  for (const finding of report.findings) {
    yield `${stringifySafe(toPublicFinding(finding))}\n`;
  }
};
