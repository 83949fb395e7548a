// Activity windows on a terminal: colour on/off, link colours, hostile log text escaped, every width 60–200.
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../../src/model/report.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import { tableReporter } from '../../../src/report/table/table.js';
import { hasAnsi, stripAnsi } from '../../helpers/ansi.js';
import { tableStringWidth } from '../../helpers/string-width.js';
import { collect } from '../helpers.js';
import { HOSTILE, makeWindow, manyEvents, standardEvents, windowFinding, windowReport } from '../window-helpers.js';

const render = (report: ScanReport, options: ReportOptions) => collect(tableReporter(report, options));

/** Raw characters that must never reach the terminal from log data. */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Windows of every kind: standard, empty with unknown owner, none, 120 events with drops, wide text. */
function fullReport(): ScanReport {
  const report = windowReport();
  const wide = standardEvents().map((e) => ({ ...e, eventType: `${e.eventType}.本番環境のデプロイ用トークン🔑${'x'.repeat(80)}` }));
  report.findings.push(
    windowFinding(makeWindow(manyEvents(120), { dropped: 7 }), 'big'),
    windowFinding(makeWindow(wide, { before: `${'9'.repeat(90)}d` }), 'wide'),
  );
  return report;
}

describe('window section on a terminal', () => {
  it.each([undefined, 200, 120, 90, 60])('no ANSI without colour; with colour equal once stripped (width %s)', (width) => {
    const plain = render(fullReport(), { color: false, width });
    const coloured = render(fullReport(), { color: true, width });
    expect(hasAnsi(plain)).toBe(false);
    expect(hasAnsi(coloured)).toBe(true);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it.each([200, 90, 60])('sets parts apart by single blank lines (width %i)', (width) => {
    expect(render(fullReport(), { color: false, width })).not.toContain('\n\n\n');
  });

  it('colours link tags the same in the legend, counts and rows', () => {
    const out = render(windowReport(), { color: true });
    expect(out).toContain('\u001b[36mT\u001b[39m token used/targeted');
    expect(out).toContain('\u001b[36mtoken\u001b[39m 2');
    expect(out).toContain('│ \u001b[36mT\u001b[39m \u001b[2m·\u001b[22m \u001b[33mO\u001b[39m \u001b[34mI\u001b[39m │');
  });

  it.each([undefined, 200, 100, 60])('never prints log text raw (width %s)', (width) => {
    for (const color of [false, true]) {
      const out = render(fullReport(), { color, width });
      expect(RAW_UNSAFE.test(stripAnsi(out))).toBe(false);
      for (const e of out.match(/\u001b[^m]*m/g) ?? []) expect(e).toMatch(/^\u001b\[\d+m$/);
    }
    const out = render(fullReport(), { color: false, width });
    expect(out).not.toContain(HOSTILE.actor);
    expect(out).toContain('ann\\u202'); // escaped (and maybe cut after the escape)
  });

  it('keeps every line within the width, for every width from 60 to 200', () => {
    // Coloured output only: stripped, it equals the plain output (tested above).
    const report = fullReport();
    for (let width = 60; width <= 200; width++) {
      for (const line of stripAnsi(render(report, { color: true, width })).split('\n')) {
        expect(tableStringWidth(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it.each([59, 40, 20, 8, 1])('stays within very narrow widths too (%i)', (width) => {
    for (const line of stripAnsi(render(fullReport(), { color: true, width })).split('\n')) {
      expect(tableStringWidth(line), line).toBeLessThanOrEqual(width);
    }
  });
});
