// NDJSON reporter: one finding (or, with --hunt, detection) per line, in its public form.
import { recordChunks } from './raw-json.js';
import type { ScanReport } from '../model/report.js';
import type { Reporter, ReportOptions } from './reporter.js';
import { timeOrderedRecords } from './records.js';
import { stringifySafe } from './json-text.js';

/**
 * Yields first one line per incident (`kind: "incident"`, the summary a person reads first), then
 * one line per finding and per detection, merged by time then id: the record's public form
 * as compact JSON (terminal-unsafe characters escaped; window events' originals as read, see
 * `recordChunks`), ending in `\n`. A report without findings
 * or detections yields nothing.
 */
export const ndjsonReporter: Reporter = function* ndjsonReporter(report: ScanReport, options: ReportOptions) {
  for (const incident of report.incidents ?? []) yield `${stringifySafe(incident)}\n`;
  for (const record of timeOrderedRecords(report)) {
    yield* recordChunks(record, options.originals);
    yield '\n';
  }
};
