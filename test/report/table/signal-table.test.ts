// Signals in the table: Severity column, severity-first order, signal rows, evidence marks, legend, widths.
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../../src/model/report.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import { bySeverity } from '../../../src/report/table/severity-view.js';
import { evidenceSeverities, NO_SIGNALS, signalRows } from '../../../src/report/table/signal-rows.js';
import { tableReporter } from '../../../src/report/table/table.js';
import type { Signal } from '../../../src/model/signal.js';
import { hasAnsi, stripAnsi } from '../../helpers/ansi.js';
import { tableStringWidth } from '../../helpers/string-width.js';
import { collect, makeReport } from '../helpers.js';
import { makeWindow, makeWindowEvent, windowFinding } from '../window-helpers.js';

const render = (report: ScanReport, options: ReportOptions) => collect(tableReporter(report, options));

const PRIV: Signal = { id: 'privileged-action', severity: 'high', message: '1 sensitive change: user.account.privilege.grant ×1', evidence: ['grant'] };
const PROXY: Signal = { id: 'okta-threat', severity: 'medium', message: 'Okta flagged 2 events', evidence: ['grant', 'proxy'] };

/** Three windowed findings in time order: low (early), high (middle), info (late). */
function severityReport(): ScanReport {
  const events = [
    makeWindowEvent('2024-05-01T09:00:00.000Z', { uuid: 'plain', links: ['token'] }),
    makeWindowEvent('2024-05-01T10:00:00.000Z', { uuid: 'grant', eventType: 'user.account.privilege.grant', links: ['token'] }),
    makeWindowEvent('2024-05-01T11:00:00.000Z', { uuid: 'proxy', links: ['ip'] }),
  ];
  const at = (f: Finding, published: string, patch: Partial<Finding>): Finding => ({ ...f, published, publishedMs: Date.parse(published), ...patch });
  return makeReport([
    at(windowFinding(makeWindow(events), 'early-low'), '2024-05-01T12:00:00.000Z', { severity: 'low', signals: [{ id: 'new-ip', severity: 'low', message: 'token used from an address \u001b[31mX', evidence: ['plain'] }] }),
    at(windowFinding(makeWindow(events), 'mid-high'), '2024-05-01T13:00:00.000Z', { severity: 'high', signals: [PRIV, PROXY] }),
    at(windowFinding(makeWindow(events), 'late-info'), '2024-05-01T14:00:00.000Z', { severity: 'info', signals: [] }),
  ]);
}

describe('signals in the table', () => {
  const out = render(severityReport(), { color: false, width: 160 });

  it('adds a Severity column first and puts the most severe revocation first', () => {
    const head = out.split('\n')[1]!;
    expect(head.indexOf('Severity')).toBeLessThan(head.indexOf('Time (UTC)'));
    const rows = out.split('\n').filter((l) => /^│ (high|medium|low|info) /.test(l)).map((l) => l.split('│')[1]!.trim());
    expect(rows).toEqual(['high', 'low', 'info']);
    expect(out.indexOf('Activity window 1 of 3')).toBeLessThan(out.indexOf('user.account.privilege.grant ×1'));
  });

  it('lists the signals under each window header with their evidence counts, escaped', () => {
    expect(out).toMatch(/Severity {4}high — the highest of its signals: privileged-action \(high\)\nSignals {5}high privileged-action \(1 event\) 1 sensitive change/);
    expect(out).toMatch(/\n {12}medium okta-threat \(2 events\) Okta flagged 2 events\n/);
    expect(out).toContain('token used from an address \\x1b[31mX');
    expect(out).toContain(`Signals     ${NO_SIGNALS}`);
  });

  it('marks evidence rows with the highest severity citing them, and explains the marks', () => {
    const high = out.slice(out.indexOf('Activity window 1 of 3'), out.indexOf('Activity window 2 of 3'));
    expect(high).toMatch(/│ !!! +│ 2024-05-01 10:00:00Z/);
    expect(high).toMatch(/│ !! +│ 2024-05-01 11:00:00Z/);
    expect(high).toMatch(/│ +│ 2024-05-01 09:00:00Z/);
    expect(out).toContain('Evidence:  !!! high · !! medium · ! low · * info');
    const info = out.slice(out.indexOf('Activity window 3 of 3'));
    expect(info).not.toContain('│ !');
  });

  it('colours only with colour on, and never exceeds the width', () => {
    for (const width of [200, 100, 70, 40]) {
      const plain = render(severityReport(), { color: false, width });
      const coloured = render(severityReport(), { color: true, width });
      expect(hasAnsi(plain)).toBe(false);
      expect(stripAnsi(coloured)).toBe(plain);
      for (const line of plain.split('\n')) expect(tableStringWidth(line)).toBeLessThanOrEqual(width);
      expect(plain).not.toContain('\n\n\n');
    }
  });

  it('near miss: findings without severity keep the old table (no column, time order, no marks)', () => {
    const plain = makeReport([windowFinding()]);
    const text = render(plain, { color: false, width: 160 });
    expect(text).not.toContain('Severity');
    expect(text).not.toContain('Evidence:');
    expect(signalRows(plain.findings[0]!)).toEqual([]);
  });

  it('orders by severity, then time, then id, without touching the input', () => {
    const fs = severityReport().findings;
    expect(bySeverity(fs).map((f) => f.id)).toEqual(['mid-high', 'early-low', 'late-info']);
    expect(fs.map((f) => f.id)).toEqual(['early-low', 'mid-high', 'late-info']);
  });

  it('on a very narrow terminal each signal goes under the Signals label, with no empty label lines', () => {
    const narrow = render(severityReport(), { color: false, width: 30 });
    const part = narrow.slice(narrow.indexOf('Signals\n'), narrow.indexOf('Activity window 2 of 3'));
    expect(part).toMatch(/^Signals\n {2}high privileged-action\n {2}\(1 event\) 1 sensitive\n {2}change:\n/);
    expect(part).toMatch(/\n {2}×1\n {2}medium okta-threat\n {2}\(2 events\) Okta flagged 2\n {2}events\n\n/);
    expect(part.split('\n\n')[0]).not.toMatch(/\n\s*\n/);
  });

  it('an event cited by several signals takes the highest severity', () => {
    expect([...evidenceSeverities(severityReport().findings[1]!)]).toEqual([['grant', 'high'], ['proxy', 'medium']]);
  });
});
