// Writes Okta events as CSV the way exporters do: a header row of field paths, one flattened event per row.
import type { Event } from './shapes.js';

/** Column naming styles seen in exports. */
export interface CsvStyle {
  /** `event_type`, `client.ip_address` instead of Okta's camelCase. */
  snake?: boolean;
  /** How list items are named: `target0.id` (default), `target.0.id` or `target[0].id`. */
  index?: 'suffix' | 'dot' | 'bracket';
  /** `timestamp` instead of `published`. */
  timestamp?: boolean;
  delimiter?: string;
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** Leaf paths and values of an event (objects and lists walked; nulls and empty containers dropped). */
function flatten(e: Event, style: CsvStyle = {}): Map<string, string> {
  const out = new Map<string, string>();
  const name = (k: string, top: boolean) => {
    if (top && k === 'published' && style.timestamp) return 'timestamp';
    return style.snake ? snake(k) : k;
  };
  const walk = (v: unknown, path: string) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const p = style.index === 'dot' ? `${path}.${i}` : style.index === 'bracket' ? `${path}[${i}]` : `${path}${i}`;
        walk(x, p);
      });
      return;
    }
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Event)) walk(x, path === '' ? name(k, true) : `${path}.${name(k, false)}`);
      return;
    }
    const scalar = v as string | number | boolean; // what is left of JSON
    out.set(path, String(scalar));
  };
  walk(e, '');
  return out;
}

/** A CSV cell: quoted when it holds the separator, a quote or a line break. */
function cell(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header (every column any of the events uses, in first-seen order) for these events. */
export function csvColumns(events: Event[], style: CsvStyle = {}): string[] {
  const cols = new Set<string>();
  for (const e of events) for (const k of flatten(e, style).keys()) cols.add(k);
  return [...cols];
}

/** One CSV row for an event under a given header. */
export function csvRow(e: Event, columns: string[], style: CsvStyle = {}): string {
  const d = style.delimiter ?? ',';
  const flat = flatten(e, style);
  return columns.map((c) => cell(flat.get(c) ?? '', d)).join(d);
}
