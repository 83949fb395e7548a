// Builds corpus inputs piece by piece: each piece's byte range, and whether it is good or bad.
import { isUtf8 } from 'node:buffer';
import { oneLine, type BadPart, type CorpusCase } from './case.js';
import { RECORDS } from './sample.js';

/** One piece of an input. */
export interface Piece {
  bytes: Buffer | string;
  /** The piece is a good record: its value as one-line JSON (defaults to the piece's own text). */
  good?: boolean | string;
  /** The piece must be reported: a bad record, junk, or a good one read despite a flaw (invalid UTF-8, glued). */
  bad?: string;
}

/** A good record, as is. */
export const ok = (text: string): Piece => ({ bytes: text, good: true });
/** A record or junk that must be reported and cannot be used. */
export const broken = (bytes: Buffer | string, what: string): Piece => ({ bytes, bad: what });

/** The sample records `from` to `to` (exclusive), good. */
export function sample(from = 0, to = RECORDS.length): Piece[] {
  return RECORDS.slice(from, to).map(ok);
}

/** The sample with record `i` replaced by `pieces`. */
export function sampleWith(i: number, ...pieces: Piece[]): Piece[] {
  return [...sample(0, i), ...pieces, ...sample(i + 1)];
}

/**
 * A case from pieces joined by `sep` (between `open` and `close`). A good piece with invalid
 * UTF-8 is used with U+FFFD in place of the bad bytes, and must also be reported.
 */
export function assembleCase(
  meta: { name: string; group: string; file?: string; args?: string[]; exit?: 0 | 3; defaultMayMiss?: string[] },
  pieces: Piece[],
  layout: { open?: string; sep?: string; close?: string } = {},
): CorpusCase {
  const { open = '', sep = '\n', close = '\n' } = layout;
  const parts: Buffer[] = [Buffer.from(open)];
  let at = parts[0]!.length;
  const good: string[] = [];
  const bad: BadPart[] = [];
  pieces.forEach((p, i) => {
    if (i > 0 && sep) {
      parts.push(Buffer.from(sep));
      at += Buffer.byteLength(sep);
    }
    const b = typeof p.bytes === 'string' ? Buffer.from(p.bytes) : p.bytes;
    if (p.good !== undefined && p.good !== false) {
      good.push(oneLine(typeof p.good === 'string' ? p.good : b.toString('utf8')));
      if (!isUtf8(b) || p.bad !== undefined) bad.push({ start: at, end: at + b.length - 1, what: p.bad ?? 'invalid UTF-8 in a good record' });
    }
    // A bad piece's report may point just past it (where the input ends inside it).
    if (p.bad !== undefined && (p.good === undefined || p.good === false)) bad.push({ start: at, end: at + b.length, what: p.bad });
    parts.push(b);
    at += b.length;
  });
  parts.push(Buffer.from(close));
  const bytes = Buffer.concat(parts);
  const { name, group, file = 'input.ndjson', args, exit = 0, defaultMayMiss } = meta;
  return { name, group, file, args, exit, bytes: () => bytes, good, bad, defaultMayMiss };
}

/** `text` with `insert` placed `after` characters into the string value of the first `"key":"`. */
export function insertInValue(text: string, key: string, insert: string, after = 2): string {
  const k = text.indexOf(`"${key}":"`);
  if (k < 0) throw new Error(`no string value for ${key}`);
  const at = k + key.length + 4 + after;
  return text.slice(0, at) + insert + text.slice(at);
}

/** Bytes of `text` with raw `bytes` placed `after` characters into the value of `"key":"`. */
export function insertBytesInValue(text: string, key: string, bytes: number[], after = 2): Buffer {
  const marked = insertInValue(text, key, '\u0000MARK\u0000', after);
  const [a, b] = marked.split('\u0000MARK\u0000') as [string, string];
  return Buffer.concat([Buffer.from(a), Buffer.from(bytes), Buffer.from(b)]);
}

/** `text` with the value of top-level `key` replaced by the raw JSON `json` (the key must exist). */
export function replaceField(text: string, key: string, json: string): string {
  const obj = JSON.parse(text) as Record<string, unknown>;
  if (!(key in obj)) throw new Error(`no field ${key}`);
  const marker = '"__corpus_marker__"';
  return JSON.stringify({ ...obj, [key]: '__corpus_marker__' }).replace(marker, json);
}

/** `text` with raw JSON members (`"k": v, …`) added right after its opening brace. */
export function prependMembers(text: string, members: string): string {
  return '{' + members + ',' + text.slice(1);
}
