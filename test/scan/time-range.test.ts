// --from/--to: instants must carry a zone; durations count back from the newest event.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkRange, parseBound, resolveRange } from '../../src/scan/time-range.js';

describe('parseBound', () => {
  it.each([
    ['2024-03-05T16:00:00Z', Date.UTC(2024, 2, 5, 16)],
    ['2024-03-05T17:00:00+01:00', Date.UTC(2024, 2, 5, 16)],
    ['2024-03-05T11:00:00.500-0500', Date.UTC(2024, 2, 5, 16, 0, 0, 500)],
    ['2024-03-05 16:00Z', Date.UTC(2024, 2, 5, 16)],
  ])('%s is an instant', (text, ms) => expect(parseBound(text, '--from')).toEqual({ kind: 'at', ms }));
  it('a date is a UTC day: --from its first millisecond, --to its last', () => {
    expect(parseBound('2024-03-05', '--from')).toEqual({ kind: 'at', ms: Date.UTC(2024, 2, 5) });
    expect(parseBound('2024-03-05', '--to')).toEqual({ kind: 'at', ms: Date.UTC(2024, 2, 6) - 1 });
  });
  it('durations are counted back from the newest event', () => {
    expect(parseBound('7d', '--from')).toEqual({ kind: 'before-newest', ms: 7 * 86_400_000 });
    expect(parseBound('36h', '--to')).toEqual({ kind: 'before-newest', ms: 36 * 3_600_000 });
  });
  it.each([
    ['2024-03-05T16:00:00', /--from '2024-03-05T16:00:00' has no time zone: add Z or an offset \(e\.g\. 2024-03-05T16:00:00Z\), or give the date alone/],
    ['2024-02-30', /not a valid date/],
    ['yesterday', /--from takes an ISO 8601 time with Z or an offset/],
    ['2024-02-30T00:00:00Z', /not a valid date and time/],
  ])('%s is a usage error', (text, message) => {
    expect(() => parseBound(text, '--from')).toThrow(UsageError);
    expect(() => parseBound(text, '--from')).toThrow(message);
  });
});

describe('ranges', () => {
  it('an empty absolute range is refused', () => {
    expect(() => checkRange({ from: { kind: 'at', ms: 2 }, to: { kind: 'at', ms: 1 } })).toThrow(/--from is later than --to/);
  });
  it('resolve against the newest event; open ends stay open', () => {
    const newest = Date.UTC(2024, 2, 6);
    expect(resolveRange({ from: { kind: 'before-newest', ms: 86_400_000 }, to: null }, newest)).toEqual({ from: Date.UTC(2024, 2, 5), to: Infinity });
    expect(resolveRange({ from: null, to: { kind: 'at', ms: 5 } }, null)).toEqual({ from: -Infinity, to: 5 });
    expect(resolveRange({ from: { kind: 'before-newest', ms: 1 }, to: null }, null)).toEqual({ from: -Infinity, to: Infinity });
  });
});
