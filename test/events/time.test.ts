// parsePublished: the time forms Okta exports really carry, and rejection of everything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoUtc, parsePublished } from '../../src/events/time.js';

describe('parsePublished', () => {
  it.each([
    ['2024-05-01T12:00:00.123Z', '2024-05-01T12:00:00.123Z'],
    ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00.123456Z', '2024-05-01T12:00:00.123Z'],
    ['2024-05-01T14:00:00.5+02:00', '2024-05-01T12:00:00.500Z'],
    ['2024-05-01T07:30:00-0430', '2024-05-01T12:00:00.000Z'],
    ['2021-01-08 21:28:34.875', '2021-01-08T21:28:34.875Z'],
    ['2021-01-08 21:28:34', '2021-01-08T21:28:34.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(isoUtc(parsePublished(input)!)).toBe(expected);
  });

  it.each([
    [1714564800123, '2024-05-01T12:00:00.123Z'],
    [1714564800, '2024-05-01T12:00:00.000Z'],
    [1714564800.5, '2024-05-01T12:00:00.500Z'],
    ['1714564800123', '2024-05-01T12:00:00.123Z'],
    [' 1714564800.123456 ', '2024-05-01T12:00:00.123Z'],
    [0.0 + 99_999_999_999, '5138-11-16T09:46:39.000Z'],
    [100_000_000_000, '1973-03-03T09:46:40.000Z'],
  ])('epoch seconds below 1e11, milliseconds from it: %j', (input, expected) => {
    expect(isoUtc(parsePublished(input)!)).toBe(expected);
  });

  it.each([
    [-1],
    [12345],
    [1e14],
    [Number.NaN],
    ['12345678'],
    ['1714564800123456'],
    ['0x65a'],
    [null],
    [''],
    ['yesterday'],
    ['2024-13-01T00:00:00Z'],
    ['2023-02-29T00:00:00Z'],
    ['2024-04-31T00:00:00Z'],
    ['2024-05-01T24:00:00Z'],
    ['2024-05-01T12:00:00+25:00'],
    ['2024-05-01'],
    [['2024-05-01T12:00:00Z']],
  ])('rejects %j', (input) => {
    expect(parsePublished(input)).toBeNull();
  });

  it("reads Okta's own form as the general path does (a lowercase t or z takes that path), valid or not", () => {
    // Numbers around each field's limits, written with the form's widths.
    const d = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const form = fc
      .tuple(d(4, 9999), d(2, 13), d(2, 32), d(2, 24), d(2, 60), d(2, 60), d(3, 999))
      .map(([y, mo, da, h, mi, s, ms]) => `${y}-${mo}-${da}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(form, (s) => {
        expect(parsePublished(s)).toBe(parsePublished(s.replace('T', 't')));
        expect(parsePublished(s)).toBe(parsePublished(s.replace('Z', 'z')));
      }),
      { numRuns: 5000 },
    );
    expect(parsePublished('0099-05-01T12:00:00.123Z')).toBe(parsePublished('0099-05-01t12:00:00.123Z'));
    expect(isoUtc(parsePublished('0099-05-01T12:00:00.123Z')!)).toBe('0099-05-01T12:00:00.123Z');
    expect(parsePublished('2024-05-01T12:00:00.12xZ')).toBeNull();
    expect(parsePublished('2024-05-01T12:00:00,123Z')).toBe(parsePublished('2024-05-01T12:00:00.123Z'));
  });
});
