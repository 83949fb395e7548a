// One-line, human-readable totals for the table reporter, and the "nothing found" message.
import type { ScanSummary } from '../../model/report.js';
import { plural } from '../../text/plural.js';

/** `2 files, 1200 events, 3 duplicates, 1 diagnostic, 4 findings` (`, 7 detections` with --hunt) */
export function summaryLine(s: ScanSummary): string {
  return [
    plural(s.files, 'file'),
    plural(s.events, 'event'),
    plural(s.duplicates, 'duplicate'),
    plural(s.diagnostics, 'diagnostic'),
    plural(s.findings, 'finding'),
    ...(s.detections === undefined ? [] : [plural(s.detections, 'detection')]),
  ].join(', ');
}

/** `No API token revocations found in 1200 events from 2 files.` */
export function emptyMessage(s: ScanSummary): string {
  return `No API token revocations found in ${plural(s.events, 'event')} from ${plural(s.files, 'file')}.`;
}
