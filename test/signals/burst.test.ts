// burst: the window's peak calls per minute against the token's median per active minute before it.
import { describe, expect, it } from 'vitest';
import type { OktaEvent } from '../../src/events/types.js';
import { median } from '../../src/signals/burst.js';
import { analyse, call, DAY, H, MIN, one, signalsOf } from './helpers.js';

/** `n` calls inside the minute starting at T + offset. */
function minute(prefix: string, offset: number, n: number): OktaEvent[] {
  return Array.from({ length: n }, (_, i) => call(`${prefix}${i}`, offset + i * 1000));
}

/** One call per active minute on `days` days before the window, `perMinute` calls each. */
function usual(perMinute: number, minutes = 20): OktaEvent[] {
  return Array.from({ length: minutes }, (_, i) => minute(`u${i}-`, -2 * DAY - i * H, perMinute)).flat();
}

describe('burst', () => {
  it('fires when the peak minute reaches burst-min and burst-factor × the median, with that minute as evidence', () => {
    const f = analyse([...usual(1), ...minute('b', -H, 12), ...minute('q', -3 * H, 2)]);
    const s = one(f, 'burst');
    expect(s.severity).toBe('medium');
    expect(s.evidence).toEqual(Array.from({ length: 12 }, (_, i) => `b${i}`));
    expect(s.message).toMatch(/^12 calls made with the token in one minute .* median of 1 per active minute in the 30 days before the window \(20 active minutes\)/);
  });

  it('near miss: one call fewer than burst-min', () => {
    expect(signalsOf(analyse([...usual(1), ...minute('b', -H, 9)]), 'burst')).toEqual([]);
  });

  it('near miss: a busy token whose usual rate makes the peak ordinary (12 < 5 × 3)', () => {
    expect(signalsOf(analyse([...usual(3), ...minute('b', -H, 12)]), 'burst')).toEqual([]);
  });

  it('thresholds come from the options', () => {
    const events = [...usual(1), ...minute('b', -H, 9)];
    expect(one(analyse(events, undefined, { signals: { burstMin: 5 } }), 'burst').evidence).toHaveLength(9);
    expect(signalsOf(analyse(events, undefined, { signals: { burstMin: 5, burstFactor: 10 } }), 'burst')).toEqual([]);
  });

  it('calls before the baseline period do not count in the median', () => {
    const old = Array.from({ length: 20 }, (_, i) => minute(`o${i}-`, -40 * DAY - i * H, 5)).flat();
    const f = analyse([...old, ...usual(1, 3), ...minute('b', -H, 12)], undefined, { signals: { baseline: 7 * DAY } });
    expect(one(f, 'burst').message).toContain('median of 1 per active minute in the 7 days before the window (3 active minutes)');
  });

  it('without calls in the baseline period the usual rate is taken as 1 per minute', () => {
    const f = analyse(minute('b', -H, 10));
    expect(one(f, 'burst').message).toContain('no call in the 30 days before the window (taken as 1 per minute)');
  });

  it('median of active minutes', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 1, 4, 10])).toBe(2.5);
    expect(MIN).toBe(60_000);
  });
});
