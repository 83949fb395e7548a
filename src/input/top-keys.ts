// The top-level keys of the first JSON object in a buffer, and the first byte of each value.

/** One top-level key of an object and how its value starts (`[`, `{`, `"`, a digit, `n`…). */
export interface TopKey {
  key: string;
  first: number;
  /** Where the value starts in the bytes given. */
  at: number;
  /** The value when it is a short string (at most 256 bytes of JSON text). */
  text?: string;
}

/** What the first object in a head of bytes shows: its top-level keys, in order, and whether it ended. */
export interface TopKeys {
  keys: TopKey[];
  /** The object closed within the bytes (every key was seen). */
  complete: boolean;
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function skipBlanks(buf: Buffer, i: number): number {
  while (i < buf.length && isBlank(buf[i]!)) i++;
  return i;
}

/** End (exclusive) of the string whose opening quote is at `i`, or -1 when it runs past the bytes. */
function stringEnd(buf: Buffer, i: number): number {
  for (let j = i + 1; j < buf.length; j++) {
    const b = buf[j]!;
    if (b === 0x5c) j++;
    else if (b === 0x22) return j + 1;
  }
  return -1;
}

/** End (exclusive) of the value starting at `i` (object, array, string or scalar), or -1 when cut. */
function valueEnd(buf: Buffer, i: number): number {
  const b = buf[i]!;
  if (b === 0x22) return stringEnd(buf, i);
  if (b !== 0x7b && b !== 0x5b) {
    let j = i;
    while (j < buf.length && buf[j] !== 0x2c && buf[j] !== 0x7d && buf[j] !== 0x5d && !isBlank(buf[j]!)) j++;
    return j < buf.length ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < buf.length; j++) {
    const c = buf[j]!;
    if (c === 0x22) {
      j = stringEnd(buf, j);
      if (j < 0) return -1;
      j--;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * Reads the keys of the object that opens at `at` (a `{`) without parsing its values: values are
 * skipped byte by byte, so a huge `"events": [ … ]` costs nothing beyond the bytes given. Stops at
 * the end of the bytes (`complete: false`) or at anything that is not JSON.
 */
export function topKeys(buf: Buffer, at: number): TopKeys {
  const keys: TopKey[] = [];
  let i = skipBlanks(buf, at + 1);
  if (buf[i] === 0x7d) return { keys, complete: true };
  for (;;) {
    if (i >= buf.length || buf[i] !== 0x22) return { keys, complete: false };
    const ke = stringEnd(buf, i);
    if (ke < 0) return { keys, complete: false };
    let key: string;
    try {
      key = JSON.parse(buf.toString('utf8', i, ke)) as string;
    } catch {
      return { keys, complete: false };
    }
    i = skipBlanks(buf, ke);
    if (buf[i] !== 0x3a) return { keys, complete: false };
    i = skipBlanks(buf, i + 1);
    if (i >= buf.length) return { keys, complete: false };
    const entry: TopKey = { key, first: buf[i]!, at: i };
    keys.push(entry);
    const ve = valueEnd(buf, i);
    if (ve < 0) return { keys, complete: false };
    if (entry.first === 0x22 && ve - i <= 256) {
      try {
        entry.text = JSON.parse(buf.toString('utf8', i, ve)) as string;
      } catch {
        // not a string after all: leave text unset
      }
    }
    i = skipBlanks(buf, ve);
    if (buf[i] === 0x2c) {
      i = skipBlanks(buf, i + 1);
      continue;
    }
    return { keys, complete: buf[i] === 0x7d };
  }
}
