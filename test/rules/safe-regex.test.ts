// Tests for the guarded regular expression engine: results agree with RegExp, evil patterns fail.
import { describe, expect, it } from 'vitest';
import { Problem } from '../../src/rules/errors.js';
import { compileSafeRegex, REGEX_SUBJECT_CAP } from '../../src/rules/safe-regex.js';

const NO_FLAGS = { i: false, m: false, s: false };

/** Patterns inside the supported subset, each checked against RegExp on every subject. */
const PATTERNS: [string, string][] = [
  ['abc', ''],
  ['^abc$', ''],
  ['a.c', ''],
  ['a.c', 's'],
  ['^a', 'm'],
  ['c$', 'm'],
  ['colou?r', ''],
  ['ab*c', ''],
  ['ab+c', ''],
  ['a{2}', ''],
  ['^a{2,3}$', ''],
  ['^a{2,}$', ''],
  ['^(ab|cd)+$', ''],
  ['^(?:ab|a)c$', ''],
  ['[a-c]+x', ''],
  ['[^a-c]', ''],
  ['[]a]', ''],
  ['\\d+\\.\\d+', ''],
  ['\\w+@\\w+\\.com', ''],
  ['\\s', ''],
  ['\\bword\\b', ''],
  ['\\Bor', ''],
  ['ABC', 'i'],
  ['[A-Z]{3}', 'i'],
  ['\\x41\\u0042', ''],
  ['(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})', ''],
  ['^(\\d{1,3}\\.){3}\\d{1,3}$', ''],
  ['a|', ''],
  ['(?<name>x)y', ''],
  ['a*?b', ''],
  ['\\.exe$', 'i'],
];
const SUBJECTS = [
  '', 'abc', 'xabcx', 'ABC', 'a\nc', 'abbbc', 'ac', 'aa', 'aaa', 'aaaa', 'abab', 'abcd', 'cdab', 'ac',
  'color', 'colour', 'colouur', 'bbx', 'dd', ']', '3.14', 'joe@acme.com', 'a b', 'a word here', 'sword',
  'for', 'AB', 'x\nabc\ny', 'line\nc\nend', '0oa12', 'not an email', '10.0.0.1', '1000.1.1.1', 'xy', 'aab',
  'CMD.EXE', 'cmd.exe.bak', 'ab\u2028c',
];

describe('compileSafeRegex', () => {
  for (const [source, flags] of PATTERNS) {
    it(`agrees with RegExp on /${source}/${flags}`, () => {
      const test = compileSafeRegex(source, { i: flags.includes('i'), m: flags.includes('m'), s: flags.includes('s') });
      const native = new RegExp(source.replace(/^\[\]/, '[\\]'), flags);
      for (const s of SUBJECTS) expect([s, test(s)]).toEqual([s, native.test(s)]);
    });
  }

  it('honours a leading inline flag group (?i)', () => {
    const test = compileSafeRegex('(?i)^cmd$', NO_FLAGS);
    expect(test('CMD')).toBe(true);
    expect(test('xcmd')).toBe(false);
  });

  it('is case-sensitive by default', () => {
    expect(compileSafeRegex('^abc$', NO_FLAGS)('ABC')).toBe(false);
  });

  it('rejects the evil pattern (a+)+$ and other nested quantifiers', () => {
    for (const evil of ['(a+)+$', '(a*)*b', '(\\w+\\s?)*$', '(a+){10}', '(x{1,5})+']) {
      expect(() => compileSafeRegex(evil, NO_FLAGS)).toThrow(/nested quantifiers.*catastrophically/);
    }
    expect(() => compileSafeRegex('(a+)+$', NO_FLAGS)).toThrow(Problem);
  });

  it('accepts bounded nests such as (\\d{1,3}\\.){3}', () => {
    expect(() => compileSafeRegex('(\\d{1,3}\\.){3}', NO_FLAGS)).not.toThrow();
  });

  it('rejects what cannot run in linear time or is not Sigma regex syntax', () => {
    const cases: [string, RegExp][] = [
      ['(a)\\1', /backreferences/],
      ['(?<n>a)\\k<n>', /backreferences/],
      ['a(?=b)', /lookahead\/lookbehind/],
      ['(?<!a)b', /lookahead\/lookbehind/],
      ['a++', /possessive/],
      ['\\p{L}', /unsupported escape/],
      ['[[:alpha:]]', /POSIX/],
      ['(ab', /missing \)/],
      ['ab)', /unmatched/],
      ['*a', /nothing to repeat/],
      ['a**', /nothing to repeat/],
      ['[b-a]', /out of order/],
      ['a{1001}', /above 1000/],
      ['(?i:x)', /unsupported group/],
    ];
    for (const [source, why] of cases) {
      expect(() => compileSafeRegex(source, NO_FLAGS), source).toThrow(why);
    }
  });

  it('rejects expressions whose automaton would be too large', () => {
    expect(() => compileSafeRegex('(abcdefghij){100}', NO_FLAGS)).toThrow(/too large/);
  });

  it('stays fast on crafted values that make RegExp backtrack for seconds', () => {
    const value = 'a'.repeat(REGEX_SUBJECT_CAP);
    const cases = [compileSafeRegex('.*x', NO_FLAGS), compileSafeRegex('a.*b.*c', NO_FLAGS), compileSafeRegex('(a|aa)*$x', NO_FLAGS)];
    const t0 = performance.now();
    for (const test of cases) expect(test(value)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('searches only the first 64 KiB of a value', () => {
    const test = compileSafeRegex('x', NO_FLAGS);
    expect(test(`${'a'.repeat(REGEX_SUBJECT_CAP - 1)}x`)).toBe(true);
    expect(test(`${'a'.repeat(REGEX_SUBJECT_CAP)}x`)).toBe(false);
  });
});
