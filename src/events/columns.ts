// CSV header → event field paths: Okta keys in any spelling, indexed list items, aliases.
import { canonicalKey } from './keys.js';

/** A step of a field path: an object key or an array index. */
export type Step = string | number;

/** Keys whose value is a list in Okta's schema: `target0.id` is `target[0].id`. */
const LISTS = new Set(['target', 'ipChain']);

/** Spellings other tools use for a whole top-level field. */
const ALIASES: Record<string, string> = { targets: 'target', timestamp: 'published', '@timestamp': 'published' };

/** Columns that hold a whole raw event as JSON text (a SIEM export with a column per event). */
const RAW_COLUMNS = new Set(['_raw', 'message', 'event.original']);


/**
 * The field path of a column header: `client.ip_address` → client.ipAddress, `target0.display_name`
 * → target[0].displayName (also `target.0.id` and `target[0].id`), `event_type` → eventType,
 * `timestamp` → published. Segments that are not Okta keys are kept as written.
 */
export function columnPath(header: string): Step[] {
  const text = header.trim().replace(/\[(\d+)\]/g, '.$1');
  if (text === '') return [];
  const steps: Step[] = [];
  for (const part of text.split('.')) {
    if (part === '') continue;
    if (/^\d+$/.test(part) && steps.length > 0) {
      steps.push(Number(part));
      continue;
    }
    const indexed = /^(.*?[A-Za-z_])(\d+)$/.exec(part);
    if (indexed) {
      const name = canonicalKey(indexed[1]!);
      if (LISTS.has(ALIASES[name.toLowerCase()] ?? name)) {
        steps.push(ALIASES[name.toLowerCase()] ?? name, Number(indexed[2]));
        continue;
      }
    }
    const key = canonicalKey(part);
    steps.push(steps.length === 0 ? (ALIASES[key.toLowerCase()] ?? key) : key);
  }
  return steps;
}

/** Whether a header row names an Okta event table: eventType and a time, or a raw-event column. */
export function looksLikeEventHeader(headers: string[]): boolean {
  let type = false;
  let time = false;
  for (const h of headers) {
    const p = columnPath(h);
    if (p.length === 1 && p[0] === 'eventType') type = true;
    if (p.length === 1 && p[0] === 'published') time = true;
    if (RAW_COLUMNS.has(h.trim().toLowerCase())) return true;
  }
  return type && time;
}

/** How a table's columns map onto an event. */
export interface ColumnMap {
  paths: Step[][];
  /** Index of a column holding the whole raw event as JSON text, or -1. */
  raw: number;
}

/** Builds the column map of a header row; a `published` column wins over a `timestamp` alias. */
export function columnMap(headers: string[]): ColumnMap {
  const paths = headers.map(columnPath);
  const hasPublished = headers.some((h) => canonicalKey(h.trim()) === 'published');
  if (hasPublished) {
    headers.forEach((h, i) => {
      const k = h.trim().toLowerCase();
      if (k === 'timestamp' || k === '@timestamp') paths[i] = [h.trim()];
    });
  }
  const raw = headers.findIndex((h) => RAW_COLUMNS.has(h.trim().toLowerCase()));
  return { paths, raw };
}
