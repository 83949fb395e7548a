// Parser for the regular expressions of Sigma `re` values (PCRE subset) into a small syntax tree.
import { Problem } from './errors.js';
import { complement, DIGIT, mergeRanges, SPACE, WORD } from './regex-class.js';

/** A regular expression syntax tree node. Character codes are UTF-16 code units. */
export type RegexNode =
  | { t: 'char'; c: number }
  /** `.` */
  | { t: 'any' }
  /** A character class: sorted, merged inclusive ranges `[lo0, hi0, lo1, hi1, ...]`. */
  | { t: 'class'; ranges: number[]; negated: boolean }
  /** `^`/`$` (line-aware with the m flag), `\A`/`\z`, `\b`/`\B`. */
  | { t: 'assert'; kind: 'bol' | 'eol' | 'start' | 'end' | 'word' | 'nonword' }
  | { t: 'cat'; items: RegexNode[] }
  | { t: 'alt'; items: RegexNode[] }
  /** A repetition; `max` is Infinity when unbounded. */
  | { t: 'rep'; item: RegexNode; min: number; max: number }
  | { t: 'empty' };

/** Flags a pattern may set for itself with a leading `(?i)`, `(?s)`, `(?m)` or `(?ims)`. */
export interface InlineFlags {
  i: boolean;
  m: boolean;
  s: boolean;
}

/** Largest repetition count accepted in `{n,m}`. */
export const MAX_REPEAT = 1000;

