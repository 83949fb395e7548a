// JSON reporter: one pretty-printed document, streamed finding by finding.
import { stringifySafe } from './json-text.js';
import type { InputSummary, Reporter, ScanReport } from './model.js';
import { toPublicFinding } from './public.js';

const INDENT = 2;

/** The per-input entry of the JSON document, keys in contract order; `error` only when set. */
function publicInput(input: InputSummary): InputSummary {
  const { path, format, events, duplicates, diagnostics, error } = input;
  const entry: InputSummary = { path, format, events, duplicates, diagnostics };
  if (error !== undefined) entry.error = error;
  return entry;
}

/**
 * Yields `{schemaVersion, inputs, summary, diagnostics, findings}` pretty-printed with two
 * spaces and a final newline: first the head up to `"findings": [`, then one chunk per finding,
 * then the tail. The concatenation is byte-identical to `JSON.stringify(doc, null, 2) + '\n'` (with
 * terminal-unsafe characters escaped), without ever building the whole document in memory.
 */
export const jsonReporter: Reporter = function* jsonReporter(report: ScanReport) {
  const head = stringifySafe(
    {
      schemaVersion: report.schemaVersion,
      inputs: report.inputs.map(publicInput),
      summary: report.summary,
      diagnostics: report.diagnostics,
    },
    INDENT,
  );
  // `head` ends with "\n}"; reopen the object to append the findings array as its last key.
  const open = `${head.slice(0, -2)},\n  "findings": [`;
  if (report.findings.length === 0) {
    yield `${open}]\n}\n`;
    return;
  }
  yield open;
  let separator = '\n    ';
  for (const finding of report.findings) {
    const body = stringifySafe(toPublicFinding(finding), INDENT).replace(/\n/g, '\n    ');
    yield `${separator}${body}`;
    separator = ',\n    ';
  }
  yield '\n  ]\n}\n';
};
