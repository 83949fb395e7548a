// Decides an input's shape from its first bytes: records (NDJSON, array), a document with events under a key, or CSV.
import { canonicalKey } from '../events/keys.js';
import { unwrap } from '../events/unwrap.js';
import { RecordBatch } from './batch.js';
import { csvDelimiter, quotedRecordLine } from './csv-sniff.js';
import { JsonScanner } from './json-scanner.js';
import { topKeys } from './top-keys.js';

/** Values of `--input-format`. */
export const INPUT_FORMATS = ['auto', 'ndjson', 'array', 'document', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** How an input is read. */
export type Shape =
  /** JSON records one after another (NDJSON, single objects, quoted events) or a top-level array. */
  | { kind: 'ndjson' | 'array' }
  /** One or more JSON documents whose events are the elements of the array at `path`. */
  | { kind: 'document'; path: string[] }
  /** A table with a header row. */
  | { kind: 'csv'; delimiter: string };

/** What sniffing found. */
export interface Sniffed {
  shape: Shape;
  /** The wrapper the first record uses (`event-hook`, `message`, …), or null. */
  via: string | null;
  /** Records may hold several events (Event Hook deliveries, `{"events": […]}` records). */
  multi: boolean;
}

/** How much of the input sniffing looks at. */
export const HEAD_BYTES = 64 * 1024;

/** Top-level keys whose array holds the events of a document, in order of preference (then `hits.hits`). */
const EVENT_KEYS = ['events', 'data'];

/** Why an input cannot be read as any known shape. */
export class ShapeError extends Error {}

/**
 * Sniffs the shape of an input from `head` (its first bytes, BOM and blanks included; `at` is the
 * first significant byte). `[` is an array; `{` is a document when the first object is not an event
 * (no `eventType`) and has an `events` or `data` key holding an array, else records; a line that is
 * a JSON string holding an object is records (quoted events); a header row naming eventType and
 * published/timestamp (or a raw-event column), separated by `,`, `;` or tabs, is CSV. With
 * `eventsPath`, a first object holding the path's first key is a document with the events there.
 */
export function sniffShape(head: Buffer, at: number, format: InputFormat, eventsPath: string[] | null): Sniffed {
  const first = head[at]!;
  const json = first === 0x7b || first === 0x5b;
  if (format === 'csv' || (format === 'auto' && !json && first !== 0x22) || (format === 'auto' && first === 0x22 && !quotedRecordLine(head, at))) {
    const delimiter = csvDelimiter(head, at, format === 'csv');
    // Quoted as they are: stderr (and JSON) escape control bytes once, as \x00.
    if (delimiter === null) throw new ShapeError(`not a JSON export, nor CSV with a header row naming eventType and published (starts with "${head.toString('utf8', at, at + 24)}")`);
    return { shape: { kind: 'csv', delimiter }, via: null, multi: false };
  }
  // With --events-path, an input whose first object has the path's first key, or is neither an
  // event nor a known wrapper, is such a document (so a wrong path is reported); other inputs of the
  // same run (plain NDJSON, wrapped events, arrays) are detected as usual.
  const named = eventsPath !== null && first === 0x7b && namesPath(head, at, eventsPath[0]!);
  if (format === 'document' || (format === 'auto' && named)) {
    const path = eventsPath ?? documentPath(head, at);
    if (path === null) throw new ShapeError(`no array of events at the top of this document (${EVENT_KEYS.join(' or ')}); name it with --events-path`);
    return { shape: { kind: 'document', path }, via: null, multi: false };
  }
  if (format === 'auto' && first === 0x7b) {
    const path = documentPath(head, at);
    if (path !== null) return { shape: { kind: 'document', path }, via: null, multi: false };
  }
  const kind = format === 'ndjson' || format === 'array' ? format : first === 0x5b ? 'array' : 'ndjson';
  const { via, multi } = firstRecord(head, at);
  return { shape: { kind }, via, multi };
}

/** The first object holds `key`, or is neither an event nor a wrapper this tool knows. */
function namesPath(head: Buffer, at: number, key: string): boolean {
  const { keys } = topKeys(head, at);
  if (keys.some((k) => k.key === key)) return true;
  return !keys.some((k) => canonicalKey(k.key) === 'eventType') && firstRecord(head, at).via === null;
}

/**
 * `events` or `data` when the first object is a container of events, not an event itself; `hits.hits`
 * when it is an Elasticsearch search response (`{"hits": {"hits": [{"_source": …}]}}`).
 */
function documentPath(head: Buffer, at: number): string[] | null {
  if (head[at] !== 0x7b) return null;
  const { keys } = topKeys(head, at);
  if (keys.some((k) => canonicalKey(k.key) === 'eventType')) return null;
  for (const name of EVENT_KEYS) {
    if (keys.some((k) => k.key === name && k.first === 0x5b)) return [name];
  }
  const hits = keys.find((k) => k.key === 'hits' && k.first === 0x7b);
  if (hits && topKeys(head, hits.at).keys.some((k) => k.key === 'hits' && k.first === 0x5b)) return ['hits', 'hits'];
  return null;
}

/** The wrapper of the first record, when it fits in the head. */
function firstRecord(head: Buffer, at: number): { via: string | null; multi: boolean } {
  let text: string | null = null;
  if (head[at] === 0x22) {
    const nl = head.indexOf(0x0a, at);
    if (nl >= 0) text = head.toString('utf8', at, nl);
  } else {
    const batch = new RecordBatch();
    batch.reset(head, 0);
    new JsonScanner({ maxRecordBytes: head.length }).splitFrom(head, at, 0, false, batch, () => {}, true);
    if (batch.count > 0) text = head.toString('utf8', batch.starts[0], batch.ends[0]);
  }
  if (text === null) {
    // Too big to parse here: a large Event Hook delivery still shows in its top-level keys.
    let open = at;
    if (head[open] === 0x5b) for (open++; open < head.length && /\s/.test(String.fromCharCode(head[open]!)); open++);
    if (head[open] !== 0x7b) return { via: null, multi: false };
    const { keys } = topKeys(head, open);
    const hook = keys.some((k) => k.key === 'cloudEventsVersion' || (k.key === 'eventType' && k.text === 'com.okta.event_hook'));
    const data = keys.some((k) => k.key === 'data' && k.first === 0x7b);
    return hook && data ? { via: 'event-hook', multi: true } : { via: null, multi: false };
  }
  try {
    const u = unwrap(JSON.parse(text) as unknown);
    return { via: u.via, multi: u.via === 'event-hook' || u.via === 'events' || u.via === 'hits' };
  } catch {
    return { via: null, multi: false };
  }
}
