// Progress bar: the line's content and fitting, redraw throttling on a fake clock, erase at the end.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, ProgressBar, progressLine } from '../../src/cli/progress.js';

const MB = 1_000_000;

function sink() {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => (writes.push(s), true), isTTY: true } };
}

describe('formatBytes / formatDuration', () => {
  it('uses decimal units and m:ss or h:mm:ss', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(268.1 * MB)).toBe('268.1 MB');
    expect(formatBytes(1.5e9)).toBe('1.5 GB');
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('progressLine', () => {
  it('shows pass, bar, percentage, bytes of total, rate, events and ETA', () => {
    const line = progressLine({ pass: 1, bytes: 100 * MB, records: 1_234_567 }, 400 * MB, 2000, 200);
    expect(line).toBe('pass 1 [███░░░░░░░] 25% 100.0 MB of 400.0 MB 50.0 MB/s 1,234,567 events ETA 0:06');
  });

  it('without a total: no bar, percentage or ETA', () => {
    expect(progressLine({ pass: 2, bytes: 5 * MB, records: 10 }, null, 1000, 200)).toBe('pass 2 5.0 MB 5.0 MB/s 10 events');
  });

  it('drops the bar, then the events, then the rate on narrow terminals, and never exceeds the width', () => {
    const p = { pass: 1, bytes: 100 * MB, records: 1_234_567 };
    expect(progressLine(p, 400 * MB, 2000, 70)).toBe('pass 1 25% 100.0 MB of 400.0 MB 50.0 MB/s 1,234,567 events ETA 0:06');
    expect(progressLine(p, 400 * MB, 2000, 50)).toBe('pass 1 25% 100.0 MB of 400.0 MB 50.0 MB/s ETA 0:06');
    expect(progressLine(p, 400 * MB, 2000, 40)).toBe('pass 1 25% 100.0 MB of 400.0 MB ETA 0:06');
    for (let w = 0; w < 90; w++) expect(progressLine(p, 400 * MB, 2000, w).length).toBeLessThanOrEqual(w);
  });
});

describe('ProgressBar', () => {
  it('draws the first update at once, then at most every interval, and each new pass at once', () => {
    let now = 0;
    const { writes, stream } = sink();
    const bar = new ProgressBar({ stream, width: 100, clock: () => now, total: 10 * MB, interval: 100 });
    bar.update({ pass: 1, bytes: 1 * MB, records: 1 });
    now = 50;
    bar.update({ pass: 1, bytes: 2 * MB, records: 2 });
    now = 120;
    bar.update({ pass: 1, bytes: 3 * MB, records: 3 });
    now = 130;
    bar.update({ pass: 2, bytes: 1 * MB, records: 1 });
    expect(writes).toHaveLength(3);
    for (const w of writes) expect(w).toMatch(/^\r[^\r\n]*\u001b\[K$/);
    expect(writes[1]).toContain('3.0 MB of 10.0 MB');
    expect(writes[2]).toMatch(/^\rpass 2 /);
    bar.finish();
    expect(writes.at(-1)).toBe('\r\u001b[K');
    bar.finish();
    expect(writes).toHaveLength(4);
  });

  it('finish writes nothing when nothing was drawn', () => {
    const { writes, stream } = sink();
    new ProgressBar({ stream, width: 80, clock: () => 0, total: null }).finish();
    expect(writes).toEqual([]);
  });

  it('assumes 80 columns when the terminal reports none (a pseudo-terminal without a size)', () => {
    const { writes, stream } = sink();
    const bar = new ProgressBar({ stream, width: 0, clock: () => 0, total: 10 * MB });
    bar.update({ pass: 1, bytes: 1 * MB, records: 5 });
    expect(writes[0]).toMatch(/^\rpass 1 \[█░{9}\] 10% 1\.0 MB of 10\.0 MB 5 events\u001b\[K$/);
  });

  it('fits the line into one column less than the terminal, so it never wraps', () => {
    const { writes, stream } = sink();
    const bar = new ProgressBar({ stream, width: 30, clock: () => 0, total: 10 * MB });
    bar.update({ pass: 1, bytes: 1 * MB, records: 123_456 });
    expect(writes[0]!.replace(/^\r/, '').replace(/\u001b\[K$/, '').length).toBeLessThanOrEqual(29);
  });
});
