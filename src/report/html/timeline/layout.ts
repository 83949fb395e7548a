// Where the timeline's parts go: lanes one under another, events in time bins, stacked or gathered into one mark when dense.
import { lanesOf, type Lane } from './lanes.js';
import type { TimelineModel, TimelineView } from './model.js';
import { timeScale, timeTicks, type Tick } from './scale.js';

/** Sizes in CSS pixels. */
export const GEOMETRY = {
  /** Left column of lane labels. */
  gutter: 150,
  /** The shaded baseline band, left of the window's start. */
  baseline: 66,
  /** Space between the band (or the gutter) and the first bin. */
  gap: 10,
  right: 26,
  /** Above the lanes: the revocation's flag and label. */
  top: 30,
  lane: 48,
  /** Below the lanes: the axis, its clock and date labels. */
  axis: 42,
  /** Width of one time bin: one mark. */
  bin: 14,
  /** Marks stacked in one bin before they are gathered into one. */
  stack: 3,
  /** Vertical distance between stacked marks. */
  row: 14,
} as const;

/** Time spans narrower than this are widened around their middle (a window of `0` before and after). */
const MIN_SPAN = 60_000;

/** One event's mark, at its bin's centre, stacked with the bin's other events. */
export interface EventMark {
  kind: 'event';
  event: number;
  x: number;
  y: number;
}

/** The mark of a bin holding more than `stack` events of one lane: how many, and the highest evidence severity among them. */
export interface GroupMark {
  kind: 'group';
  events: number[];
  /** The bin's time span. */
  from: number;
  to: number;
  x: number;
  /** Bottom of the lane and the bar's height (taller for more events). */
  y: number;
  height: number;
  sev: number;
}

/** A mark on a lane. */
export type Mark = EventMark | GroupMark;

/** One lane laid out: its top, its marks in time order, and how many of its events fall outside the view. */
export interface LaneLayout {
  lane: Lane;
  top: number;
  marks: Mark[];
  outside: number;
}

/** Everything the SVG needs, in pixels. */
export interface TimelineLayout {
  width: number;
  height: number;
  from: number;
  to: number;
  /** The plotted span's left and right edges. */
  x0: number;
  x1: number;
  /** The baseline band is drawn when the view starts at the window's start (or before). */
  baseline: boolean;
  lanes: LaneLayout[];
  /** The revocation's x, or null when it is outside the view. */
  revocation: number | null;
  ticks: { tick: Tick; x: number }[];
  /** Time per bin. */
  binMs: number;
}

/** The view's span, widened to at least MIN_SPAN. */
function span(view: TimelineView): [number, number] {
  if (view.to - view.from >= MIN_SPAN) return [view.from, view.to];
  const mid = (view.from + view.to) / 2;
  return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
}

/** The highest evidence severity of `events` (-1 when none is evidence). */
function topSeverity(model: TimelineModel, events: readonly number[]): number {
  let top = -1;
  for (const e of events) top = Math.max(top, model.sev[e]!);
  return top;
}

/**
 * Lays out `model` for `view`: the lanes of its mode, the span cut into bins GEOMETRY.bin wide, and
 * per lane one mark per event where a bin holds at most GEOMETRY.stack of the lane's events
 * (stacked, earliest on top), else one group mark for the bin. Marks come in time order.
 */
export function layoutTimeline(model: TimelineModel, view: TimelineView): TimelineLayout {
  const g = GEOMETRY;
  const [from, to] = span(view);
  const baseline = from <= model.start;
  const x0 = g.gutter + (baseline ? g.baseline : 0) + g.gap;
  const x1 = Math.max(x0 + g.bin, view.width - g.right);
  const bins = Math.max(1, Math.floor((x1 - x0) / g.bin));
  const binPx = (x1 - x0) / bins;
  const binMs = (to - from) / bins;
  const lanes = lanesOf(model, view.mode);

  // Bins per lane first: group bars are scaled to the fullest bin of the view.
  const binned = lanes.map((lane) => {
    const byBin = new Map<number, number[]>();
    let outside = 0;
    for (const e of lane.events) {
      const t = model.t[e]!;
      if (!(t >= from && t <= to)) {
        outside++;
        continue;
      }
      const b = Math.min(bins - 1, Math.floor((t - from) / binMs));
      let list = byBin.get(b);
      if (list === undefined) byBin.set(b, (list = []));
      list.push(e);
    }
    return { lane, byBin, outside };
  });
  let fullest = 1;
  for (const { byBin } of binned) for (const list of byBin.values()) fullest = Math.max(fullest, list.length);

  const inner = g.lane - 8;
  const laneLayouts = binned.map(({ lane, byBin, outside }, i): LaneLayout => {
    const top = g.top + i * g.lane;
    const middle = top + g.lane / 2;
    const marks: Mark[] = [];
    for (const b of [...byBin.keys()].sort((p, q) => p - q)) {
      const list = byBin.get(b)!;
      const x = x0 + (b + 0.5) * binPx;
      if (list.length <= g.stack) {
        list.forEach((event, k) => marks.push({ kind: 'event', event, x, y: middle + (k - (list.length - 1) / 2) * g.row }));
      } else {
        const scaled = Math.log(list.length) / Math.log(Math.max(fullest, g.stack + 1));
        const height = Math.round(16 + (inner - 16) * Math.min(1, scaled));
        marks.push({ kind: 'group', events: list, from: from + b * binMs, to: from + (b + 1) * binMs, x, y: top + g.lane - 4, height, sev: topSeverity(model, list) });
      }
    }
    return { lane, top, marks, outside };
  });

  const at = timeScale(from, to, x0, x1);
  const ticks = timeTicks(from, to, Math.floor((x1 - x0) / 110), model.timeZone).map((tick) => ({ tick, x: at(tick.at) }));
  const revocation = model.revokedAt >= from && model.revokedAt <= to ? at(model.revokedAt) : null;
  return {
    width: view.width,
    height: g.top + lanes.length * g.lane + g.axis,
    from,
    to,
    x0,
    x1,
    baseline,
    lanes: laneLayouts,
    revocation,
    ticks,
    binMs,
  };
}
