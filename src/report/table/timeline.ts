// Timeline of one activity window: a table (or block list) of its first events, in time order.
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../../model/severity.js';
import type { ActivityWindow, WindowEvent } from '../../model/window.js';
import { MISSING, formatUtc, line, outcomeStyle, timeHeader } from './cells.js';
import { rulesLine, TIMELINE_RULES_COLUMN } from './detection-cells.js';
import { renderBlocks, renderGrid, type ColumnSpec } from './grid.js';
import { fitBoxed, widest, type TimelineColumn, type TimelineDemand } from './timeline-layout.js';
import { linkSlots } from './link-tags.js';
import { evidenceColumn } from './signal-rows.js';
import { actorName } from '../entity-name.js';
import { safeText } from '../sanitize.js';
import { plural } from '../../text/plural.js';
import { clipSpans, painter, spanLine, spansOf, spansWidth, type CellLine, type Span } from './styled.js';
import { displayWidth, truncate, wrapText } from './width.js';
import { viaToken } from '../evidence.js';

/** Timeline rows per window when `limit` is not given. */
export const DEFAULT_LIMIT = 50;

/** Rows to show for `limit`: undefined (or unusable) → DEFAULT_LIMIT, 0 → every event. */
export function rowLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit) || limit < 0) return DEFAULT_LIMIT;
  return limit === 0 ? Number.POSITIVE_INFINITY : Math.floor(limit);
}

/** `203.0.113.7 Germany` (country dim), `- Germany` without an address, `-` with neither. */
export function clientLine({ client }: Pick<WindowEvent, 'client'>): CellLine {
  if (!client.country) return line(client.ipAddress);
  const ip: Span = client.ipAddress ? { text: safeText(client.ipAddress) } : MISSING;
  return spanLine([ip, { text: ` ${safeText(client.country)}`, style: 'dim' }]);
}

/** Target names that say nothing (Okta writes `unknown` for a rate-limit warning's URL pattern). */
const PLACEHOLDER = /^(unknown|null|none|-)$/i;

/** The first target's display name (else id, else type), then a dim `+N` for the others. */
export function targetLine({ targets }: Pick<WindowEvent, 'targets'>): CellLine {
  const [first] = targets;
  if (first === undefined) return MISSING;
  const named = first.displayName && !PLACEHOLDER.test(first.displayName.trim()) ? first.displayName : null;
  const name = line(named || first.id || first.type);
  if (targets.length === 1) return name;
  return spanLine([...spansOf(name), { text: ` +${targets.length - 1}`, style: 'dim' }]);
}

/**
 * The actor's alternateId, else display name, else id; for a call made with an API token, then
 * ` via ` and the token's name (Okta logs the call under the token's owner: `ann@… via ci-deploy`).
 */
export function actorLine({ actor, requestApiToken }: Pick<WindowEvent, 'actor'> & Partial<Pick<WindowEvent, 'requestApiToken'>>): CellLine {
  const who = line(actorName(actor));
  const via = viaToken(requestApiToken);
  if (via === null) return who;
  return spanLine([...spansOf(who), { text: ' via ', style: 'dim' }, { text: safeText(via), style: 'cyan' }]);
}

/** The timeline's columns with times in UTC or in `timeZone` (`--tz`). */
function timelineColumns(timeZone?: string): readonly ColumnSpec<WindowEvent>[] {
  if (timeZone === undefined) return TIMELINE_COLUMNS;
  const time: ColumnSpec<WindowEvent> = { header: timeHeader(timeZone), min: 20, lines: (e) => [{ text: formatUtc(Date.parse(e.published), e.published, timeZone) }] };
  return [time, ...TIMELINE_COLUMNS.slice(1)];
}

/** The timeline's columns, left to right; every cell is one line, so rows need no lines between them. */
const TIMELINE_COLUMNS: readonly ColumnSpec<WindowEvent>[] = [
  { header: 'Time (UTC)', min: 20, lines: (e) => [{ text: formatUtc(Date.parse(e.published), e.published) }] },
  { header: 'Links', min: 7, lines: (e) => [linkSlots(e.links)] },
  { header: 'Event type', min: 10, lines: (e) => [line(e.eventType)] },
  { header: 'Actor', min: 8, lines: (e) => [actorLine(e)] },
  { header: 'Client', min: 8, lines: (e) => [clientLine(e)] },
  { header: 'Outcome', min: 7, lines: (e) => [line(e.outcome, outcomeStyle(e.outcome))] },
  { header: 'Target', min: 8, lines: (e) => [targetLine(e)] },
];

