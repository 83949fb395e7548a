// Writes window events' original records from their own text, instead of parsing and re-serialising them.
import { randomBytes } from 'node:crypto';
import type { Original, OriginalReader, PrepareText } from '../model/original.js';
import { escapeRawUnsafe, stringifySafe } from './json-text.js';

/**
 * Texts with no whitespace outside their strings: runs of anything but `"` and whitespace, and
 * strings (`"`, then characters other than `"` and `\`, or `\` and any one character, up to the
 * closing `"`). It reads a string exactly as {@link compactJson}'s loop does, so a match means the
 * loop would find nothing to drop; a text that does not match (whitespace between tokens, an
 * unterminated string) goes to the loop.
 */
const NO_SPACE_OUTSIDE_STRINGS = /^[^"\t\n\r ]*(?:"[^"\\]*(?:\\[^][^"\\]*)*"[^"\t\n\r ]*)*$/;

/**
 * Longest text {@link NO_SPACE_OUTSIDE_STRINGS} is tried on. The expression's backtracking stack
 * grows with the strings and escapes of the text, and overflows (a RangeError) on texts of
 * millions of them (16 MB of `"a",`); the loop has no such limit.
 */
export const REGEX_MAX_CHARS = 256 * 1024;

/**
 * `text` (one valid JSON value) without the whitespace between its tokens. Strings, numbers and
 * escapes are kept exactly as written. Returns `text` itself when it has no such whitespace.
 * Most records are compact already (NDJSON): one regular expression, three times faster than the
 * loop on them, says so; the loop drops whitespace from the others.
 */
export function compactJson(text: string): string {
  if (text.length <= REGEX_MAX_CHARS && NO_SPACE_OUTSIDE_STRINGS.test(text)) return text;
  return dropSpaceOutsideStrings(text);
}

/** {@link compactJson} by walking the text character by character, for any length of text. */
export function dropSpaceOutsideStrings(text: string): string {
  let out = '';
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      out += text.slice(from, i);
      while (i + 1 < n && isSpace(text.charCodeAt(i + 1))) i++;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A record's text ready to stand as a JSON value in a report: compact, terminal-unsafe characters escaped. */
export function safeRawJson(text: string): string {
  // A valid record holds no raw C0 control, so escapeRawUnsafe is all it needs.
  return escapeRawUnsafe(compactJson(text));
}

/** Placeholders are keyed by a per-process nonce: no log text can spell one. */
const NONCE = randomBytes(9).toString('hex');

interface WithWindow {
  window?: { events?: unknown } | null;
}

/** Pieces of a record's JSON are gathered into chunks of about this many characters. */
const CHUNK_CHARS = 16 * 1024;

/** Stands for the window's events in the record's skeleton, and for an event's original in its own JSON. */
const MARK = `\u0000raw:${NONCE}`;
const MARK_JSON = JSON.stringify(MARK);

/**
 * The text of an original: its own, or read through `reader` (a report with references needs one),
 * passed through `prepare` when given (by the reader, once per record, for one read by reference).
 */
export function originalText(original: Original, reader: OriginalReader | undefined, prepare?: PrepareText): string {
  if ('text' in original) return prepare ? prepare(original.text) : original.text;
  if (!reader) throw new Error('this report holds originals by reference: the reporter needs its OriginalReader');
  return reader.text(original.ref, prepare);
}

/**
 * Serialises a public finding or detection like {@link stringifySafe}, except that each window
 * event's `event` is its record's own text (see {@link safeRawJson}), read through `reader` when
 * the window holds it by reference:
 * parsing and re-serialising 20 MB of events cost more than half of writing a report. The text is
 * what the input held, so numbers keep every digit and repeated keys stay as written. The JSON
 * comes in chunks of about 16 K characters, built event by event: a window of thousands of events
 * is never one string. With `space`, every line after the first also starts with `margin` (the
 * record's own indentation in a document), added only where lines break: an original, on one
 * line, is never scanned for line breaks.
 */
export function* recordChunks(record: object, reader: OriginalReader | undefined, space?: number, margin = ''): Generator<string> {
  const window = (record as WithWindow).window;
  const events = window?.events;
  if (!Array.isArray(events) || events.length === 0) {
    yield indented(stringifySafe(record, space), margin);
    return;
  }
  // The record with one placeholder for all its window events: what comes before and after them.
  const skeleton = indented(stringifySafe({ ...record, window: { ...window, events: [MARK] } }, space), margin);
  const at = skeleton.indexOf(MARK_JSON);
  const indent = space ? skeleton.slice(skeleton.lastIndexOf('\n', at) + 1, at) : '';
  const separator = space ? `,\n${indent}` : ',';
  let chunk = skeleton.slice(0, at);
  for (let i = 0; i < events.length; i++) {
    if (i > 0) chunk += separator;
    chunk += eventJson(events[i] as Record<string, unknown> & { event: Original }, reader, space, indent);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + skeleton.slice(at + MARK_JSON.length);
}

/**
 * One window event's JSON, every line after the first starting with `indent`, its original
 * spliced in from the record's text when there is one.
 */
function eventJson(e: Record<string, unknown> & { event: Original }, reader: OriginalReader | undefined, space: number | undefined, indent: string): string {
  // A record held by reference is made safe once however many windows hold it (the reader keeps
  // the prepared text: 36 K window events held 15 K records in a 1 GB export); text held in the
  // window itself (stdin, gzip, documents) is made safe per window.
  const original = originalText(e.event, reader, safeRawJson);
  // The event with a placeholder for its original: a spread keeps every key where it was.
  const json = indented(stringifySafe({ ...e, event: MARK }, space), indent);
  const at = json.lastIndexOf(MARK_JSON);
  return json.slice(0, at) + original + json.slice(at + MARK_JSON.length);
}

function indented(json: string, indent: string): string {
  return indent ? json.replace(/\n/g, `\n${indent}`) : json;
}
