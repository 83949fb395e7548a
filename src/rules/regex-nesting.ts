// The nested-quantifier check of Sigma `re` values: the shapes that backtrack catastrophically elsewhere.

/** The repetitions a piece of a pattern holds. */
interface Reps {
  /** A repetition without upper bound (`*`, `+`, `{n,}`). */
  unbounded: boolean;
  /** A repetition that may repeat (upper bound above 1). */
  repeating: boolean;
}

/** An open group: where it starts and the repetitions read inside it so far. */
interface Frame extends Reps {
  start: number;
}

const COUNTED = /\{(\d+)(,(\d*))?\}/y;
/** Group openings other than a plain `(`: non-capturing, named, or with flags (`(?i:`). */
const GROUP_PREFIX = /\(\?(?:P?<\w+>|[imsU-]*:)/y;
/** A flag setting such as `(?i)`: not a group. */
const FLAG_SETTING = /\(\?[imsU-]*\)/y;
/** A POSIX class inside a bracket expression, such as `[:alpha:]`. */
const POSIX_CLASS = /\[:\^?[A-Za-z]+:\]/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Index just past the bracket expression that starts at `at` (`s[at]` is `[`). */
function classEnd(s: string, at: number): number {
  let i = at + 1;
  if (s[i] === '^') i++;
  if (s[i] === ']') i++; // a leading ] is a member
  while (i < s.length && s[i] !== ']') {
    const posix = sticky(POSIX_CLASS, s, i);
    if (posix) i += posix[0].length;
    else i += s[i] === '\\' ? escapeLength(s, i) : 1;
  }
  return i + 1;
}

/** Length of the escape that starts at `at` (`s[at]` is a backslash), braces included (`\x{41}`, `\p{Greek}`). */
function escapeLength(s: string, at: number): number {
  const kind = s[at + 1];
  if ((kind === 'x' || kind === 'p' || kind === 'P') && s[at + 2] === '{') {
    const close = s.indexOf('}', at + 3);
    return close < 0 ? s.length - at : close + 1 - at;
  }
  return 2;
}

/**
 * The first group of `source` that repeats (upper bound above 1) while holding a repetition,
 * where either of the two is unbounded: `(a+)+`, `(a*)*`, `(\w+\s?)*`, `(a+){10}`, `(x{1,5})+`.
 * These are the shapes that backtrack catastrophically (exponentially) in the PCRE-style engines
 * SIEMs run Sigma rules on. Bounded nests such as `(\d{1,3}\.){3}` pass. Returns the group with
 * its quantifier, or null. `source` must be valid RE2 syntax (checked before).
 */
export function nestedQuantifier(source: string): string | null {
  const stack: Frame[] = [{ start: 0, unbounded: false, repeating: false }];
  /** The atom just read, which a quantifier would apply to, with the repetitions inside it. */
  let atom: (Reps & { start: number }) | null = null;
  const commit = (): void => {
    if (atom === null) return;
    const top = stack[stack.length - 1]!;
    top.unbounded ||= atom.unbounded;
    top.repeating ||= atom.repeating;
    atom = null;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const counted = c === '{' ? sticky(COUNTED, source, i) : null;
    if (c === '*' || c === '+' || c === '?' || counted) {
      const max = counted ? (counted[2] === undefined ? Number(counted[1]) : counted[3] === '' ? Infinity : Number(counted[3])) : c === '?' ? 1 : Infinity;
      let end = i + (counted ? counted[0].length : 1);
      if (source[end] === '?') end++; // lazy
      if (atom !== null) {
        if (max > 1 && (atom.unbounded || (max === Infinity && atom.repeating))) return source.slice(atom.start, end);
        atom = { start: atom.start, unbounded: atom.unbounded || max === Infinity, repeating: atom.repeating || max > 1 };
      }
      i = end;
      continue;
    }
    commit();
    if (c === '\\' && source[i + 1] === 'Q') {
      const close = source.indexOf('\\E', i + 2);
      const end = close < 0 ? source.length : close + 2;
      // A quantifier after \Q...\E applies to its last character, which holds no repetition.
      atom = { start: end - 1, unbounded: false, repeating: false };
      i = end;
    } else if (c === '\\') {
      atom = { start: i, unbounded: false, repeating: false };
      i += escapeLength(source, i);
    } else if (c === '[') {
      atom = { start: i, unbounded: false, repeating: false };
      i = classEnd(source, i);
    } else if (c === '(') {
      const flags = sticky(FLAG_SETTING, source, i);
      if (flags) {
        i += flags[0].length;
        continue;
      }
      stack.push({ start: i, unbounded: false, repeating: false });
      i += sticky(GROUP_PREFIX, source, i)?.[0].length ?? 1;
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : stack[0]!;
      atom = { start: group.start, unbounded: group.unbounded, repeating: group.repeating };
      i++;
    } else {
      if (c !== '|') atom = { start: i, unbounded: false, repeating: false };
      i++;
    }
  }
  return null;
}
