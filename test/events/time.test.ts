// parsePublished: the time forms Okta exports really carry, and rejection of everything else.
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
});
