// Activity windows in the table output: legend, headers, owner, empty and dropped lines, row limit.
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../../src/model/report.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import { tableReporter } from '../../../src/report/table/table.js';
import { EMPTY_WINDOW } from '../../../src/report/table/window-section.js';
import { collect, makeReport } from '../helpers.js';
import { makeWindow, manyEvents, windowFinding, windowReport } from '../window-helpers.js';

const render = (report: ScanReport, options: ReportOptions) => collect(tableReporter(report, options));
const count = (s: string, part: string) => s.split(part).length - 1;

describe('window section content', () => {
  const out = render(windowReport(), { color: false });

  it('prints the legend once, after the revocations table, and one heading per window', () => {
    expect(count(out, 'Links:')).toBe(1);
    expect(out).toContain("Links:  T token used/targeted · A revoker's own activity · O token owner's activity · I same address as the token");
    expect(out.indexOf('└')).toBeLessThan(out.indexOf('Links:'));
    expect(count(out, 'Activity window ')).toBe(2);
    expect(out).toContain('Activity window 1 of 2\nToken       ci-deploy · 00Tabc123def456ghi78\n');
    expect(out).toContain('Activity window 2 of 2\nToken       legacy-sync · 00Tsys000000000000001\n');
  });

  it('shows the owner, or why it is unknown', () => {
    expect(out).toContain('Owner       olga@corp.example · Olga Owner\n');
    expect(out).toContain('Owner       unknown (no system.api_token.create event for this token in the input)\n');
  });

  it('says a window without events is empty', () => {
    expect(out).toContain(`Events      0 events · token 0 · actor 0 · owner 0 · ip 0 · 0 IPs · 0 countries\n${EMPTY_WINDOW}\n`);
    expect(count(out, EMPTY_WINDOW)).toBe(1);
  });

  it('sets parts apart by single blank lines and ends with the summary line', () => {
    expect(out).not.toContain('\n\n\n');
    expect(out.endsWith(`${EMPTY_WINDOW}\n\n2 files, 1234 events, 3 duplicates, 1 diagnostic, 3 findings\n`)).toBe(true);
  });

  it('adds nothing for findings without a window', () => {
    const plain = render(makeReport(), { color: false });
    expect(plain).not.toContain('Links:');
    expect(plain).not.toContain('Activity window');
  });
});

describe('window section limits and drops', () => {
  it('says how many older events were dropped, before the timeline', () => {
    const out = render(makeReport([windowFinding(makeWindow(manyEvents(3), { dropped: 7 }))]), { color: false });
    expect(out).toMatch(/Events {6}10 events · [^\n]*\n7 older events dropped \(--max-window-events\)\n┌/);
    const one = render(makeReport([windowFinding(makeWindow(manyEvents(3), { dropped: 1 }))]), { color: false });
    expect(one).toContain('\n1 older event dropped (--max-window-events)\n');
    expect(render(windowReport(), { color: false })).not.toContain('dropped');
  });

  it('passes options.limit to the timeline: 50 by default, N, or 0 for all', () => {
    const report = makeReport([windowFinding(makeWindow(manyEvents(60)))]);
    expect(render(report, { color: false })).toContain('\n… 10 more events (use --format json)\n');
    expect(render(report, { color: false, limit: 5 })).toContain('\n… 55 more events (use --format json)\n');
    const all = render(report, { color: false, limit: 0 });
    expect(all).not.toContain('more events');
    expect(all).toContain('app.event.n59');
  });
});
