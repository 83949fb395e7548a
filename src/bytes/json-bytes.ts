// Reads keys and short string values from raw JSON bytes, plain or escaped inside a JSON string.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How a key sits in the bytes: {@link PLAIN} `"key"`, {@link ESCAPED} `\"key\"` (an event carried as
 * JSON text inside a string, e.g. `{"message":"{\"actor\":…}"}`), {@link NOT_A_KEY} (the name is part
 * of something else, e.g. `factor`), or {@link UNSURE} (escaped more than once: parse to be sure).
 */
export type KeyDepth = 0 | 1 | -1 | -2;
const PLAIN = 0;
const ESCAPED = 1;
export const NOT_A_KEY = -1;
export const UNSURE = -2;

/** Depth of the key whose name occupies [at, at + len). */
export function keyDepth(buf: Buffer, at: number, len: number, end: number): KeyDepth {
  if (at < 1 || buf[at - 1] !== QUOTE) return NOT_A_KEY;
  let bs = 0;
  for (let i = at - 2; i >= 0 && buf[i] === BACKSLASH; i--) bs++;
  const after = at + len;
  if (bs === 0) return after < end && buf[after] === QUOTE ? PLAIN : NOT_A_KEY;
  if (bs === 1) return after + 1 < end && buf[after] === BACKSLASH && buf[after + 1] === QUOTE ? ESCAPED : NOT_A_KEY;
  return UNSURE;
}

/** Index just past the closing quote of a key found at depth `depth` (`"` or `\"`). */
export function keyEnd(at: number, len: number, depth: 0 | 1): number {
  return at + len + 1 + depth;
}

/** Skips JSON blanks; at depth 1 also the escapes `\n`, `\r`, `\t` a pretty-printed inner text has. */
export function skipBlanks(buf: Buffer, i: number, end: number, depth: 0 | 1): number {
  while (i < end) {
    const b = buf[i]!;
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
      i++;
      continue;
    }
    if (depth === 1 && b === BACKSLASH && i + 1 < end) {
      const e = buf[i + 1]!;
      if (e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
    }
    break;
  }
  return i;
}

/** True when `buf[i..]` opens a string at this depth (`"` or `\"`). */
export function opensString(buf: Buffer, i: number, end: number, depth: 0 | 1): boolean {
  return depth === 0 ? i < end && buf[i] === QUOTE : i + 1 < end && buf[i] === BACKSLASH && buf[i + 1] === QUOTE;
}

/** Tells, from raw bytes, whether a string's text may be a value of interest (see ValueHashes). */
export interface BytesFilter {
  mayHold(buf: Uint8Array, from: number, to: number): boolean;
}

/**
 * Reads the string that opens at `i`: its text, `undefined` when no string opens there (`null`, a
 * number) or when `filter` rules its bytes out, or `null` when it holds an escape (only a parse
 * can tell its value).
 */
export function readString(buf: Buffer, i: number, end: number, depth: 0 | 1, filter?: BytesFilter): string | null | undefined {
  if (!opensString(buf, i, end, depth)) return undefined;
  // Values probed are short (ids, addresses): a byte loop beats indexOf, which would search on to
  // the end of the block when there is no backslash.
  const from = i + 1 + depth;
  for (let j = from; j < end; j++) {
    const b = buf[j]!;
    if (depth === 0) {
      if (b === QUOTE) return filter && !filter.mayHold(buf, from, j) ? undefined : buf.toString('utf8', from, j);
      if (b === BACKSLASH) return null;
    } else if (b === BACKSLASH) {
      if (buf[j + 1] !== QUOTE) return null;
      return filter && !filter.mayHold(buf, from, j) ? undefined : buf.toString('utf8', from, j);
    } else if (b === QUOTE) {
      return null;
    }
  }
  return null;
}

/** Index of the value after a key ending at `afterKey` (past `:` and blanks); -1 when no `:` follows (a string value that reads like the key). */
export function valueStart(buf: Buffer, afterKey: number, end: number, depth: 0 | 1): number {
  const i = skipBlanks(buf, afterKey, end, depth);
  if (i >= end || buf[i] !== 0x3a) return -1;
  return skipBlanks(buf, i + 1, end, depth);
}

/** The string value after a key ending at `afterKey`: see {@link readString}; `undefined` when the "key" is not followed by `:`. */
export function valueAfterKey(buf: Buffer, afterKey: number, end: number, depth: 0 | 1, filter?: BytesFilter): string | null | undefined {
  const i = valueStart(buf, afterKey, end, depth);
  return i < 0 ? undefined : readString(buf, i, end, depth, filter);
}

/** First occurrence of `name` in [from, end), not searching past `end`; -1 when absent. */
export function indexWithin(buf: Buffer, name: Buffer, from: number, end: number): number {
  if (from >= end) return -1;
  const p = buf.subarray(from, end).indexOf(name);
  return p < 0 ? -1 : from + p;
}

/**
 * The string value of the key `name` (bare bytes, no quotes) in the record [start, end), at either
 * depth. `null` when unsure: the key appears more than once (several events in one record, e.g. an
 * Event Hook delivery), is escaped deeper, or its value holds an escape; `undefined` when absent.
 */
export function uniqueStringValue(buf: Buffer, name: Buffer, start: number, end: number): string | null | undefined {
  let found: string | null | undefined;
  let seen = false;
  for (let p = indexWithin(buf, name, start, end); p >= 0; p = indexWithin(buf, name, p + 1, end)) {
    const d = keyDepth(buf, p, name.length, end);
    if (d === NOT_A_KEY) continue;
    if (d === UNSURE) return null;
    const v = valueStart(buf, keyEnd(p, name.length, d), end, d);
    if (v < 0) continue;
    if (seen) return null;
    seen = true;
    found = readString(buf, v, end, d);
    if (found === null) return null;
  }
  return found;
}
