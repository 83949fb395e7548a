// The benchmark's summary of one profile: ratios to jq and DuckDB, the one-minute window, peak RSS, cost per window event and record.
import { describe, expect, it } from 'vitest';
import { ratio, summaryLines, type ProfileFigures, type RatioRow } from '../../bench/ratios.js';
import { windowStats } from '../../bench/report-windows.js';

const row = (tool: RatioRow['tool'], variant: string, format: string, wallS: number, extra: Partial<RatioRow> = {}): RatioRow =>
  ({ tool, variant, format, wallS, peakRssMiB: null, parsed: null, ok: true, ...extra });

const rows: RatioRow[] = [
  row('okta-revoke-scan', 'whole', 'ndjson', 4, { peakRssMiB: 214, parsed: 40_000 }),
  row('okta-revoke-scan', 'whole', 'pretty', 6, { peakRssMiB: 220 }),
  row('okta-revoke-scan', '--before 1m', 'ndjson', 2.5, { peakRssMiB: 123 }),
  row('okta-revoke-scan', '--no-window', 'ndjson', 1, { peakRssMiB: 81 }),
  row('jq', 'select', 'ndjson', 48),
  row('jq', 'select', 'pretty', 60),
  row('duckdb', 'links', 'ndjson', 5),
  row('duckdb', 'originals', 'ndjson', 12),
  row('duckdb', 'links', 'pretty', 3),
];
const windows = windowStats([10, 20, 30, 40], new Map([['a', 1], ['b', 3], ['c', 2]]));
const figures = (profile: 'light' | 'heavy', r = rows): ProfileFigures => ({ profile, size: '1GiB', events: 475_000, revocations: 200, windows, rows: r });

describe('ratio', () => {
  it('is how many times longer the slower run took, null when a run is missing', () => {
    expect(ratio(rows[4], rows[0])).toBe(12);
    expect(ratio(undefined, rows[0])).toBeNull();
  });
});

describe('summaryLines', () => {
  it('names each ratio the issue asks for, and whether the heavy targets are met', () => {
    const text = summaryLines(figures('heavy')).join('\n');
    expect(text).toContain('heavy 1GiB: 475,000 events, 200 revocations; 100 window events (mean 25, median 20, p90 40, largest 10, 20, 30, 40; smallest 10); 2 events in 2 or more windows (up to 3)');
    expect(text).toContain("jq's plain select / whole job: NDJSON 12.0× (target ≥ 10×: met), pretty array 10.0× (target ≥ 15×: NOT met)");
    expect(text).toContain('DuckDB / whole job: ndjson links only 1.25× (target > 1×: met), ndjson with originals 3.00×, pretty links only 0.50× (target > 1×: NOT met)');
    expect(text).toContain('--before 1m / --no-window: 2.50 s / 1.00 s = 2.50× (target ≤ 1.5×: NOT met)');
    expect(text).toContain('peak RSS, whole job on NDJSON: 214 MiB (target ≤ 150 MiB: NOT met) (pretty 220, --before 1m 123, --no-window 81 MiB)');
    expect(text).toContain('whole job on NDJSON, 4.00 s: 40000.0 µs per window event; 100.0 µs per parsed record (40,000 parsed); windows beyond --no-window 30000.0 µs per window event');
  });

  it('states no targets for the light profile and leaves out what was not measured or failed', () => {
    const lines = summaryLines(figures('light', [rows[0]!, { ...rows[4]!, ok: false }]));
    expect(lines.join('\n')).not.toMatch(/target|jq|DuckDB|--before/);
    expect(lines).toHaveLength(3);
  });
});
