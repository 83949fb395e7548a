// stringifySafe: valid JSON, no raw control/bidi/separator characters, exact round-trip.
import { describe, expect, it } from 'vitest';
import { stringifySafe } from '../../src/report/json-text.js';

const HOSTILE = {
  esc: '\u001b[31mred\u001b[0m',
  cr: 'over\rwrite',
  nul: 'a\u0000b',
  bel: 'ding\u0007',
  del: 'x\u007f',
  nel: 'next\u0085line',
  csi8: '\u009b2J',
  lineSep: 'a\u2028b',
  paraSep: 'a\u2029b',
  rlo: 'evil\u202egnp.exe',
  isolate: '\u2067x\u2069',
  zwj: 'a\u200db\ufeffc',
  tags: 'hi\u{e0041}\u{e0042}',
  loneHigh: 'x\ud800y',
  loneLow: 'x\udfffy',
  pair: '🔑',
  backslash: 'C:\\path\\"quoted"',
} satisfies Record<string, string>;

/** Characters that must never appear raw in output meant for a terminal. */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\udb40[\udc00-\udc7f]/;

describe('JSON.stringify baseline (what stringifySafe builds on)', () => {
  it('escapes C0 controls and lone surrogates but leaves C1, U+2028/9 and bidi raw', () => {
    expect(JSON.stringify('\u001b\r\u0000')).toBe('"\\u001b\\r\\u0000"');
    expect(JSON.stringify('\ud800')).toBe('"\\ud800"');
    expect(JSON.stringify('\u0085\u2028\u202e')).toBe('"\u0085\u2028\u202e"');
  });
});

describe('stringifySafe', () => {
  for (const space of [undefined, 2]) {
    it(`is valid JSON, free of raw unsafe characters, and round-trips (space=${space})`, () => {
      const text = stringifySafe({ values: HOSTILE, nested: [HOSTILE.rlo, { [HOSTILE.esc]: HOSTILE.nel }] }, space);
      expect(RAW_UNSAFE.test(text)).toBe(false);
      expect(JSON.parse(text)).toEqual({ values: HOSTILE, nested: [HOSTILE.rlo, { [HOSTILE.esc]: HOSTILE.nel }] });
    });
  }

  it.each(Object.entries(HOSTILE))('round-trips %s exactly', (_name, value) => {
    const text = stringifySafe(value);
    expect(RAW_UNSAFE.test(text)).toBe(false);
    expect(JSON.parse(text)).toBe(value);
  });

  it('escapes as \\uXXXX, astral characters as surrogate pairs', () => {
    expect(stringifySafe('\u0085\u2028\u202e')).toBe('"\\u0085\\u2028\\u202e"');
    expect(stringifySafe('\u{e0041}')).toBe('"\\udb40\\udc41"');
  });

  it('keeps ordinary non-ASCII text raw and pretty-printing intact', () => {
    expect(stringifySafe({ a: 'Zoë 東京 🔑' }, 2)).toBe('{\n  "a": "Zoë 東京 🔑"\n}');
  });

  it('does not mangle a backslash followed by an escaped character', () => {
    const value = '\\\u0085\\\\\u202e';
    expect(JSON.parse(stringifySafe(value))).toBe(value);
  });

  it('rejects values JSON cannot represent', () => {
    expect(() => stringifySafe(undefined)).toThrow(TypeError);
  });
});