/** Parses `source`; throws {@link Problem} for syntax errors and unsupported constructs. */
export function parseRegex(source: string): { node: RegexNode; flags: InlineFlags } {
  const flags: InlineFlags = { i: false, m: false, s: false };
  let pos = 0;
  const lead = /^\(\?([ims]+)\)/.exec(source);
  if (lead) {
    for (const f of lead[1]!) flags[f as keyof InlineFlags] = true;
    pos = lead[0].length;
  }
  const src = source;
  const fail = (why: string): never => {
    throw new Problem(why);
  };
  const peek = (): string | undefined => src[pos];

  const hex = (len: number): number => {
    const h = src.slice(pos, pos + len);
    if (h.length !== len || !/^[0-9a-fA-F]+$/.test(h)) fail(`bad \\${len === 2 ? 'x' : 'u'} escape at offset ${pos}`);
    pos += len;
    return parseInt(h, 16);
  };

  /** An escape after `\` (already consumed): a char code, or ranges for class escapes. */
  const escape = (inClass: boolean): number | number[] | RegexNode => {
    const c = src[pos++];
    if (c === undefined) return fail('trailing backslash');
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 't': return 9;
      case 'n': return 10;
      case 'v': return 11;
      case 'f': return 12;
      case 'r': return 13;
      case 'x': return hex(2);
      case 'u': return hex(4);
      case 'b': return inClass ? 8 : { t: 'assert', kind: 'word' };
      case 'B': if (!inClass) return { t: 'assert', kind: 'nonword' }; break;
      case 'A': if (!inClass) return { t: 'assert', kind: 'start' }; break;
      case 'z': case 'Z': if (!inClass) return { t: 'assert', kind: 'end' }; break;
      case '0': if (!/[0-9]/.test(src[pos] ?? '')) return 0; break;
      case 'k': return fail('backreferences (\\k<name>) are not supported');
    }
    if (/[1-9]/.test(c)) return fail(`backreferences (\\${c}) are not supported`);
    if (/[A-Za-z0-9]/.test(c)) return fail(`unsupported escape \\${c}`);
    return c.charCodeAt(0);
  };

  const parseClass = (): RegexNode => {
    let negated = false;
    if (peek() === '^') {
      negated = true;
      pos++;
    }
    const ranges: number[] = [];
    let first = true;
    for (;;) {
      const c = src[pos];
      if (c === undefined) return fail('unterminated character class');
      if (c === ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c === '[' && src[pos + 1] === ':') return fail('POSIX character classes ([:name:]) are not supported');
      pos++;
      let lo: number | number[];
      if (c === '\\') {
        const e = escape(true);
        if (typeof e === 'object' && !Array.isArray(e)) return fail('unsupported escape in character class');
        lo = e as number | number[];
      } else lo = c.charCodeAt(0);
      if (typeof lo !== 'number') {
        ranges.push(...lo);
        continue;
      }
      if (src[pos] === '-' && src[pos + 1] !== undefined && src[pos + 1] !== ']') {
        pos++;
        const d = src[pos++]!;
        let hi: number | number[] | RegexNode = d.charCodeAt(0);
        if (d === '\\') hi = escape(true);
        if (typeof hi !== 'number') {
          if (!Array.isArray(hi)) return fail('unsupported escape in character class');
          ranges.push(lo, lo, 45, 45, ...hi);
          continue;
        }
        if (hi < lo) return fail('character class range out of order');
        ranges.push(lo, hi);
      } else ranges.push(lo, lo);
    }
    return { t: 'class', ranges: mergeRanges(ranges), negated };
  };

  const quantifier = (): { min: number; max: number } | null => {
    const c = peek();
    if (c === '*') return (pos++, { min: 0, max: Infinity });
    if (c === '+') return (pos++, { min: 1, max: Infinity });
    if (c === '?') return (pos++, { min: 0, max: 1 });
    if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(pos));
      if (!m) return null;
      pos += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) fail('repetition {n,m} with m < n');
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) fail(`repetition count above ${MAX_REPEAT}`);
      return { min, max };
    }
    return null;
  };

  const parseAtom = (): RegexNode => {
    const c = src[pos++]!;
    switch (c) {
      case '.': return { t: 'any' };
      case '^': return { t: 'assert', kind: 'bol' };
      case '$': return { t: 'assert', kind: 'eol' };
      case '[': return parseClass();
      case '\\': {
        const e = escape(false);
        if (typeof e === 'number') return { t: 'char', c: e };
        if (Array.isArray(e)) return { t: 'class', ranges: mergeRanges(e), negated: false };
        return e;
      }
      case '(': {
        if (peek() === '?') {
          const rest = src.slice(pos, pos + 4);
          if (rest.startsWith('?:')) pos += 2;
          else if (/^\?(=|!|<=|<!)/.test(rest)) fail('lookahead/lookbehind assertions are not supported');
          else {
            const named = /^\?P?<([A-Za-z_]\w*)>/.exec(src.slice(pos));
            if (!named) fail(`unsupported group syntax '(${rest}'`);
            pos += named![0].length;
          }
        }
        const inner = parseAlt();
        if (src[pos] !== ')') fail('missing )');
        pos++;
        return inner;
      }
      case '*': case '+': case '?': return fail(`nothing to repeat before '${c}' at offset ${pos - 1}`);
    }
    if (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(pos - 1))) fail(`nothing to repeat at offset ${pos - 1}`);
    return { t: 'char', c: c.charCodeAt(0) };
  };

  const parseRepeat = (): RegexNode => {
    let node = parseAtom();
    for (;;) {
      const start = pos;
      const q = quantifier();
      if (!q) return node;
      if (node.t === 'assert') fail(`nothing to repeat at offset ${start}`);
      if (node.t === 'rep' && src[start - 1] !== ')') fail(`nothing to repeat at offset ${start}`);
      if (peek() === '+') fail('possessive quantifiers are not supported');
      if (peek() === '?') pos++; // lazy: same set of matches
      node = { t: 'rep', item: node, min: q.min, max: q.max };
    }
  };

  const parseCat = (): RegexNode => {
    const items: RegexNode[] = [];
    while (pos < src.length && src[pos] !== '|' && src[pos] !== ')') items.push(parseRepeat());
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? items[0]! : { t: 'cat', items };
  };

  function parseAlt(): RegexNode {
    const items = [parseCat()];
    while (src[pos] === '|') {
      pos++;
      items.push(parseCat());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  const node = parseAlt();
  if (pos < src.length) fail(`unmatched ')' at offset ${pos}`);
  return { node, flags };
}