/** The actor cell `width` wide: a call's ` via token` is kept whole and the actor's name cut instead. */
function actorFit(e: WindowEvent, width: number): CellLine[] {
  const full = actorLine(e);
  const via = viaToken(e.requestApiToken);
  if (via === null || displayWidth(full.text) <= width) return [full];
  const tail = ` via ${safeText(via)}`;
  const room = width - displayWidth(tail);
  if (room < 4) return [full];
  const who = actorName(e.actor) || '-';
  return [spanLine([{ text: truncate(safeText(who), room) }, { text: ' via ', style: 'dim' }, { text: safeText(via), style: 'cyan' }])];
}

/** Links as four letters without spaces (`T·OI`), for the two-line layout. */
function compactLinks(e: WindowEvent): CellLine {
  const spans = spansOf(linkSlots(e.links)).filter((sp) => sp.text !== ' ');
  return spanLine(spans);
}

/** Below this many columns even the two-line layout is not worth it: one block per event. */
const TWO_LINE_MIN = 50;

const GAP = '  ';

/**
 * The two-line layout for terminals too narrow for the boxed one: a borderless table whose first
 * line holds the evidence mark, time, links, event type, client and outcome (the country goes
 * first, then the outcome moves to the second line, and only then is the event type cut), and
 * whose second line, under the time, holds the actor (`via` a token), the target and any rules.
 */
function* twoLineTable(
  shown: readonly WindowEvent[],
  columns: { time: ColumnSpec<WindowEvent>; mark?: ColumnSpec<WindowEvent>; rules?: (e: WindowEvent) => CellLine },
  width: number,
  chalk: ChalkInstance,
): Generator<string> {
  const paint = painter(chalk);
  const cell = (c: ColumnSpec<WindowEvent>, e: WindowEvent) => c.lines(e)[0]!;
  const ipOnly = (e: WindowEvent): CellLine => line(e.client.ipAddress);
  interface Col { header: string; get: (e: WindowEvent) => CellLine; width: number }
  const col = (header: string, get: (e: WindowEvent) => CellLine): Col => ({ header, get, width: widest(header, shown.map((e) => get(e).text)) });
  const first: Col[] = [];
  if (columns.mark) first.push(col(columns.mark.header, (e) => cell(columns.mark!, e)));
  first.push(col(columns.time.header, (e) => cell(columns.time, e)), col('Links', compactLinks), col('Event type', (e) => line(e.eventType)));
  let client = col('Client', clientLine);
  const outcome = col('Outcome', (e) => line(e.outcome, outcomeStyle(e.outcome)));
  const total = (cols: Col[]) => cols.reduce((n, c) => n + c.width, 0) + GAP.length * (cols.length - 1);
  if (total([...first, client, outcome]) > width) client = col('Client', ipOnly);
  const outcomeBelow = total([...first, client, outcome]) > width;
  const top = outcomeBelow ? [...first, client] : [...first, client, outcome];
  const over = total(top) - width;
  if (over > 0) {
    const type = top.find((c) => c.header === 'Event type')!;
    type.width = Math.max(8, type.width - over);
  }
  const indent = columns.mark ? first[0]!.width + GAP.length : 0;
  const rowOf = (cols: Col[], spans: (c: Col) => readonly Span[]) =>
    cols.map((c, i) => {
      const cut = clipSpans(spans(c), c.width);
      const pad = i === cols.length - 1 ? '' : ' '.repeat(Math.max(0, c.width - spansWidth(cut)));
      return paint(cut) + pad;
    }).join(GAP);
  const below = (e: WindowEvent): Span[] => {
    const parts: Span[] = [...spansOf(actorLine(e))];
    const target = targetLine(e);
    if (target !== MISSING) parts.push({ text: ' → ', style: 'dim' }, ...spansOf(target));
    if (outcomeBelow) parts.push({ text: ' · ', style: 'dim' }, ...spansOf(outcome.get(e)));
    const rules = columns.rules?.(e);
    if (rules && rules !== MISSING) parts.push({ text: ' · ', style: 'dim' }, ...spansOf(rules));
    return parts;
  };
  const room = width - indent;
  yield `${chalk.bold(rowOf(top, (c) => [{ text: c.header }]).trimEnd())}\n`;
  yield `${' '.repeat(indent)}${chalk.dim(truncate(`Actor → Target${outcomeBelow ? ' · Outcome' : ''}${columns.rules ? ' · Rules' : ''}`, room))}\n`;
  yield `${chalk.dim('─'.repeat(Math.min(width, total(top))))}\n`;
  for (const e of shown) {
    yield `${rowOf(top, (c) => spansOf(c.get(e)))}\n`;
    yield `${' '.repeat(indent)}${paint(clipSpans(below(e), room))}\n`;
  }
}

