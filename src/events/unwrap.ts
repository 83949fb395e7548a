// Parsed record → the raw Okta events it carries: Event Hook envelopes, message wrappers, SIEM documents.
import { canonicalKey } from './keys.js';

/** One candidate raw event and where it sat in the record (`''` for the record itself). */
export interface Candidate {
  value: unknown;
  /** e.g. `data.events[2]`, `message`, `result._raw`; prefixes diagnostics about this candidate. */
  path: string;
}

/** What a record holds. */
export interface Unwrapped {
  candidates: Candidate[];
  /** The outermost wrapper recognised (`event-hook`, `message`, `event.original`, …), or null. */
  via: string | null;
  /** Wrappers that were recognised but unusable (their JSON text is broken), as diagnostic reasons. */
  problems: string[];
}

type Obj = Record<string, unknown>;

/** Wrappers nest at most this deep (`{"input":{"message":"{…}"}}` is 2). */
const MAX_DEPTH = 6;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Whether `o` has an Okta `eventType` key in any spelling (`eventtype`, `event_type`). */
function hasEventType(o: Obj): boolean {
  if (typeof o.eventType === 'string') return true;
  for (const k in o) if (canonicalKey(k) === 'eventType') return true;
  return false;
}

/** JSON text that holds an object (after blanks), or null. */
function looksLikeObjectText(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b;
  }
  return false;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Finds the raw events in one parsed record. Recognised, outermost first:
 * - a JSON string holding an event (a line of NDJSON that is a quoted event);
 * - Splunk: `_raw` (event JSON text), a search export line `{"result": {…}}`;
 * - Elastic: `event.original` (event JSON text), an Elasticsearch hit `{"_source": {…}}`;
 * - `message` (event JSON text, or the event itself), SEKOIA's `{"input": {"message": …}}`;
 * - an Okta Event Hook delivery (CloudEvents envelope) with its events under `data.events[]`;
 * - an Elasticsearch search response `{"hits": {"hits": [{"_source": …}]}}`;
 * - a record `{"events": […]}` without an `eventType` of its own.
 * Anything else is a candidate as it is (normalisation then says whether it is an event). Okta's
 * LogEvent has none of these keys at its top level, so a wrapper is never mistaken for an event.
 */
export function unwrap(value: unknown): Unwrapped {
  const out: Unwrapped = { candidates: [], via: null, problems: [] };
  visit(value, '', 0, out);
  return out;
}

function mark(out: Unwrapped, via: string): void {
  out.via ??= via;
}

/** Parses wrapper text; a broken one is a problem, reported instead of its event. */
function parseText(text: string, path: string, out: Unwrapped): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    out.problems.push(`${path} holds broken JSON text: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`);
    return undefined;
  }
}

function visit(value: unknown, path: string, depth: number, out: Unwrapped): void {
  if (depth > MAX_DEPTH) {
    out.candidates.push({ value, path });
    return;
  }
  if (looksLikeObjectText(value) && depth === 0) {
    mark(out, 'string');
    const inner = parseText(value, 'the string', out);
    if (inner !== undefined) visit(inner, path, depth + 1, out);
    return;
  }
  if (!isObj(value)) {
    out.candidates.push({ value, path });
    return;
  }
  const text = (key: string, v: unknown, via: string): boolean => {
    if (!looksLikeObjectText(v)) return false;
    mark(out, via);
    const p = join(path, key);
    const inner = parseText(v, p, out);
    if (inner !== undefined) visit(inner, p, depth + 1, out);
    return true;
  };
  const nested = (key: string, v: unknown, via: string): boolean => {
    if (!isObj(v)) return false;
    mark(out, via);
    visit(v, join(path, key), depth + 1, out);
    return true;
  };
  const o = value;
  const typed = hasEventType(o);
  if (typed && o.data === undefined && o._raw === undefined && o.event === undefined && o._source === undefined) {
    out.candidates.push({ value: o, path }); // an event (the common case, decided at once)
    return;
  }
  if (text('_raw', o._raw, '_raw')) return;
  const result = o.result;
  if (isObj(result) && !typed && (result._raw !== undefined || hasEventType(result)) && nested('result', result, '_raw')) return;
  if (isObj(o.event) && text('event.original', o.event.original, 'event.original')) return;
  if (nested('_source', o._source, '_source')) return;
  if (!typed) {
    if (text('message', o.message, 'message')) return;
    if (isObj(o.message) && nested('message', o.message, 'message')) return;
    if (isObj(o.input) && (looksLikeObjectText(o.input.message) || isObj(o.input.message))) {
      nested('input', o.input, 'message');
      return;
    }
  }
  if (isObj(o.okta) && !typed) {
    mark(out, 'event.original');
    out.problems.push("Elastic document without event.original (the integration's preserve_original_event keeps the raw Okta event); skipped");
    return;
  }
  const data = o.data;
  if (isObj(data) && Array.isArray(data.events)) {
    mark(out, 'event-hook');
    const base = join(path, 'data.events');
    data.events.forEach((e, i) => visit(e, `${base}[${i}]`, depth + 1, out));
    return;
  }
  // An Elasticsearch search response kept as one record: its hits are `{"_source": …}` documents.
  if (!typed && isObj(o.hits) && Array.isArray(o.hits.hits)) {
    mark(out, 'hits');
    const base = join(path, 'hits.hits');
    o.hits.hits.forEach((e, i) => visit(e, `${base}[${i}]`, depth + 1, out));
    return;
  }
  if (!typed && Array.isArray(o.events)) {
    mark(out, 'events');
    const base = join(path, 'events');
    o.events.forEach((e, i) => visit(e, `${base}[${i}]`, depth + 1, out));
    return;
  }
  out.candidates.push({ value: o, path });
}
