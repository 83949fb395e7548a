// One-line, human-readable totals for the table reporter, and the "nothing found" message.
import type { ScanSummary } from '../../model/report.js';

/** `1 file`, `2 files`, `0 findings`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `2 files, 1200 events, 3 duplicates, 1 diagnostic, 4 findings` (`, 7 detections` with --hunt) */
export function summaryLine(s: ScanSummary): string {
  return [
    count(s.files, 'file'),
    count(s.events, 'event'),
    count(s.duplicates, 'duplicate'),
    count(s.diagnostics, 'diagnostic'),
    count(s.findings, 'finding'),
    ...(s.detections === undefined ? [] : [count(s.detections, 'detection')]),
  ].join(', ');
}

/** `No API token revocations found in 1200 events from 2 files.` */
export function emptyMessage(s: ScanSummary): string {
  return `No API token revocations found in ${count(s.events, 'event')} from ${count(s.files, 'file')}.`;
}
