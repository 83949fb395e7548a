// The actor probe: `actor.id` read from raw bytes, in plain events and in events carried as JSON text.
import { indexWithin, keyDepth, keyEnd, NOT_A_KEY, opensString, skipBlanks, UNSURE, valueAfterKey, valueStart } from './json-bytes.js';
import type { ValueProbe } from './probe.js';

const ID_KEY = Buffer.from('id');

/** Index of the record's first key name (after `{`, blanks and the opening quote), or -1. */
function firstKeyAt(buf: Buffer, start: number, end: number): number {
  let i = start + 1;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  return buf[i] === 0x22 ? i + 1 : -1;
}

/** The record opens with the key `actor` (Okta's own key order, compact or pretty): its name's index, or -1. */
function actorFirst(buf: Buffer, start: number, end: number): number {
  if (start + 8 <= end && buf.compare(ACTOR_FIRST, 0, 8, start, start + 8) === 0) return start + 2;
  const k = firstKeyAt(buf, start, end);
  return k > 0 && k + 6 <= end && buf.compare(ACTOR_QUOTE, 0, 6, k, k + 6) === 0 ? k : -1;
}

const ACTOR = Buffer.from('"actor');
const ACTOR_FIRST = Buffer.from('{"actor"');
const ACTOR_QUOTE = Buffer.from('actor"');
const QUOTE = Buffer.from('"');

/**
 * Probe for `actor.id`: `"actor"` `:` `{` `"id"` `:` `"…"`, plain or escaped. Okta writes `id` first
 * in the actor object; any other layout returns null so the record is parsed. A record that opens
 * with the key `actor` (Okta's own key order), or with another Okta key, is a plain event and has
 * one actor; in any other record every `actor` key is read (a wrapper may carry its own copy
 * besides the escaped event).
 */
export function actorIdProbe(values: ReadonlySet<string>): ValueProbe {
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
      if (idAt + 2 > end || buf.compare(ID_KEY, 0, 2, idAt, idAt + 2) !== 0 || keyDepth(buf, idAt, 2, end) !== d) return null;
      return valueAfterKey(buf, keyEnd(idAt, 2, d), end, d);
    },
  };
}
