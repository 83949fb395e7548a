// The actor probe: `actor.id` read from raw bytes, in plain events and in events carried as JSON text.
import { indexWithin, keyDepth, keyEnd, NOT_A_KEY, opensString, readString, skipBlanks, UNSURE, valueAfterKey, valueStart, type BytesFilter } from '../../bytes/json-bytes.js';
import type { ValueProbe } from './probe.js';
import { ValueHashes } from '../../bytes/value-hashes.js';

const ID_KEY = Buffer.from('id');

/** Index of the record's first key name (after `{`, blanks and the opening quote), or -1. */
function firstKeyAt(buf: Buffer, start: number, end: number): number {
  let i = start + 1;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  return buf[i] === 0x22 ? i + 1 : -1;
}

/** Whether buf[at, at + bytes.length) equals `bytes` (a byte loop: Buffer.compare's call costs more for a few bytes). */
function bytesAt(buf: Buffer, at: number, end: number, bytes: Uint8Array): boolean {
  if (at + bytes.length > end) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/** The record opens with the key `actor` (Okta's own key order, compact or pretty): its name's index, or -1. */
function actorFirst(buf: Buffer, start: number, end: number): number {
  if (bytesAt(buf, start, end, ACTOR_FIRST)) return start + 2;
  const k = firstKeyAt(buf, start, end);
  return k > 0 && bytesAt(buf, k, end, ACTOR_QUOTE) ? k : -1;
}

const ACTOR = Buffer.from('"actor');
const ACTOR_FIRST = Buffer.from('{"actor"');
const ACTOR_QUOTE = Buffer.from('actor"');

/**
 * Probe for `actor.id`: `"actor"` `:` `{` `"id"` `:` `"…"`, plain or escaped. Okta writes `id` first
 * in the actor object; in plain events with the keys in another order the object is walked to its
 * `id`; any other layout returns null so the record is parsed. A record that opens
 * with the key `actor` (Okta's own key order), or with another Okta key, is a plain event and has
 * one actor; in any other record every `actor` key is read (a wrapper may carry its own copy
 * besides the escaped event). `filter` rules raw values out before they are decoded (by default:
 * those that are none of `values`).
 */
export function actorIdProbe(values: ReadonlySet<string>, filter: BytesFilter = new ValueHashes(values)): ValueProbe {
  return {
    key: 'actor',
    values,
    locate(buf, start, end, from) {
      const first = actorFirst(buf, start, end);
      if (first >= 0) return from <= first ? first : -1;
      // Any other record: every actor key is read (a nested `actor` may come before the event's
      // own, and a wrapper may carry its own copy besides the escaped event).
      // `"actor` finds the key plain and escaped (`\"actor\"`), and never inside `factor`.
      const q = indexWithin(buf, ACTOR, from > start ? from - 1 : from, end);
      return q < 0 ? -1 : q + 1;
    },
    read(buf, at, end) {
      const d = keyDepth(buf, at, 5, end);
      if (d === NOT_A_KEY) return undefined;
      if (d === UNSURE) return null;
      let i = valueStart(buf, keyEnd(at, 5, d), end, d);
      if (i < 0) return undefined;
      if (buf[i] === 0x6e /* null */) return undefined;
      if (buf[i] !== 0x7b) return null;
      i = skipBlanks(buf, i + 1, end, d);
      if (!opensString(buf, i, end, d)) return null;
      const idAt = i + 1 + d;
      if (bytesAt(buf, idAt, end, ID_KEY) && keyDepth(buf, idAt, 2, end) === d) return valueAfterKey(buf, keyEnd(idAt, 2, d), end, d, filter);
      // Keys in another order (sorted by a pipeline): walked, in plain events.
      return d === 0 ? idAnywhere(buf, i, end, filter) : null;
    },
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index just past the plain JSON string whose quote is at `i`, or -1 when it does not end. */
function stringEnd(buf: Buffer, i: number, end: number): number {
  for (let j = i + 1; j < end; j++) {
    const b = buf[j]!;
    if (b === BACKSLASH) j++;
    else if (b === QUOTE) return j + 1;
  }
  return -1;
}

/** Index just past the plain JSON value at `i` (string, object, array or scalar), or -1. */
function valueEnd(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  if (c === QUOTE) return stringEnd(buf, i, end);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < end; j++) {
      const b = buf[j]!;
      if (b === QUOTE) {
        const e = stringEnd(buf, j, end);
        if (e < 0) return -1;
        j = e - 1;
      } else if (b === 0x7b || b === 0x5b) depth++;
      else if ((b === 0x7d || b === 0x5d) && --depth === 0) return j + 1;
    }
    return -1;
  }
  let j = i;
  while (j < end && buf[j] !== 0x2c && buf[j] !== 0x7d && buf[j] !== 0x5d && buf[j] !== 0x20 && buf[j] !== 0x0a && buf[j] !== 0x0d && buf[j] !== 0x09) j++;
  return j > i ? j : -1;
}

/**
 * `actor.id` of a plain actor object whose first key is not `id` (keys sorted by a pipeline, as
 * Panther's and re-serialised SIEM exports are): its members are walked to the last `id` key, as
 * JSON.parse keeps the last of repeated keys. `i` is at the first key's quote. Null when the bytes
 * are not in the expected layout (an escape in a key, a cut-short object).
 */
function idAnywhere(buf: Buffer, i: number, end: number, filter: BytesFilter): string | null | undefined {
  let id = -1;
  for (;;) {
    if (buf[i] !== QUOTE) return null;
    const keyStop = stringEnd(buf, i, end);
    if (keyStop < 0) return null;
    for (let j = i + 1; j < keyStop - 1; j++) if (buf[j] === BACKSLASH) return null;
    const isId = keyStop - i === 4 && buf[i + 1] === 0x69 /* i */ && buf[i + 2] === 0x64; /* d */
    let v = skipBlanks(buf, keyStop, end, 0);
    if (buf[v] !== 0x3a /* : */) return null;
    v = skipBlanks(buf, v + 1, end, 0);
    if (isId) id = v;
    const after = valueEnd(buf, v, end);
    if (after < 0) return null;
    i = skipBlanks(buf, after, end, 0);
    if (buf[i] === 0x7d /* } */) break;
    if (buf[i] !== 0x2c /* , */) return null;
    i = skipBlanks(buf, i + 1, end, 0);
  }
  // No id key: actor.id is null. A value that is not a string is no id either (see readString).
  return id < 0 ? undefined : readString(buf, id, end, 0, filter);
}
