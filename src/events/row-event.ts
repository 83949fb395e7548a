// One CSV row → a nested Okta event, following the column map of its header.
import type { ColumnMap, Step } from './columns.js';
import { setOwn } from './keys.js';

/** Object and list fields of Okta's schema: a cell of such a column may hold the whole value as JSON. */
const CONTAINERS = new Set([
  'actor', 'client', 'device', 'authenticationContext', 'securityContext', 'debugContext', 'outcome', 'target',
  'transaction', 'request', 'client.userAgent', 'client.geographicalContext', 'debugContext.debugData',
  'transaction.detail', 'request.ipChain',
]);

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
    const current: unknown = Array.isArray(node) ? node[step as number] : Object.hasOwn(node, step) ? node[step as string] : undefined;
    if (last) {
      if (current !== undefined) return; // the first column with a value wins
      if (Array.isArray(node)) node[step as number] = value;
      else setOwn(node, step as string, value);
      return;
    }
    let next = current;
    if (next === undefined) {
      const list = typeof path[i + 1] === 'number';
      next = list ? [] : {};
      if (list) lists.push(next as unknown[]);
      if (Array.isArray(node)) node[step as number] = next;
      else setOwn(node, step as string, next);
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
