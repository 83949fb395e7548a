// The original viewer's indenting: one member per line, every token exactly as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson } from '../../../src/report/html/pretty-json.js';

describe('prettyJson', () => {
  it('puts one member per line, indented by level', () => {
    expect(prettyJson('{"a":1,"b":[true,null],"c":{}}')).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ],\n  "c": {}\n}');
  });

  it('keeps numbers, repeated keys and escapes as written', () => {
    const text = '{"n":123456789012345678901234567890,"n":1E400,"s":"a\\"b, {c}: [d]\\\\","u":"\\u202e"}';
    expect(prettyJson(text)).toBe('{\n  "n": 123456789012345678901234567890,\n  "n": 1E400,\n  "s": "a\\"b, {c}: [d]\\\\",\n  "u": "\\u202e"\n}');
  });

  it('keeps empty objects and arrays on one line, even with spaces inside', () => {
    expect(prettyJson('[ [ ], { } ]')).toBe('[\n  [],\n  {}\n]');
  });

  it('reads back as the same value, from compact or spaced text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 3 : undefined);
        expect(JSON.parse(prettyJson(text))).toEqual(JSON.parse(text));
      }),
    );
  });
});
