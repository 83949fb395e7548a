// What a reporter is: a pure function from the report and its options to output text, chunk by chunk.
import type { OriginalReader } from '../model/original.js';
import type { ScanReport } from '../model/report.js';

/** Options every reporter receives; reporters never look at the terminal themselves. */
export interface ReportOptions {
  /** Emit ANSI colours (table only). */
  color: boolean;
  /** Terminal width in columns, or undefined when unknown/not a terminal. */
  width?: number;
  /** Timeline rows shown per window in the table (0 = all; default 50). */
  limit?: number;
  /** IANA time zone of the times shown by the table and the HTML page (`--tz`); undefined = UTC. Other formats are always UTC. */
  timeZone?: string;
  /** `--baseline` as given (`30d`): the history the signals compare with, named by the HTML page's timelines. */
  baseline?: string;
  /** Reads window events' originals held by reference (JSON formats); the scan gives it. */
  originals?: OriginalReader;
}

/** A reporter turns a report into output text, chunk by chunk. */
export type Reporter = (report: ScanReport, options: ReportOptions) => Iterable<string>;
