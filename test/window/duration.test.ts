// Durations: every unit, zero, and clear errors for anything else.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/window/duration.js';
import { UsageError } from '../../src/errors.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['30s', 30_000],
    ['90m', 5_400_000],
    ['36h', 129_600_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['1.5h', 5_400_000],
    ['24H', 86_400_000],
  ])('%s', (text, ms) => expect(parseDuration(text, '--before')).toBe(ms));
  it.each(['', '24', 'h', '-1h', '1y', 'abc', '99999d'])('rejects %j', (text) => {
    expect(() => parseDuration(text, '--before')).toThrow(UsageError);
  });
  it('names the option in the message', () => {
    expect(() => parseDuration('x', '--after')).toThrow(/--after/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0'],
    [86_400_000, '1d'],
    [5_400_000, '90m'],
    [1_209_600_000, '2w'],
    [129_600_000, '36h'],
    [1500, '1.5s'],
  ])('%i → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
