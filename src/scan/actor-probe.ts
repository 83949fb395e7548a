// The actor probe: `actor.id` read from raw bytes, in plain events and in events carried as JSON text.
import { indexWithin, keyDepth, keyEnd, NOT_A_KEY, opensString, skipBlanks, UNSURE, valueAfterKey, valueStart, type BytesFilter } from './json-bytes.js';
import type { ValueProbe } from './probe.js';
import { ValueHashes } from './value-hashes.js';

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
 * in the actor object; any other layout returns null so the record is parsed. A record that opens
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
      if (!bytesAt(buf, idAt, end, ID_KEY) || keyDepth(buf, idAt, 2, end) !== d) return null;
      return valueAfterKey(buf, keyEnd(idAt, 2, d), end, d, filter);
    },
  };
}
