// The timeline's time axis: round ticks on the wall clock of UTC or a zone, spans for people, a linear scale.
import { describe, expect, it } from 'vitest';
import { clockText, timeScale, timeTicks, zoneOffset } from '../../../../src/report/html/timeline/scale.js';

const T = Date.parse('2024-03-04T16:15:02.000Z');
const HOUR = 3_600_000;

describe('timeTicks', () => {
  it('puts round ticks inside the span, the date on the first and on each new day', () => {
    const ticks = timeTicks(T, T + 24 * HOUR, 8, null);
    expect(ticks.map((t) => t.label)).toEqual(['18:00', '21:00', '00:00', '03:00', '06:00', '09:00', '12:00', '15:00']);
    expect(ticks.map((t) => t.date)).toEqual(['2024-03-04', null, '2024-03-05', null, null, null, null, null]);
    for (const t of ticks) expect(t.at >= T && t.at <= T + 24 * HOUR).toBe(true);
  });

  it('never gives more ticks than asked for, seconds on short spans', () => {
    const ticks = timeTicks(T, T + 60_000, 4, null);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[0]!.label).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('aligns on the wall clock of a zone (Asia/Kolkata is UTC+05:30)', () => {
    expect(zoneOffset(T, 'Asia/Kolkata')).toBe(5.5 * HOUR);
    const ticks = timeTicks(T, T + 12 * HOUR, 5, 'Asia/Kolkata');
    expect(ticks[0]!.label).toBe('00:00');
    expect(new Date(ticks[0]!.at).toISOString()).toBe('2024-03-04T18:30:00.000Z');
  });

  it('shows dates for spans of days', () => {
    expect(timeTicks(T, T + 30 * 24 * HOUR, 6, null)[0]!.label).toMatch(/^\d\d-\d\d$/);
  });
});

describe('clockText', () => {
  it('reads the wall clock', () => {
    expect(clockText(T, null)).toBe('16:15:02');
    expect(clockText(T, 'Europe/Berlin', false)).toBe('17:15');
  });
});

describe('timeScale', () => {
  it('maps the span linearly onto the pixels', () => {
    const x = timeScale(T, T + HOUR, 100, 200);
    expect(x(T)).toBe(100);
    expect(x(T + HOUR / 2)).toBe(150);
    expect(x(T + HOUR)).toBe(200);
  });
});
