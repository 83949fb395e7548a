// The SVG of one timeline, as text: lanes, the shaded baseline, the axis, the revocation and a mark per event (or per dense bin).
import { SEVERITIES } from '../../../model/severity.js';
import { formatUtc } from '../../table/cells.js';
import { escapeHtml, logHtml } from '../escape.js';
import { GEOMETRY, layoutTimeline, type EventMark, type GroupMark, type LaneLayout, type TimelineLayout } from './layout.js';
import type { TimelineModel, TimelineView } from './model.js';

/** The letter on a mark of each evidence severity (index = severity rank): the colour never speaks alone. */
export const SEVERITY_LETTERS = ['I', 'L', 'M', 'H'] as const;

/** Characters of a lane label shown before it is cut (the whole label is its tooltip). */
const LABEL_CHARS = 17;

/** Rounds a coordinate to one decimal, so the SVG text is short and the same everywhere. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** `--tz` as cells.formatUtc takes it. */
function zone(model: TimelineModel): string | undefined {
  return model.timeZone ?? undefined;
}

/** An event's time for people: `2024-03-05 13:49:40Z` (or on the `--tz` clock). */
function eventTime(model: TimelineModel, e: number): string {
  return formatUtc(model.t[e]!, model.t[e], zone(model));
}

function text(model: TimelineModel, index: number, none: string): string {
  return index < 0 ? none : model.strings[index]!;
}

/** The text alternative of one event's mark: time, type, actor, address and evidence severity. */
export function eventLabel(model: TimelineModel, e: number): string {
  const sev = model.sev[e]!;
  const parts = [eventTime(model, e), text(model, model.type[e]!, 'no type'), text(model, model.actor[e]!, 'no actor'), text(model, model.ip[e]!, 'no address')];
  if (sev >= 0) parts.push(`evidence: ${SEVERITIES[sev]}`);
  return parts.join(' · ');
}

/** `4 high, 5 medium`: the evidence severities among `events`, highest first. */
function severityCounts(model: TimelineModel, events: readonly number[]): string {
  const counts = [0, 0, 0, 0];
  for (const e of events) if (model.sev[e]! >= 0) counts[model.sev[e]!]!++;
  const parts: string[] = [];
  for (let s = 3; s >= 0; s--) if (counts[s]! > 0) parts.push(`${counts[s]} ${SEVERITIES[s]}`);
  return parts.length === 0 ? 'none is evidence' : `evidence ${parts.join(', ')}`;
}

/** The text alternative of a group mark. */
function groupLabel(model: TimelineModel, mark: GroupMark): string {
  const first = mark.events[0]!;
  const last = mark.events[mark.events.length - 1]!;
  return `${mark.events.length} events, ${eventTime(model, first)} to ${eventTime(model, last)}; ${severityCounts(model, mark.events)}; Enter zooms in`;
}

function sevClass(sev: number): string {
  return sev < 0 ? 's-n' : `s-${sev}`;
}

function eventMark(model: TimelineModel, lane: number, mark: EventMark, tabindex: number): string {
  const sev = model.sev[mark.event]!;
  const shape = sev < 0 ? '<circle class="hit" r="7"/><circle r="3.5"/>' : `<circle r="7"/><text dy="3.5">${SEVERITY_LETTERS[sev]}</text>`;
  return (
    `<g class="mk ev ${sevClass(sev)}" data-lane="${lane}" data-ev="${mark.event}" tabindex="${tabindex}" role="button" ` +
    `aria-label="${logHtml(eventLabel(model, mark.event))}" transform="translate(${n(mark.x)} ${n(mark.y)})">${shape}</g>`
  );
}

function groupMark(model: TimelineModel, lane: number, mark: GroupMark, tabindex: number): string {
  const letter = mark.sev < 0 ? '' : `<text dy="-4">${SEVERITY_LETTERS[mark.sev]}</text>`;
  return (
    `<g class="mk grp ${sevClass(mark.sev)}" data-lane="${lane}" data-from="${n(mark.from)}" data-to="${n(mark.to)}" data-n="${mark.events.length}" ` +
    `tabindex="${tabindex}" role="button" aria-label="${logHtml(groupLabel(model, mark))}" transform="translate(${n(mark.x)} ${n(mark.y)})">` +
    `<rect x="-6" y="${-mark.height}" width="12" height="${mark.height}" rx="3"/>${letter}</g>`
  );
}

/** A lane's band, label (cut to LABEL_CHARS, whole in its tooltip) and event count. */
function laneBackground(l: LaneLayout, i: number, layout: TimelineLayout): string {
  const g = GEOMETRY;
  const { lane } = l;
  const middle = l.top + g.lane / 2;
  const name = lane.label.length > LABEL_CHARS ? `${lane.label.slice(0, LABEL_CHARS - 1)}…` : lane.label;
  const letter = lane.letter === null ? '' : `<tspan class="tag">${escapeHtml(lane.letter)}</tspan> `;
  const count = lane.events.length - l.outside;
  const empty = count === 0 ? `<text class="none" x="${n(layout.x0 + 8)}" y="${n(middle + 4)}">${l.outside > 0 ? `${l.outside} outside this span` : 'no events'}</text>` : '';
  return (
    `<rect class="lane${i % 2 ? ' odd' : ''}" x="0" y="${l.top}" width="${layout.width}" height="${g.lane}"/>` +
    `<text class="ll" x="8" y="${n(middle + 4)}"><title>${logHtml(lane.title)}</title>${letter}${logHtml(name)}</text>` +
    `<text class="lc" x="${g.gutter - 6}" y="${n(middle + 4)}">${count}</text>${empty}`
  );
}

