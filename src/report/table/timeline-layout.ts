// How a timeline fits a terminal: which columns keep their width, which shrink or go, and the two-line layout for narrow ones.
import { displayWidth } from './width.js';

/** The timeline's columns, by role. */
export type TimelineColumn = 'mark' | 'time' | 'links' | 'type' | 'actor' | 'client' | 'outcome' | 'target' | 'rules';

/** Widths a column asks for: its widest cell (`natural`) and the part that must never be cut (`core`). */
export interface TimelineDemand {
  id: TimelineColumn;
  natural: number;
  core: number;
}

/** Columns never cut in the boxed layout: what a responder searches for next. */
const KEPT: readonly TimelineColumn[] = ['mark', 'time', 'links', 'type', 'outcome'];

/** The narrowest an actor may become (the token name after ` via ` is kept whole). */
const ACTOR_MIN = 16;

/** The narrowest a target or rules column may become before it is dropped. */
const SHRINK_MIN = 8;

/** Columns dropped, in this order, when the others do not fit. */
const DROP_ORDER: readonly TimelineColumn[] = ['rules', 'target'];

/** cli-table3 pads each cell with one space on both sides and draws a border around each. */
const boxOverhead = (columns: number) => 3 * columns + 1;

/**
 * Widths for a boxed timeline `width` columns wide, or null when it does not fit (the two-line
 * layout is used then). The event type, time, links, evidence mark and outcome keep their natural
 * width and the client its address (`core`); the actor gets at least ACTOR_MIN; the target and
 * the rules column shrink to 8 and are dropped (rules first) when even that does not fit. What is
 * left goes to the actor, then the target, the client's country, the rules, each up to its
 * natural width. Columns dropped are left out of the result.
 */
export function fitBoxed(demands: readonly TimelineDemand[], width: number): Map<TimelineColumn, number> | null {
  for (let dropped = 0; dropped <= DROP_ORDER.length; dropped++) {
    const gone = new Set(DROP_ORDER.slice(0, dropped));
    const cols = demands.filter((d) => !gone.has(d.id));
    let left = width - boxOverhead(cols.length);
    const widths = new Map<TimelineColumn, number>();
    for (const d of cols) {
      const floor = KEPT.includes(d.id) ? d.natural : d.id === 'client' ? d.core : d.id === 'actor' ? Math.min(d.natural, Math.max(ACTOR_MIN, d.core)) : Math.min(d.natural, SHRINK_MIN);
      widths.set(d.id, floor);
      left -= floor;
    }
    if (left < 0) continue;
    for (const id of ['actor', 'target', 'client', 'rules'] as const) {
      const d = cols.find((c) => c.id === id);
      if (d === undefined) continue;
      const give = Math.min(left, d.natural - widths.get(id)!);
      widths.set(id, widths.get(id)! + give);
      left -= give;
    }
    return widths;
  }
  return null;
}

/** The widest text of `texts` (at least the header's). */
export function widest(header: string, texts: Iterable<string>): number {
  let w = displayWidth(header);
  for (const t of texts) w = Math.max(w, displayWidth(t));
  return w;
}
