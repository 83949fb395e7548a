// Sigma string values as tokens: wildcards, escapes, placeholders and the string modifiers.

/** One piece of a Sigma string value. */
export type Token =
  /** Literal text. */
  | { k: 'lit'; s: string }
  /** `*`: any run of characters, possibly empty. */
  | { k: 'star' }
  /** `?`: exactly one character (UTF-16 code unit). */
  | { k: 'one' }
  /** One character out of `chars` (made by `windash`). */
  | { k: 'set'; chars: string }
  /** `%name%` placeholder (only with the `expand` modifier). */
  | { k: 'ph'; name: string };

const STAR: Token = { k: 'star' };
const ONE: Token = { k: 'one' };

/** The characters `windash` makes interchangeable: `-`, `/`, en dash, em dash, horizontal bar. */
const WINDASH_CHARS = '-/\u2013\u2014\u2015';

/**
 * Parses a Sigma string: `*` and `?` are wildcards; `\*`, `\?` and `\\` are the plain characters;
 * a backslash before anything else is a plain backslash (Sigma spec, "Escaping"). With
 * `placeholders`, `%name%` is a placeholder and `\%` a plain percent sign.
 */
export function parseSigmaString(raw: string, placeholders = false): Token[] {
  const out: Token[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit !== '') out.push({ k: 'lit', s: lit });
    lit = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\' || (placeholders && next === '%')) {
        lit += next;
        i++;
      } else lit += c;
    } else if (c === '*') {
      flush();
      out.push(STAR);
    } else if (c === '?') {
      flush();
      out.push(ONE);
    } else if (placeholders && c === '%') {
      const m = /^%(\w+)%/.exec(raw.slice(i));
      if (m) {
        flush();
        out.push({ k: 'ph', name: m[1]! });
        i += m[0].length - 1;
      } else lit += c;
    } else lit += c;
  }
  flush();
  return normalize(out);
}

/** Merges adjacent literals and collapses runs of `*`. */
export function normalize(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.k === 'lit' && t.s === '') continue;
    if (t.k === 'lit' && last?.k === 'lit') out[out.length - 1] = { k: 'lit', s: last.s + t.s };
    else if (t.k === 'star' && last?.k === 'star') continue;
    else out.push(t);
  }
  return out;
}

/** The plain text of a value without wildcards or placeholders, else null. */
export function plainText(tokens: Token[]): string | null {
  let s = '';
  for (const t of tokens) {
    if (t.k !== 'lit') return null;
    s += t.s;
  }
  return s;
}

/** Adds `*` at the start and/or end unless already there (contains/startswith/endswith). */
export function wrap(tokens: Token[], start: boolean, end: boolean): Token[] {
  const out = tokens.slice();
  if (start && out[0]?.k !== 'star') out.unshift(STAR);
  if (end && out[out.length - 1]?.k !== 'star') out.push(STAR);
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * `windash`: a `-` or `/` that starts a word (no word character before it, one after it), as in
 * `-param` or `/param`, matches any of {@link WINDASH_CHARS} (pySigma's rule).
 */
export function windash(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const set: Token = { k: 'set', chars: WINDASH_CHARS };
  for (const t of tokens) {
    if (t.k !== 'lit') {
      out.push(t);
      continue;
    }
    let lit = '';
    for (let i = 0; i < t.s.length; i++) {
      const c = t.s[i]!;
      const before = i > 0 && WORD.test(t.s[i - 1]!);
      const after = i + 1 < t.s.length && WORD.test(t.s[i + 1]!);
      if ((c === '-' || c === '/') && !before && after) {
        if (lit !== '') out.push({ k: 'lit', s: lit });
        lit = '';
        out.push(set);
      } else lit += c;
    }
    if (lit !== '') out.push({ k: 'lit', s: lit });
  }
  return out;
}

/** Characters a literal pre-filter string may contain: printable ASCII except `"`, `\`, `/`. */
function safeChar(c: number): boolean {
  return c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c && c !== 0x2f;
}

/**
 * The longest run of safe literal characters every match of the value must contain, or null.
 * Wildcards, `windash` sets and unsafe characters end a run.
 */
export function longestLiteral(tokens: Token[]): string | null {
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (const t of tokens) {
    if (t.k !== 'lit') {
      end();
      continue;
    }
    for (let i = 0; i < t.s.length; i++) {
      if (safeChar(t.s.charCodeAt(i))) run += t.s[i]!;
      else end();
    }
  }
  end();
  return best === '' ? null : best;
}
