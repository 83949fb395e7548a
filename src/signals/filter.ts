// --min-severity: keeps the findings at least as severe as asked, with the summary counting only those.
import type { ScanReport } from '../model/report.js';
import { severityRank, type Severity } from '../model/severity.js';

/**
 * The report with only the findings whose severity is at least `min` (a finding without a
 * severity is kept only for `info`); `summary.findings` and `summary.byRule` count those kept.
 * Returns the number of findings left out too.
 */
export function filterBySeverity(report: ScanReport, min: Severity): { report: ScanReport; hidden: number } {
  const floor = severityRank(min);
  const findings = report.findings.filter((f) => severityRank(f.severity ?? 'info') >= floor);
  const byRule: Record<string, number> = {};
  for (const f of findings) for (const r of f.rules) byRule[r.id] = (byRule[r.id] ?? 0) + 1;
  // An incident stays whole while one of its revocations is reported.
  const kept = new Set(findings.map((f) => f.id));
  const incidents = report.incidents?.filter((i) => i.revocations.some((id) => kept.has(id)));
  return {
    report: { ...report, findings, ...(incidents === undefined ? {} : { incidents }), summary: { ...report.summary, findings: findings.length, byRule } },
    hidden: report.findings.length - findings.length,
  };
}
