// Sigma string values compiled to allocation-free matchers: equality, wildcards, windash sets.
import { equalsFolded, fold } from './fold.js';
import type { Token } from './sigma-string.js';

/** Code for `?` in a compiled segment; sets are -2, -3, ... (index = -code - 2). */
const ANY = -1;

/** A compiled run of tokens between two `*`: code units (folded unless cased), ANY or sets. */
type Segment = Int32Array;

/** A matcher of whole strings. */
export type StringTest = (s: string) => boolean;

/**
 * Compiles a Sigma string (tokens without placeholders) to a test of whole strings: `*` any run,
 * `?` one code unit, case-insensitive unless `cased`. Runs in O(length x pattern) at worst, with
 * no backtracking between `*`s (leftmost matching of each middle segment is always enough).
 */
export function compileGlob(tokens: Token[], cased: boolean): StringTest {
  const sets: Int32Array[] = [];
  const segments: Segment[] = [];
  let codes: number[] = [];
  let allLiteral = true;
  for (const t of tokens) {
    if (t.k === 'star') {
      segments.push(Int32Array.from(codes));
      codes = [];
    } else if (t.k === 'lit') {
      for (let i = 0; i < t.s.length; i++) codes.push(cased ? t.s.charCodeAt(i) : fold(t.s.charCodeAt(i)));
    } else if (t.k === 'one') {
      codes.push(ANY);
      allLiteral = false;
    } else if (t.k === 'set') {
      const set = Int32Array.from(t.chars, (ch) => (cased ? ch.charCodeAt(0) : fold(ch.charCodeAt(0))));
      codes.push(-2 - sets.length);
      sets.push(set);
      allLiteral = false;
    } else throw new Error(`placeholder %${t.name}% left in a compiled value`);
  }
  segments.push(Int32Array.from(codes));

  if (segments.length === 1 && allLiteral) {
    const text = Array.from(segments[0]!, (c) => String.fromCharCode(c)).join('');
    return cased ? (s) => s === text : (s) => equalsFolded(s, text);
  }

  const at = (s: string, pos: number, seg: Segment): boolean => {
    for (let j = 0; j < seg.length; j++) {
      const code = seg[j]!;
      if (code === ANY) continue;
      const c = cased ? s.charCodeAt(pos + j) : fold(s.charCodeAt(pos + j));
      if (code >= 0) {
        if (c !== code) return false;
      } else if (!sets[-code - 2]!.includes(c)) return false;
    }
    return true;
  };

  if (segments.length === 1) {
    const only = segments[0]!;
    return (s) => s.length === only.length && at(s, 0, only);
  }

  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((seg) => seg.length > 0);
  let min = first.length + last.length;
  for (const seg of middle) min += seg.length;

  return (s) => {
    const n = s.length;
    if (n < min) return false;
    if (!at(s, 0, first)) return false;
    const end = n - last.length;
    if (!at(s, end, last)) return false;
    let pos = first.length;
    for (const seg of middle) {
      const stop = end - seg.length;
      let found = -1;
      for (let p = pos; p <= stop; p++) {
        if (at(s, p, seg)) {
          found = p;
          break;
        }
      }
      if (found < 0) return false;
      pos = found + seg.length;
    }
    return true;
  };
}
