// The table of a window's events in the HTML report: one row per event, every log value escaped, sortable and filterable on the page.
import { plural } from '../../text/plural.js';
import { severityRank, type Severity } from '../../model/severity.js';
import { LINK_ORDER, type ActivityWindow, type WindowEvent } from '../../model/window.js';
import { formatUtc, timeHeader } from '../table/cells.js';
import { LINK_TAGS } from '../table/link-tags.js';
import { EVIDENCE_MARK } from '../table/severity-view.js';
import { escapeHtml, logHtml } from './escape.js';
import type { OriginalEntry } from './originals.js';
import { PAGE_SIZE } from './page-size.js';
import { actorName, targetName } from '../entity-name.js';

/** What a row needs besides its event: its section's id, the revoked token, evidence, the original, `--tz`. */
export interface RowContext {
  id: string;
  tokenId: string | null;
  evidence: ReadonlyMap<string, Severity>;
  timeZone: string | undefined;
  /** Whether the table has a Rules column (some event matched a loaded rule). */
  rules: boolean;
}

/** A severity word with its evidence mark (`!!! high`), classed by rank for its colour. */
export function severityBadge(s: Severity, withMark = true): string {
  return `<span class="sev s-${severityRank(s)}">${withMark ? `${EVIDENCE_MARK[s]} ` : ''}${s}</span>`;
}

/** `T · O I`: the link letters in fixed slots, each with its meaning as a tooltip. */
function linkLetters(links: readonly string[]): string {
  return LINK_ORDER.map((kind) => {
    const tag = LINK_TAGS[kind];
    return links.includes(kind)
      ? `<abbr class="lk lk-${kind}" title="${escapeHtml(`${tag.word}: ${tag.meaning}`)}">${tag.letter}</abbr>`
      : '<span class="lk off" aria-hidden="true">·</span>';
  }).join('');
}

/** A value and, under it, a smaller second value when there is one. */
function twoLines(main: string, minor: string | null): string {
  return minor ? `${main}<span class="minor">${minor}</span>` : main;
}

function place(client: WindowEvent['client']): string | null {
  const parts = [client.city, client.country].filter((v): v is string => !!v);
  return parts.length === 0 ? null : logHtml(parts.join(', '));
}

function outcomeClass(outcome: string | null): string {
  if (outcome === 'FAILURE' || outcome === 'DENY') return 'oc bad';
  if (outcome === 'SUCCESS' || outcome === 'ALLOW') return 'oc ok';
  return 'oc';
}

function targets(e: WindowEvent): string {
  if (e.targets.length === 0) return logHtml(null);
  return e.targets
    .map((t) => `<span class="tg">${logHtml(targetName(t))}${t.type ? `<span class="minor">${logHtml(t.type)}</span>` : ''}</span>`)
    .join('');
}

function via(entry: OriginalEntry, tokenId: string | null): string {
  if (entry.via === null) return '';
  return entry.via === tokenId ? '<span class="via this">this token</span>' : `<span class="via">${logHtml(entry.via)}</span>`;
}

/** The id of event `i`'s row (0-based) in section `id`: `r1-e1` for the first. */
export function rowId(id: string, i: number): string {
  return `${id}-e${i + 1}`;
}

/** One event's row, hidden after the first page. Its cells carry classes the page script reads for the marks' tooltips. */
function eventRow(e: WindowEvent, i: number, entry: OriginalEntry, ctx: RowContext): string {
  const sev = ctx.evidence.get(e.uuid);
  const name = actorName(e.actor) || null;
  const display = e.actor.displayName && e.actor.displayName !== name ? logHtml(e.actor.displayName) : null;
  const rules = ctx.rules ? `<td class="rules">${(e.detections ?? []).map((r) => `<span class="rl">${logHtml(r.title)}</span>`).join('') || logHtml(null)}</td>` : '';
  return (
    `<tr id="${rowId(ctx.id, i)}" data-ev="${i}" data-s="${sev === undefined ? -1 : severityRank(sev)}"${i >= PAGE_SIZE ? ' hidden' : ''}>` +
    `<td class="num">${i + 1}</td>` +
    `<td class="time"><time datetime="${logHtml(e.published)}">${escapeHtml(formatUtc(Date.parse(e.published), e.published, ctx.timeZone))}</time></td>` +
    `<td class="ev">${sev === undefined ? '' : severityBadge(sev)}</td>` +
    `<td class="links">${linkLetters(e.links)}</td>` +
    `<td class="type">${twoLines(logHtml(e.eventType), e.displayMessage ? logHtml(e.displayMessage) : null)}</td>` +
    `<td class="actor">${twoLines(logHtml(name), display)}</td>` +
    `<td class="via">${via(entry, ctx.tokenId)}</td>` +
    `<td class="addr">${twoLines(logHtml(e.client.ipAddress), place(e.client))}</td>` +
    `<td class="outcome"><span class="${outcomeClass(e.outcome)}">${logHtml(e.outcome)}</span></td>` +
    `<td class="target">${targets(e)}</td>${rules}` +
    `<td class="orig"><button type="button" class="json" data-o="${entry.index}" aria-label="Original JSON of event ${i + 1}">{ }</button></td></tr>`
  );
}

/** Sortable column headers: label, the sort key the page script uses (`n` number, `s` severity, `t` text). */
function headers(ctx: RowContext): string {
  const cols: [string, string][] = [
    ['#', 'n'], [timeHeader(ctx.timeZone), 'n'], ['Evidence', 's'], ['Links', 't'], ['Event type', 't'], ['Actor', 't'],
    ['Via token', 't'], ['Address', 't'], ['Outcome', 't'], ['Target', 't'],
  ];
  if (ctx.rules) cols.push(['Rules', 't']);
  const ths = cols.map(([label, key], c) => `<th scope="col" data-key="${key}" data-col="${c}"><button type="button" class="sort">${escapeHtml(label)}</button></th>`);
  return `<thead><tr>${ths.join('')}<th scope="col"><span class="vh">Original</span></th></tr></thead>`;
}

/**
 * The events section of a window: a filter box and a count (used by the page script), the table
 * (every event, in time order, the first PAGE_SIZE shown) and a pager. `entries` are the
 * originals' entries of the events.
 */
export function* eventTable(window: ActivityWindow, entries: readonly OriginalEntry[], ctx: RowContext): Generator<string> {
  const n = window.events.length;
  const id = ctx.id;
  yield (
    `<div class="events" id="${id}-events">` +
    `<div class="tbl-tools js-only"><label for="${id}-filter">Filter</label> ` +
    `<input type="search" id="${id}-filter" class="filter" data-table="${id}-table" placeholder="type, actor, address, outcome…" autocomplete="off"> ` +
    `<span class="count" id="${id}-count" aria-live="polite">${plural(n, 'event')}</span></div>` +
    `<table id="${id}-table" class="evt"><caption>The window's ${plural(n, 'event')}, in time order</caption>${headers(ctx)}<tbody>`
  );
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += eventRow(window.events[i]!, i, entries[i]!, ctx);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  const noScript = n > PAGE_SIZE ? `<noscript><p class="minor">${PAGE_SIZE} of ${n} rows shown: the others need the page's script (--format json has them all).</p></noscript>` : '';
  yield `${chunk}</tbody></table>${noScript}<nav class="pager js-only" aria-label="Pages of the events" data-table="${id}-table"></nav></div>`;
}