/** The shaded band standing for the history before the window, with an axis break at its right edge. */
function baselineBand(model: TimelineModel, layout: TimelineLayout): string {
  const g = GEOMETRY;
  const bottom = g.top + layout.lanes.length * g.lane;
  const x = g.gutter;
  const right = x + g.baseline;
  return (
    `<g class="baseline" role="img" aria-label="${logHtml(`Baseline (shaded, not to scale): ${model.baseline}`)}">` +
    `<rect x="${x}" y="${g.top}" width="${g.baseline}" height="${bottom - g.top}"/>` +
    `<path class="brk" d="M${right} ${g.top} l4 6 l-8 6 l8 6 l-4 6 V${bottom}"/>` +
    `<text x="${x + g.baseline / 2}" y="${g.top - 8}">baseline</text>` +
    `<text class="sub" x="${x + g.baseline / 2}" y="${bottom + 15}">before</text></g>`
  );
}

function axis(model: TimelineModel, layout: TimelineLayout): string {
  const g = GEOMETRY;
  const bottom = g.top + layout.lanes.length * g.lane;
  let grid = '';
  let labels = '';
  for (const { tick, x } of layout.ticks) {
    const anchor = x > layout.x1 - 24 ? ' end' : '';
    grid += `<line x1="${n(x)}" y1="${g.top}" x2="${n(x)}" y2="${bottom + 4}"/>`;
    labels += `<text class="tk${anchor}" x="${n(x)}" y="${bottom + 16}">${escapeHtml(tick.label)}</text>`;
    if (tick.date !== null) labels += `<text class="dt${anchor}" x="${n(x)}" y="${bottom + 30}">${escapeHtml(tick.date)}</text>`;
  }
  const zoneName = model.timeZone ?? 'UTC';
  return (
    `<g class="grid">${grid}</g><g class="axis"><line x1="${n(layout.x0)}" y1="${bottom}" x2="${n(layout.x1)}" y2="${bottom}"/>${labels}` +
    `<text class="zone" x="8" y="${bottom + 16}">${logHtml(zoneName)}</text></g>`
  );
}

/** The revocation: a line through every lane and a focusable flag above them. */
function revocationMark(model: TimelineModel, layout: TimelineLayout, tabindex: number): string {
  if (layout.revocation === null) return '';
  const g = GEOMETRY;
  const x = layout.revocation;
  const bottom = g.top + layout.lanes.length * g.lane;
  const near = x > layout.width - 180;
  const label = `revoked ${formatUtc(model.revokedAt, model.revokedAt, zone(model))}`;
  return (
    `<line class="revline" x1="${n(x)}" y1="${g.top - 12}" x2="${n(x)}" y2="${bottom}"/>` +
    `<g class="mk rev" data-lane="-1" tabindex="${tabindex}" role="button" aria-label="${logHtml(`Revocation: ${model.revocation}`)}" transform="translate(${n(x)} ${g.top - 14})">` +
    `<path d="M0 -8 L8 0 L0 8 L-8 0 Z"/><text dy="3.5">R</text></g>` +
    `<text class="revtext${near ? ' end' : ''}" x="${n(near ? x - 12 : x + 12)}" y="${g.top - 10}">${escapeHtml(label)}</text>`
  );
}

/** A sentence on what the timeline shows, for people who do not see it. */
function timelineSummary(model: TimelineModel, layout: TimelineLayout): string {
  const shown = new Set<number>();
  for (const l of layout.lanes) for (const m of l.marks) for (const e of m.kind === 'event' ? [m.event] : m.events) shown.add(e);
  const counts = severityCounts(model, [...shown]);
  const span = `${formatUtc(layout.from, layout.from, zone(model))} to ${formatUtc(layout.to, layout.to, zone(model))}`;
  return `${shown.size} of ${model.t.length} events from ${span}, in ${layout.lanes.length} lanes; ${counts}. The table below lists every event.`;
}

/**
 * The timeline of `model` as seen through `view`, as SVG text (every log string escaped). One mark
 * can take the keyboard focus (tabindex 0): the revocation's when it is in view, else the first.
 */
export function timelineSvg(model: TimelineModel, view: TimelineView): string {
  const layout = layoutTimeline(model, view);
  const id = model.id;
  const firstFocus = layout.revocation === null ? 0 : -1;
  let marks = '';
  let k = 0;
  layout.lanes.forEach((l, lane) => {
    for (const m of l.marks) {
      const tab = k++ === firstFocus ? 0 : -1;
      marks += m.kind === 'event' ? eventMark(model, lane, m, tab) : groupMark(model, lane, m, tab);
    }
  });
  const lanes = layout.lanes.map((l, i) => laneBackground(l, i, layout)).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl" id="${id}-svg" data-mode="${view.mode}" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `width="${layout.width}" height="${layout.height}" role="group" aria-roledescription="timeline" aria-labelledby="${id}-tl-title" aria-describedby="${id}-tl-desc">` +
    `<title id="${id}-tl-title">Timeline, lanes by ${view.mode}</title><desc id="${id}-tl-desc">${logHtml(timelineSummary(model, layout))}</desc>` +
    `<g class="lanes">${lanes}</g>${layout.baseline ? baselineBand(model, layout) : ''}${axis(model, layout)}` +
    `${revocationMark(model, layout, 0)}<g class="marks">${marks}</g></svg>`
  );
}
