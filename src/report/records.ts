// Findings and detections as one stream of public records, in time order (NDJSON output).
import { compareFindings } from '../model/order.js';
import type { ScanReport } from '../model/report.js';
import { toPublicDetection, type PublicDetection } from './public-detection.js';
import { toPublicFinding, type PublicFinding } from './public.js';

/**
 * Yields the report's findings and (with `--hunt`) detections, each in its public form, merged
 * by published time then id. Both lists are already sorted that way, so this is a linear merge
 * that builds one public record at a time (a finding comes first on a full tie).
 */
export function* timeOrderedRecords(report: ScanReport): Generator<PublicFinding | PublicDetection> {
  const { findings } = report;
  const detections = report.detections ?? [];
  let i = 0;
  let j = 0;
  while (i < findings.length || j < detections.length) {
    if (j >= detections.length || (i < findings.length && compareFindings(findings[i]!, detections[j]!) <= 0)) yield toPublicFinding(findings[i++]!);
    else yield toPublicDetection(detections[j++]!);
  }
}
