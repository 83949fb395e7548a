// stringifySafe: valid JSON, no raw control/bidi/separator characters, exact round-trip.
import { describe, expect, it } from 'vitest';
import { escapeRawUnsafe, stringifySafe } from '../../src/report/json-text.js';
import { UNSAFE_CHAR_SOURCE } from '../../src/report/sanitize.js';

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

describe('escapeRawUnsafe', () => {
  // What it must give: every unsafe character but C0 escaped by one expression over the whole text.
  const unsafe = new RegExp(`[${UNSAFE_CHAR_SOURCE}--[\\u0000-\\u001f]]`, 'gv');
  const expected = (json: string) => json.replace(unsafe, (ch) => [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));

  it('treats every UTF-16 code unit, alone and after safe non-ASCII text, as the one expression does', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const json of [`"${ch}"`, `"é東${ch}x"`]) if (escapeRawUnsafe(json) !== expected(json)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    // The table is not all-clear: the characters the expression escapes are caught.
    expect(escapeRawUnsafe('"\u0085\u202e"')).toBe('"\\u0085\\u202e"');
  });

  it.each([
    ['all ASCII', '{"a":"plain text","b":[1,2]}'],
    ['safe non-ASCII only', '{"a":"Zoë 東京 Ünïcödé 🔑"}'],
    ['DEL', '{"a":"x\u007f"}'],
    ['C1 after safe text', '{"a":"Zoë\u0085"}'],
    ['a bidi override far after the first non-ASCII character', `{"a":"é${'x'.repeat(5000)}\u202e"}`],
    ['tag characters', '{"a":"hi\u{e0041}\u{e0042}"}'],
    ['an emoji beside a zero-width joiner', '{"a":"👩\u200d💻"}'],
    ['lone surrogates', '{"a":"\ud800x\udfff"}'],
    ['U+2028 and U+2029', '{"a":"a\u2028b\u2029c"}'],
    ['a Hangul filler and a variation selector', '{"a":"\u3164\ufe0f"}'],
  ])('escapes %s exactly as the one expression does', (_name, json) => {
    expect(escapeRawUnsafe(json)).toBe(expected(json));
  });

  it('returns text with nothing to escape as it is', () => {
    expect(escapeRawUnsafe('{"a":"Zoë 東京 🔑"}')).toBe('{"a":"Zoë 東京 🔑"}');
  });
});