/**
 * Renders the first `rowLimit(limit)` events of `window` (already in time order), then `… N more
 * events (use --format json)` when rows were left out. Lines end in `\n` and never exceed `width`
 * when it is given. With `evidence` (uuid → severity of the signals citing the event), a first
 * column marks those rows. A Rules column appears when a shown event matched a loaded rule other
 * than `findingRules` (the rules that make revocations findings say nothing on a timeline row).
 *
 * Layouts, by width: unknown width, every column whole (cells capped at MAX_CELL_WIDTH); a boxed
 * table when the event type, time, links, mark, outcome and the client's address fit whole beside
 * an actor of ACTOR_MIN columns (see `fitBoxed`: the rules, then the target shrink or go first,
 * the country is cut before the address, the actor's name before its `via` token); a two-line
 * table below that (see `twoLineTable`); one block per event below TWO_LINE_MIN columns.
 */
export function* renderTimeline(
  window: ActivityWindow,
  limit: number | undefined,
  width: number | undefined,
  chalk: ChalkInstance,
  timeZone?: string,
  evidence?: ReadonlyMap<string, Severity>,
  findingRules: ReadonlySet<string> = new Set(),
): Generator<string> {
  const [time, links, type, actor, client, outcome, target] = timelineColumns(timeZone);
  const rows = rowLimit(limit);
  const shown = window.events.length > rows ? window.events.slice(0, rows) : window.events;
  const rulesOf = (e: WindowEvent) => (e.detections ?? []).filter((r) => !findingRules.has(r.id));
  const ruled = shown.some((e) => rulesOf(e).length > 0);
  const rules: ColumnSpec<WindowEvent> = { ...TIMELINE_RULES_COLUMN, lines: (e) => [rulesLine(rulesOf(e))] };
  const mark = evidence && evidence.size > 0 ? evidenceColumn(evidence) : undefined;
  const fitted: ColumnSpec<WindowEvent> = { ...actor!, fit: actorFit };
  // The country goes before a character of the address does.
  const addressFirst: ColumnSpec<WindowEvent> = { ...client!, fit: (e, w) => (displayWidth(clientLine(e).text) <= w ? [clientLine(e)] : [line(e.client.ipAddress)]) };
  const byId: [TimelineColumn, ColumnSpec<WindowEvent> | undefined][] = [
    ['mark', mark], ['time', time], ['links', links], ['type', type], ['actor', fitted], ['client', addressFirst], ['outcome', outcome], ['target', target], ['rules', ruled ? rules : undefined],
  ];
  const present = byId.filter((c): c is [TimelineColumn, ColumnSpec<WindowEvent>] => c[1] !== undefined);
  if (width === undefined) {
    yield `${renderGrid(present.map(([, c]) => c), shown, width, chalk, true)!}\n`;
  } else {
    const demands: TimelineDemand[] = present.map(([id, c]) => {
      const texts = shown.map((e) => c.lines(e)[0]!.text);
      const natural = widest(c.header, texts);
      const core = id === 'client' ? widest(c.header, shown.map((e) => e.client.ipAddress ?? '-')) : id === 'actor' ? widest('', shown.map((e) => { const v = viaToken(e.requestApiToken); return v === null ? '' : `${'x'.repeat(4)} via ${safeText(v)}`; })) : natural;
      return { id, natural, core };
    });
    const widths = fitBoxed(demands, width);
    if (widths !== null) {
      const kept = present.filter(([id]) => widths.has(id));
      yield `${renderGrid(kept.map(([, c]) => c), shown, width, chalk, true, kept.map(([id]) => widths.get(id)!))!}\n`;
    } else if (width >= TWO_LINE_MIN) {
      yield '\n';
      yield* twoLineTable(shown, { time: time!, mark, rules: ruled ? (e) => rulesLine(rulesOf(e)) : undefined }, width, chalk);
    } else {
      yield '\n'; // sets the blocks apart from the header block above
      yield* renderBlocks(present.map(([, c]) => c), shown, width, chalk);
    }
  }
  const more = window.events.length - shown.length;
  if (more > 0) {
    const text = `… ${plural(more, 'more event')} (use --format json)`;
    for (const l of wrapText(text, width)) yield `${chalk.dim(l)}\n`;
  }
}
