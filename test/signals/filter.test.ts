// --min-severity: findings below the level are left out and the summary counts only those kept.
import { describe, expect, it } from 'vitest';
import { filterBySeverity } from '../../src/signals/filter.js';
import { makeFinding, makeReport } from '../report/helpers.js';

describe('filterBySeverity', () => {
  const findings = (['info', 'low', 'medium', 'high'] as const).map((severity, i) => ({ ...makeFinding({ id: `f${i}` }), severity }));
  const report = makeReport(findings);

  it('keeps findings at or above the level, in their order, and recounts the summary', () => {
    const { report: r, hidden } = filterBySeverity(report, 'medium');
    expect(r.findings.map((f) => f.id)).toEqual(['f2', 'f3']);
    expect(hidden).toBe(2);
    expect(r.summary.findings).toBe(2);
    expect(Object.values(r.summary.byRule).every((n) => n === 2)).toBe(true);
    expect(report.findings).toHaveLength(4);
  });

  it('info keeps everything; high only high', () => {
    expect(filterBySeverity(report, 'info').hidden).toBe(0);
    expect(filterBySeverity(report, 'high').report.findings.map((f) => f.id)).toEqual(['f3']);
  });
});
