// Tests for the guard on Sigma `re` values: what matches (Sigma's PCRE-style patterns), what is rejected, linear time.
import { describe, expect, it } from 'vitest';
import { Problem } from '../../src/rules/errors.js';
import { compileSafeRegex, REGEX_MAX_PROGRAM, REGEX_SUBJECT_CAP } from '../../src/rules/safe-regex.js';

const NO_FLAGS = { i: false, m: false, s: false };
const flagsOf = (f: string) => ({ i: f.includes('i'), m: f.includes('m'), s: f.includes('s') });

/** Patterns whose meaning RE2 and JavaScript share, each checked against RegExp on every subject. */
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
  ['\\x41\\x42', ''],
  ['(^0oa.*|[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,10})', ''],
  ['^(\\d{1,3}\\.){3}\\d{1,3}$', ''],
  ['a|', ''],
  ['(?<name>x)y', ''],
  ['a*?b', ''],
  ['^a+?$', ''],
  ['\\.exe$', 'i'],
];
const SUBJECTS = [
  '', 'abc', 'xabcx', 'ABC', 'a\nc', 'abbbc', 'ac', 'aa', 'aaa', 'aaaa', 'abab', 'abcd', 'cdab', 'ac',
  'color', 'colour', 'colouur', 'bbx', 'dd', ']', '3.14', 'joe@acme.com', 'a b', 'a word here', 'sword',
  'for', 'AB', 'x\nabc\ny', 'line\nc\nend', '0oa12', 'not an email', '10.0.0.1', '1000.1.1.1', 'xy', 'aab',
  'CMD.EXE', 'cmd.exe.bak', 'a\tb',
];

