// Dotted field paths resolved in events: array descent, case-insensitive fallback, keyword walk.
import { Problem, quote } from './errors.js';
import { fold, foldString } from './fold.js';
import type { ValueTest } from './types.js';

/** How deep events are walked (arrays and objects); deeper parts are not looked at. */
const MAX_DEPTH = 64;

/** A compiled field path. */
export interface FieldPath {
  /** The path as written in the rule. */
  readonly path: string;
  /**
   * true when `test` accepts some value the path leads to. Arrays on the way and at the end are
   * descended (any element may match); a branch that ends early (missing key, null or a scalar on
   * the way, empty array) is tested as `undefined`.
   */
  some(doc: unknown, test: ValueTest): boolean;
  /** true when the path leads to at least one present value (null and empty arrays count). */
  exists(doc: unknown): boolean;
}

function keyEqualsFolded(key: string, folded: string): boolean {
  if (key.length !== folded.length) return false;
  for (let i = 0; i < key.length; i++) if (fold(key.charCodeAt(i)) !== folded.charCodeAt(i)) return false;
  return true;
}

/** Sentinel for "no such key". */
const MISSING = Symbol('missing');

/** Looks `key` up in `obj`: the exact key first, then any key equal to it case-insensitively. */
function lookup(obj: Record<string, unknown>, key: string, folded: string): unknown {
  if (Object.hasOwn(obj, key)) return obj[key];
  for (const k in obj) if (Object.hasOwn(obj, k) && keyEqualsFolded(k, folded)) return obj[k];
  return MISSING;
}

/**
 * Compiles a dotted path such as `debugContext.debugData.requestUri`. Each segment is looked up
 * exactly, then case-insensitively (`eventtype` finds `eventType` and the other way round). When a
 * segment is not found, the rest of the path is also tried as one dotted key (flattened events).
 */
export function compileFieldPath(path: string): FieldPath {
  const segs = path.split('.');
  if (segs.some((s) => s === '')) throw new Problem(`invalid field name ${quote(path)}`);
  const folded = segs.map(foldString);
  const rest = segs.map((_, i) => segs.slice(i).join('.'));
  const restFolded = rest.map(foldString);
  const n = segs.length;

  /** Value at segment `i` of `obj`, and how many segments it used (via `used`). */
  let used = 1;
  const step = (obj: Record<string, unknown>, i: number): unknown => {
    used = 1;
    const v = lookup(obj, segs[i]!, folded[i]!);
    if (v !== MISSING || i === n - 1) return v;
    used = n - i;
    return lookup(obj, rest[i]!, restFolded[i]!);
  };

  const some = (cur: unknown, i: number, test: ValueTest, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(cur)) {
      if (cur.length === 0) return test(undefined);
      for (const item of cur) if (some(item, i, test, depth + 1)) return true;
      return false;
    }
    if (i === n) return test(cur);
    if (cur === null || typeof cur !== 'object') return test(undefined);
    const v = step(cur as Record<string, unknown>, i);
    if (v === MISSING) return test(undefined);
    return some(v, i + used, test, depth + 1);
  };

  const exists = (cur: unknown, i: number, depth: number): boolean => {
    if (i === n) return true;
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(cur)) {
      for (const item of cur) if (exists(item, i, depth + 1)) return true;
      return false;
    }
    if (cur === null || typeof cur !== 'object') return false;
    const v = step(cur as Record<string, unknown>, i);
    if (v === MISSING) return false;
    return exists(v, i + used, depth + 1);
  };

  return {
    path,
    some: (doc, test) => some(doc, 0, test, 0),
    exists: (doc) => exists(doc, 0, 0),
  };
}

/**
 * true when `test` accepts some string value anywhere in `doc` (keys are not values; numbers and
 * booleans are not strings). Used for Sigma keyword searches.
 */
export function someString(doc: unknown, test: (s: string) => boolean, depth = 0): boolean {
  if (typeof doc === 'string') return test(doc);
  if (doc === null || typeof doc !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(doc)) {
    for (const item of doc) if (someString(item, test, depth + 1)) return true;
    return false;
  }
  for (const k in doc) {
    if (Object.hasOwn(doc, k) && someString((doc as Record<string, unknown>)[k], test, depth + 1)) return true;
  }
  return false;
}
