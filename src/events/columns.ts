// CSV header → event field paths, and one CSV row → a nested Okta event.
import { canonicalKey, setOwn } from './keys.js';

/** A step of a field path: an object key or an array index. */
export type Step = string | number;

/** Keys whose value is a list in Okta's schema: `target0.id` is `target[0].id`. */
const LISTS = new Set(['target', 'ipChain']);

/** Spellings other tools use for a whole top-level field. */
const ALIASES: Record<string, string> = { targets: 'target', timestamp: 'published', '@timestamp': 'published' };

/** Columns that hold a whole raw event as JSON text (a SIEM export with a column per event). */
const RAW_COLUMNS = new Set(['_raw', 'message', 'event.original']);

/** Object and list fields of Okta's schema: a cell of such a column may hold the whole value as JSON. */
const CONTAINERS = new Set([
  'actor', 'client', 'device', 'authenticationContext', 'securityContext', 'debugContext', 'outcome', 'target',
  'transaction', 'request', 'client.userAgent', 'client.geographicalContext', 'debugContext.debugData',
  'transaction.detail', 'request.ipChain',
]);

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

type Obj = Record<string, unknown>;

function isContainer(v: unknown): v is Obj | unknown[] {
  return v !== null && typeof v === 'object';
}

/** A cell of an object or list column holding JSON (`{…}`, `[…]`), parsed; any other cell as its text. */
function cellValue(cell: string, path: Step[]): unknown {
  const t = cell.trim();
  if ((t.startsWith('{') || t.startsWith('[')) && CONTAINERS.has(path.join('.'))) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}

/** Sets `value` at `path`, creating objects and lists on the way (new lists are added to `lists`). */
function setPath(root: Obj, path: Step[], value: unknown, lists: unknown[][]): void {
  let node: Obj | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    const current: unknown = Array.isArray(node) ? node[step as number] : Object.hasOwn(node, step as string) ? (node as Obj)[step as string] : undefined;
    if (last) {
      if (current !== undefined) return; // the first column with a value wins
      if (Array.isArray(node)) node[step as number] = value;
      else setOwn(node as Obj, step as string, value);
      return;
    }
    let next = current;
    if (next === undefined) {
      const list = typeof path[i + 1] === 'number';
      next = list ? [] : {};
      if (list) lists.push(next as unknown[]);
      if (Array.isArray(node)) node[step as number] = next;
      else setOwn(node as Obj, step as string, next);
    } else if (!isContainer(next) || Array.isArray(next) !== (typeof path[i + 1] === 'number')) {
      return; // a scalar (or the other kind of container) is already there: keep it
    }
    node = next as Obj | unknown[];
  }
}

/** Removes, in place, the holes a sparse `target0`, `target2` leaves. */
function compact(list: unknown[]): void {
  let w = 0;
  for (let r = 0; r < list.length; r++) if (r in list) list[w++] = list[r];
  list.length = w;
}

/**
 * One row as an event: every non-empty cell set at its column's path (so unknown columns are kept,
 * under their own names); a cell of a whole object or list column holding JSON is parsed. With a
 * raw-event column, the row is `{column: text}` for the unwrapping that follows.
 */
export function rowToEvent(map: ColumnMap, row: string[]): Obj {
  const out: Obj = {};
  const lists: unknown[][] = [];
  row.forEach((cell, i) => {
    if (cell === '' || i >= map.paths.length) return;
    const path = map.paths[i]!;
    if (path.length === 0) return;
    setPath(out, path, cellValue(cell, path), lists);
  });
  for (const list of lists) compact(list);
  return out;
}
