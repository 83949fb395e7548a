// JSON reporter: one pretty-printed document, streamed finding by finding.
import { stringifySafe } from './json-text.js';
import { recordChunks } from './raw-json.js';
import type { InputSummary, ScanReport } from '../model/report.js';
import type { Reporter, ReportOptions } from './reporter.js';
import { toPublicDetection } from './public-detection.js';
import { toPublicFinding } from './public.js';

const INDENT = 2;

/** The per-input entry of the JSON document, keys in contract order; `error` and `skipped` only when set. */
function publicInput(input: InputSummary): InputSummary {
  const { path, format, events, duplicates, diagnostics, error, skipped } = input;
  const entry: InputSummary = { path, format, events, duplicates, diagnostics };
  if (error !== undefined) entry.error = error;
  if (skipped !== undefined) entry.skipped = skipped;
  return entry;
}

/**
 * Yields `{schemaVersion, inputs, summary, diagnostics, incidents, findings}` (`incidents` with
 * activity windows; `detections` after the findings with `--hunt`) pretty-printed with two spaces and a final newline: first the head, then
 * one chunk per finding (and detection), then the tail. The concatenation is
 * `JSON.stringify(doc, null, 2) + '\n'` (with terminal-unsafe characters escaped), except that
 * window events' originals are their records' compact text on one line (see `recordChunks`),
 * without ever building the whole document in memory.
 */
export const jsonReporter: Reporter = function* jsonReporter(report: ScanReport, options: ReportOptions) {
  const head = stringifySafe(
    {
      schemaVersion: report.schemaVersion,
      inputs: report.inputs.map(publicInput),
      summary: report.summary,
      diagnostics: report.diagnostics,
      ...(report.incidents === undefined ? {} : { incidents: report.incidents }),
    },
    INDENT,
  );
  // `head` ends with "\n}"; reopen the object and append the arrays as its last keys. Each array's
  // opening (or, when empty, all of it) and closing go out with the text around them.
  let pending = head.slice(0, -2);
  function* member<T>(name: string, items: readonly T[], toPublic: (item: T) => unknown): Generator<string> {
    pending += `,\n  ${JSON.stringify(name)}: [`;
    if (items.length === 0) {
      pending += ']';
      return;
    }
    yield pending;
    let separator = '\n    ';
    for (const item of items) {
      // One chunk per item, unless a large window makes it several (see recordChunks).
      let before = separator;
      for (const chunk of recordChunks(toPublic(item) as object, options.originals, INDENT, '    ')) {
        yield before + chunk;
        before = '';
      }
      separator = ',\n    ';
    }
    pending = '\n  ]';
  }
  yield* member('findings', report.findings, toPublicFinding);
  if (report.detections !== undefined) yield* member('detections', report.detections, toPublicDetection);
  yield `${pending}\n}\n`;
};
