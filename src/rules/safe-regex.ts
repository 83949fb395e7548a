// The guard on Sigma `re` values: re2js (linear time), a pattern check, size and subject length caps.
import { createRequire } from 'node:module';
import type * as Re2js from 're2js';
import { Problem, quote } from './errors.js';
import { nestedQuantifier } from './regex-nesting.js';

/**
 * Only this many leading UTF-16 code units of a value are searched by a rule's regular expression
 * (64 KiB). Longer values are matched on their first 64 Ki code units (`$` then matches there).
 */
export const REGEX_SUBJECT_CAP = 65536;

/**
 * Largest program (re2js `programSize()`, in RE2 instructions) a rule's regular expression may
 * compile to. Bounded repetitions expand: `[a-z]{998}` is 1000 instructions, and a capturing group
 * adds two per copy (`(x){1,300}` is 1201; `(?:x){1,300}` 601). The work per value grows with it:
 * 0.7 s for a crafted 64 KiB value at this size, 1.4 s at twice it.
 */
export const REGEX_MAX_PROGRAM = 1000;

/** Flags from the `re` sub-modifiers `i`, `m`, `s`. */
export interface RegexFlags {
  i: boolean;
  m: boolean;
  s: boolean;
}

/** A compiled, guarded regular expression. */
export type RegexTest = (s: string) => boolean;

let engine: typeof Re2js | undefined;

/**
 * re2js, loaded on the first `re` value: a run whose rules have none never parses its 260 KB.
 * Synchronous (rules compile synchronously), from node_modules beside the bundle or the sources.
 */
function re2js(): typeof Re2js {
  engine ??= createRequire(import.meta.url)('re2js') as typeof Re2js;
  return engine;
}

/**
 * What a syntax error of re2js means for a rule's author, on one line naming the construct. RE2
 * has no backreferences or lookaround (they cannot run in linear time); Perl and PCRE have them.
 */
function explain(error: string, input: string | null, source: string): string {
  const at = input ?? '';
  if (/^\\[1-9k]/.test(at)) return `backreferences (${at}) are not supported`;
  if (at.startsWith('(?=') || at.startsWith('(?!')) return `lookahead assertions (${at.slice(0, 3)}) are not supported`;
  if (at.startsWith('(?<=') || at.startsWith('(?<!')) return `lookbehind assertions (${at.slice(0, 4)}) are not supported`;
  if (error === 'invalid nested repetition operator' && at.length > 1 && at.endsWith('+')) {
    return `possessive quantifiers (${at}) are not supported`;
  }
  if (at === '\\u') return 'invalid escape sequence \\u (PCRE has none: write \\x{HHHH})';
  if (at === '\\Z') return 'invalid escape sequence \\Z (write \\z or $)';
  return at === '' || at === source ? error : `${error} ${quote(at)}`;
}

/**
 * Compiles a Sigma `re` value. The guard against rules and crafted log values hanging the scan
 * (the built-in RegExp backtracks: even `.*x` takes seconds on a 64 KiB value):
 *
 * 1. Expressions run on re2js, a JavaScript port of RE2: time is linear in the value length
 *    whatever the pattern and the value. Its syntax is RE2's, the PCRE subset Sigma rules use
 *    (classes, `\d \w \s \b`, anchors, `{n,m}`, lazy and non-capturing groups, named groups,
 *    inline flags); backreferences, lookaround and possessive quantifiers are rejected, as they
 *    cannot run in linear time. As in PCRE, `.` and multi-line `^ $` treat only `\n` as a line end.
 * 2. Nested quantifiers (`(a+)+$`) are rejected at compile time, so rules stay safe on the
 *    backtracking engines of the SIEMs they are also deployed to.
 * 3. The program is capped at {@link REGEX_MAX_PROGRAM} instructions and only the first
 *    {@link REGEX_SUBJECT_CAP} code units of a value are searched, which bounds the work per value.
 *
 * Matching is a search (the expression may match anywhere, as in pySigma), case-sensitive unless
 * the `i` flag is given. Throws {@link Problem} for invalid or rejected expressions.
 */
export function compileSafeRegex(source: string, flags: RegexFlags): RegexTest {
  const { RE2JS, RE2JSException, RE2JSSyntaxException } = re2js();
  const bits = (flags.i ? RE2JS.CASE_INSENSITIVE : 0) | (flags.m ? RE2JS.MULTILINE : 0) | (flags.s ? RE2JS.DOTALL : 0);
  let re: Re2js.RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) {
      throw new Problem(`invalid regular expression ${quote(source)}: ${explain(e.error, e.input, source)}`);
    }
    if (e instanceof RE2JSException) throw new Problem(`invalid regular expression ${quote(source)}: ${e.message}`);
    throw e;
  }
  const nest = nestedQuantifier(source);
  if (nest !== null) {
    throw new Problem(
      `regular expression ${quote(source)} rejected: nested quantifiers in ${quote(nest)} (a repeated group containing a repetition) can backtrack catastrophically`,
    );
  }
  const size = re.programSize();
  if (size > REGEX_MAX_PROGRAM) {
    throw new Problem(`regular expression ${quote(source)} rejected: too large (${size} instructions, more than ${REGEX_MAX_PROGRAM})`);
  }
  return (s) => re.test(s.length > REGEX_SUBJECT_CAP ? s.slice(0, REGEX_SUBJECT_CAP) : s);
}
