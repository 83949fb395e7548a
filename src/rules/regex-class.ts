// Character classes of regular expressions: range sets, their complement, fast membership.
import { fold, upper } from './fold.js';

/** `\d` as ranges. */
export const DIGIT = [48, 57];
/** `\w` as ranges. */
export const WORD = [48, 57, 65, 90, 95, 95, 97, 122];
/** `\s` as ranges (JavaScript's white space and line terminators). */
export const SPACE = [9, 13, 32, 32, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff];

/** Sorts and merges ranges. */
export function mergeRanges(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

/** The complement of merged ranges within 0..0xFFFF. */
export function complement(ranges: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i]! > next) out.push(next, ranges[i]! - 1);
    next = ranges[i + 1]! + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

/** A character class ready for membership tests. */
export interface CharClass {
  ascii: Uint8Array;
  ranges: Int32Array;
  negated: boolean;
  ci: boolean;
}

function inRanges(ranges: Int32Array, c: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) {
    if (c < ranges[k]!) return false;
    if (c <= ranges[k + 1]!) return true;
  }
  return false;
}

/** true when `c` is in the class (for `ci` classes, also when its lower or upper case is). */
export function classHas(cls: CharClass, c: number): boolean {
  let hit: boolean;
  if (c < 128) hit = cls.ascii[c] === 1;
  else hit = inRanges(cls.ranges, c) || (cls.ci && (inRanges(cls.ranges, fold(c)) || inRanges(cls.ranges, upper(c))));
  return hit !== cls.negated;
}

/** Prepares ranges for membership tests, with an ASCII lookup table. */
export function makeClass(ranges: number[], negated: boolean, ci: boolean): CharClass {
  const r = Int32Array.from(ranges);
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const hit = inRanges(r, c) || (ci && (inRanges(r, fold(c)) || inRanges(r, upper(c))));
    ascii[c] = hit ? 1 : 0;
  }
  return { ascii, ranges: r, negated, ci };
}

