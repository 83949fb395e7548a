// The guard on Sigma `re` values: a linear-time engine, a pattern check and a subject length cap.
import { Problem, quote } from './errors.js';
import { Nfa } from './regex-nfa.js';
import { parseRegex, type RegexNode } from './regex-parse.js';

/**
 * Only this many leading UTF-16 code units of a value are searched by a rule's regular expression
 * (64 KiB). Longer values are matched on their first 64 Ki code units (`$` then matches there).
 */
export const REGEX_SUBJECT_CAP = 65536;

/** Largest automaton a rule's regular expression may compile to. */
export const REGEX_MAX_STATES = 1000;

/** Flags from the `re` sub-modifiers `i`, `m`, `s`. */
export interface RegexFlags {
  i: boolean;
  m: boolean;
  s: boolean;
}

/** A compiled, guarded regular expression. */
export type RegexTest = (s: string) => boolean;

function isRepeating(node: RegexNode): boolean {
  return node.t === 'rep' && node.max > 1;
}

/** A repetition inside `node`'s subtree (not `node` itself) satisfying `pred`. */
function findRep(node: RegexNode, pred: (r: RegexNode & { t: 'rep' }) => boolean): boolean {
  const kids = node.t === 'cat' || node.t === 'alt' ? node.items : node.t === 'rep' ? [node.item] : [];
  for (const k of kids) if ((k.t === 'rep' && pred(k)) || findRep(k, pred)) return true;
  return false;
}

/**
 * Rejects nested quantifiers: a repeated group that itself contains a repetition, where one of
 * the two is unbounded, such as `(a+)+`, `(a*)*`, `(\w+\s?)*`, `(a+){10}`. These are the shapes
 * that backtrack catastrophically (exponentially) in the PCRE-style engines SIEMs run the rule on.
 * Bounded nests like `(\d{1,3}\.){3}` are accepted.
 */
function checkNesting(node: RegexNode, source: string): void {
  if (node.t === 'rep' && isRepeating(node)) {
    const outerUnbounded = node.max === Infinity;
    const bad = findRep(node, (inner) => inner.max === Infinity || (outerUnbounded && inner.max > 1));
    if (bad) {
      throw new Problem(
        `regular expression ${quote(source)} rejected: nested quantifiers (a repeated group containing a repetition) can backtrack catastrophically`,
      );
    }
  }
  const kids = node.t === 'cat' || node.t === 'alt' ? node.items : node.t === 'rep' ? [node.item] : [];
  for (const k of kids) checkNesting(k, source);
}

/**
 * Compiles a Sigma `re` value. The guard against crafted log values hanging the scan (there is no
 * re2 here, and the built-in RegExp backtracks: even `.*x` takes seconds on a 64 KiB value):
 *
 * 1. Rules' expressions never run on the built-in RegExp. They are compiled to a Thompson NFA
 *    ({@link Nfa}) and simulated state-set-wise: time is linear in the value length times the
 *    automaton size, whatever the pattern and the value.
 * 2. Only the PCRE subset Sigma specifies (plus `\d \w \s \b`, `\xHH`, `\uHHHH`, `(?:)`, named
 *    groups, lazy quantifiers and a leading `(?ims)`) is accepted; backreferences, lookaround,
 *    possessive quantifiers and other escapes are rejected, as they cannot run in linear time.
 * 3. Nested quantifiers (`(a+)+$`) are rejected at compile time, so rules stay safe on the
 *    backtracking engines of the SIEMs they are also deployed to.
 * 4. The automaton is capped at {@link REGEX_MAX_STATES} states (bounded repetitions expand) and
 *    only the first {@link REGEX_SUBJECT_CAP} code units of a value are searched, which bounds the
 *    work per value.
 *
 * Matching is a search (the expression may match anywhere, as in pySigma), case-sensitive unless
 * the `i` flag is given. Throws {@link Problem} for invalid or rejected expressions.
 */
export function compileSafeRegex(source: string, flags: RegexFlags): RegexTest {
  let parsed: ReturnType<typeof parseRegex>;
  try {
    parsed = parseRegex(source);
  } catch (e) {
    if (e instanceof Problem) throw new Problem(`invalid regular expression ${quote(source)}: ${e.message}`);
    throw e;
  }
  checkNesting(parsed.node, source);
  const all = { i: flags.i || parsed.flags.i, m: flags.m || parsed.flags.m, s: flags.s || parsed.flags.s };
  let nfa: Nfa;
  try {
    nfa = new Nfa(parsed.node, all, REGEX_MAX_STATES, REGEX_SUBJECT_CAP);
  } catch (e) {
    if (e instanceof Problem) throw new Problem(`regular expression ${quote(source)} rejected: ${e.message}`);
    throw e;
  }
  return (s) => nfa.test(s);
}