describe('compileSafeRegex', () => {
  for (const [source, flags] of PATTERNS) {
    it(`agrees with RegExp on /${source}/${flags}`, () => {
      const test = compileSafeRegex(source, flagsOf(flags));
      const native = new RegExp(source.replace(/^\[\]/, '[\\]'), flags);
      for (const s of SUBJECTS) expect([s, test(s)]).toEqual([s, native.test(s)]);
    });
  }

  it('matches the PCRE-style patterns Sigma rules use', () => {
    const cases: [string, string, string, boolean][] = [
      ['\\\\cmd\\.exe$', 'i', 'C:\\Windows\\System32\\CMD.EXE', true],
      ['\\\\cmd\\.exe$', 'i', 'C:\\Windows\\System32\\cmdXexe', false],
      ['^(?:curl|python-requests|okhttp)/\\d+\\.\\d+', '', 'python-requests/2.31.0', true],
      ['^(?:curl|python-requests|okhttp)/\\d+\\.\\d+', '', 'Mozilla/5.0 curl/8.1', false],
      ['^00[a-zA-Z0-9_-]{38,40}$', '', `00${'x'.repeat(40)}`, true],
      ['^00[a-zA-Z0-9_-]{38,40}$', '', `00${'x'.repeat(41)}`, false],
      ['^svc[-_]\\w+@example\\.com$', 'i', 'SVC_backup@Example.com', true],
      ['^svc[-_]\\w+@example\\.com$', '', 'SVC_backup@Example.com', false],
      ['api_token\\.(create|revoke)$', '', 'system.api_token.revoke', true],
      ['^\\S+\\s+\\S+$', '', 'two words', true],
      ['^\\D+$', '', 'no digits', true],
      ['<.+?>', '', 'a <b> c', true],
      ['^[[:alpha:]]+$', '', 'Okta', true],
    ];
    for (const [source, flags, s, expected] of cases) expect([source, s, compileSafeRegex(source, flagsOf(flags))(s)]).toEqual([source, s, expected]);
  });

  it('treats only \\n as a line end, as PCRE does (not \\r, U+2028), and \\s as ASCII white space', () => {
    expect(compileSafeRegex('a.c', NO_FLAGS)('a\rc')).toBe(true);
    expect(compileSafeRegex('a.c', NO_FLAGS)('a\u2028c')).toBe(true);
    expect(compileSafeRegex('^b$', flagsOf('m'))('a\nb')).toBe(true);
    expect(compileSafeRegex('^b$', flagsOf('m'))('a\rb')).toBe(false);
    expect(compileSafeRegex('\\s', NO_FLAGS)('a\u00a0b')).toBe(false);
  });

  it('honours inline flags, leading (?i) and scoped (?i:...)', () => {
    const test = compileSafeRegex('(?i)^cmd$', NO_FLAGS);
    expect(test('CMD')).toBe(true);
    expect(test('xcmd')).toBe(false);
    const scoped = compileSafeRegex('^(?i:cmd)\\.EXE$', NO_FLAGS);
    expect(scoped('CmD.EXE')).toBe(true);
    expect(scoped('cmd.exe')).toBe(false);
  });

  it('is case-sensitive by default', () => {
    expect(compileSafeRegex('^abc$', NO_FLAGS)('ABC')).toBe(false);
  });

  it('rejects the evil pattern (a+)+$ and other nested quantifiers, naming the group', () => {
    for (const [evil, group] of [['(a+)+$', '(a+)+'], ['(a*)*b', '(a*)*'], ['(\\w+\\s?)*$', '(\\w+\\s?)*'], ['(a+){10}', '(a+){10}'], ['x(y{1,5})+?', '(y{1,5})+?']]) {
      expect(() => compileSafeRegex(evil!, NO_FLAGS), evil).toThrow(new RegExp(`nested quantifiers in '${group!.replace(/[()+*?{}\\]/g, '\\$&')}' .*catastrophically`));
    }
    expect(() => compileSafeRegex('(a+)+$', NO_FLAGS)).toThrow(Problem);
  });

  it('accepts bounded nests such as (\\d{1,3}\\.){3}', () => {
    expect(() => compileSafeRegex('(\\d{1,3}\\.){3}', NO_FLAGS)).not.toThrow();
  });

  it('rejects what cannot run in linear time or is not regex syntax, on one line naming the construct', () => {
    const cases: [string, string][] = [
      ['(a)\\1', 'backreferences (\\1) are not supported'],
      ['(?<n>a)\\k<n>', 'backreferences (\\k) are not supported'],
      ['a(?=b)', 'lookahead assertions ((?=) are not supported'],
      ['a(?!b)', 'lookahead assertions ((?!) are not supported'],
      ['(?<=a)b', 'lookbehind assertions ((?<=) are not supported'],
      ['(?<!a)b', 'lookbehind assertions ((?<!) are not supported'],
      ['a++', 'possessive quantifiers (++) are not supported'],
      ['\\u0041', 'invalid escape sequence \\u (PCRE has none: write \\x{HHHH})'],
      ['a\\Z', 'invalid escape sequence \\Z (write \\z or $)'],
      ['(ab', 'missing closing )'],
      ['ab)', 'unexpected )'],
      ['*a', "missing argument to repetition operator '*'"],
      ['a**', "invalid nested repetition operator '**'"],
      ['[b-a]', "invalid character class range 'b-a'"],
      ['a{1001}', "invalid repeat count '{1001}'"],
      ['a(?>b)', "invalid or unsupported Perl syntax '(?>'"],
    ];
    for (const [source, why] of cases) {
      let message = '';
      try {
        compileSafeRegex(source, NO_FLAGS);
      } catch (e) {
        expect(e, source).toBeInstanceOf(Problem);
        message = (e as Problem).message;
      }
      expect(message).toBe(`invalid regular expression '${source}': ${why}`);
    }
  });

  it('rejects expressions whose program would be too large', () => {
    expect(() => compileSafeRegex('[a-z]{998}', NO_FLAGS)).not.toThrow();
    expect(() => compileSafeRegex('[a-z]{999}', NO_FLAGS)).toThrow(/too large \(1001 instructions/);
    expect(() => compileSafeRegex('(abcdefghij){200}', NO_FLAGS)).toThrow(
      new RegExp(`rejected: too large \\(\\d+ instructions, more than ${REGEX_MAX_PROGRAM}\\)`),
    );
  });

  it('stays linear on crafted values that make backtracking engines run for seconds or forever', () => {
    const value = `${'a'.repeat(REGEX_SUBJECT_CAP - 1)}!`;
    const patterns = ['.*x', 'a.*b.*c', '(a|aa)*$x', '^(a|a)*$', '^(a|aa)+$', '(a|b|ab)*c'];
    const t0 = performance.now();
    for (const p of patterns) expect([p, compileSafeRegex(p, NO_FLAGS)(value)]).toEqual([p, false]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('searches only the first 64 KiB of a value', () => {
    const test = compileSafeRegex('x', NO_FLAGS);
    expect(test(`${'a'.repeat(REGEX_SUBJECT_CAP - 1)}x`)).toBe(true);
    expect(test(`${'a'.repeat(REGEX_SUBJECT_CAP)}x`)).toBe(false);
    expect(compileSafeRegex('a$', NO_FLAGS)(`${'a'.repeat(REGEX_SUBJECT_CAP)}b`)).toBe(true);
  });
});
