// Detections in the table (--hunt): rule cells by severity, the Detections section, the timeline Rules column.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { rulesLine, ruleLines } from '../../../src/report/table/detection-cells.js';
import { detectionSection, NO_DETECTIONS } from '../../../src/report/table/detection-section.js';
import type { ScanReport } from '../../../src/model/report.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import { tableReporter } from '../../../src/report/table/table.js';
import { renderTimeline } from '../../../src/report/table/timeline.js';
import { displayWidth } from '../../../src/report/table/width.js';
import type { WindowEvent } from '../../../src/model/window.js';
import { stripAnsi } from '../../helpers/ansi.js';
import { huntReport, makeDetection, RULE_INFO, RULE_MFA, RULE_ROLE, standardDetections } from '../detection-helpers.js';
import { collect } from '../helpers.js';
import { HOSTILE, makeWindow, makeWindowEvent, standardEvents } from '../window-helpers.js';

const plain = new Chalk({ level: 0 });
const section = (detections = standardDetections(), limit?: number, width?: number, afterBlank = false) =>
  collect(detectionSection(detections, { width, limit, chalk: plain }, afterBlank));
const render = (report: ScanReport, options: ReportOptions = { color: false }) => collect(tableReporter(report, options));

describe('rule cells', () => {
  it('one line: the most severe rule, coloured by level, then +N', () => {
    expect(rulesLine([RULE_INFO, RULE_MFA, RULE_ROLE])).toEqual({
      text: 'Admin Role Assigned +2',
      spans: [{ text: 'Admin Role Assigned', style: 'red' }, { text: ' +2', style: 'dim' }],
    });
    expect(rulesLine([RULE_MFA])).toEqual({ text: 'MFA Reset or Deactivated', style: 'yellow' });
    expect(rulesLine([])).toEqual({ text: '-', style: 'dim' });
  });

  it('one line per rule, most severe first, with its level; hostile titles escaped', () => {
    expect(ruleLines([RULE_INFO, RULE_ROLE]).map((l) => l.text)).toEqual(['high Admin Role Assigned', 'informational Sign-In Seen']);
    expect(ruleLines([{ id: 'x', title: 'Okta \u001b[2J wipe', level: 'low' }])[0]).toEqual({ text: 'low \\x1b[2J wipe' });
  });
});

describe('Detections section', () => {
  const out = section();

  it('has a heading with the count and the rules that fired, most severe first', () => {
    expect(out.startsWith('\nDetections (4)\nBy rule:  Admin Role Assigned 2 · MFA Reset or Deactivated 2 · Sign-In Seen 1\n')).toBe(true);
  });

  it('shows one row per detection: time, rules, event type, actor, client, outcome, target', () => {
    const row = out.split('\n').find((l) => l.includes('2024-05-02 03:04:05Z'))!;
    expect(row.split('│').map((c) => c.trim()).slice(1, -1)).toEqual([
      '2024-05-02 03:04:05Z', 'high Admin Role Assigned', 'user.mfa.factor.reset_all', 'ann@corp.example', '198.51.100.23 Romania', 'SUCCESS', 'Carl Target',
    ]);
    expect(out).toContain('│                      │ medium MFA Reset or Deactivated │');
    expect(out.endsWith('┘\n\n')).toBe(true);
  });

  it('shows at most `limit` rows and says how many more there are', () => {
    const limited = section(standardDetections(), 1);
    expect(limited).toContain('2024-04-30 09:00:00Z');
    expect(limited).not.toContain('2024-05-01 11:00:00Z');
    expect(limited.endsWith('… 3 more detections (use --format json)\n\n')).toBe(true);
    expect(section(standardDetections(), 0)).toContain('2024-05-09 00:00:00Z');
  });

  it('says when nothing was detected, and leaves out the blank line when one is there already', () => {
    expect(section([], undefined, undefined, true)).toBe(`Detections (0)\n${NO_DETECTIONS}\n\n`);
  });

  it('fits a narrow terminal: a block per detection, no line wider than the width', () => {
    const narrow = section(standardDetections(), undefined, 50);
    expect(narrow).not.toContain('┌');
    expect(narrow).toContain('Rules: high Admin Role Assigned\n');
    for (const l of narrow.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(50);
  });

  it('shows times in the --tz zone', () => {
    const zoned = collect(detectionSection(standardDetections(), { width: undefined, limit: undefined, chalk: plain, timeZone: 'Europe/Oslo' }));
    expect(zoned).toMatch(/│ Time \(Europe\/Oslo\) +│ Rules/);
    expect(zoned).toContain('│ 2024-05-01 13:00:00+02:00 │');
  });

  it('escapes hostile log values', () => {
    const hostile = section([makeDetection({ eventType: HOSTILE.eventType, actor: { alternateId: HOSTILE.actor } })]);
    expect(hostile).not.toContain(HOSTILE.eventType);
    expect(hostile).toContain('app.\\x1b[2Jwipe\\r');
  });
});

describe('table reporter with --hunt', () => {
  it('puts the Detections after the revocations, then the summary with the detection count', () => {
    const out = render(huntReport());
    expect(out.indexOf('Detections (4)')).toBeGreaterThan(out.lastIndexOf('legacy-sync'));
    expect(out.endsWith('┘\n\n2 files, 1234 events, 3 duplicates, 1 diagnostic, 3 findings, 4 detections\n')).toBe(true);
    expect(out).not.toContain('\n\n\n');
  });

  it('shows detections when there is no revocation', () => {
    const out = render(huntReport([]));
    expect(out.startsWith('No API token revocations found in 1234 events from 2 files.\n\nDetections (4)\n')).toBe(true);
    expect(out.endsWith('\n\n2 files, 1234 events, 3 duplicates, 1 diagnostic, 0 findings, 4 detections\n')).toBe(true);
  });

  it('is unchanged without --hunt', () => {
    const report = huntReport();
    delete report.detections;
    delete report.summary.detections;
    expect(render(report)).not.toContain('Detections');
  });

  it('colours rule titles by level', () => {
    const out = render(huntReport(), { color: true });
    expect(out).toContain(new Chalk({ level: 1 }).red('high Admin Role Assigned'));
    expect(stripAnsi(out)).toBe(render(huntReport()));
  });
});

describe('timeline Rules column', () => {
  const timeline = (events = standardEvents()) => collect(renderTimeline(makeWindow(events), undefined, undefined, plain));

  it('appears only when an event of the window matched a rule', () => {
    expect(timeline()).not.toContain('Rules');
    const events: WindowEvent[] = standardEvents().map((e) => ({ ...e, detections: [] }));
    expect(timeline(events)).not.toContain('Rules');
    events[1] = { ...events[1]!, detections: [RULE_MFA, RULE_ROLE] };
    const out = timeline(events);
    const header = out.split('\n')[1]!;
    expect(header.split('│').at(-2)!.trim()).toBe('Rules');
    const row = out.split('\n').find((l) => l.includes('user.lifecycle.deactivate'))!;
    expect(row.split('│').at(-2)!.trim()).toBe('Admin Role Assigned +1');
    const other = out.split('\n').find((l) => l.includes('2024-04-30 13:00:00Z'))!;
    expect(other.split('│').at(-2)!.trim()).toBe('-');
  });

  it('keeps every line within the width', () => {
    const events = [makeWindowEvent('2024-05-01T10:00:00.000Z', { detections: [RULE_ROLE, RULE_MFA, RULE_INFO] })];
    const out = collect(renderTimeline(makeWindow(events), undefined, 100, plain));
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(100);
  });
});
