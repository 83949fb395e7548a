// One revocation's section head in the HTML report: what was revoked, by whom, the severity and why, the signals with their evidence.
import { SEVERITIES, severityRank } from '../../model/severity.js';
import type { Signal } from '../../model/signal.js';
import type { Finding } from '../../model/report.js';
import type { ActivityWindow } from '../../model/window.js';
import { formatTime, formatUtc } from '../table/cells.js';
import { LINK_TAGS } from '../table/link-tags.js';
import { UNKNOWN_OWNER } from '../table/window-header.js';
import { LINK_ORDER } from '../../model/window.js';
import { escapeHtml, fragmentHref, logHtml } from './escape.js';
import { rowId, severityBadge } from './event-table.js';
import type { OriginalEntry } from './originals.js';
import { revokerName } from './timeline/build.js';

/** Evidence events listed under a signal; the others are marked in the table. */
const EVIDENCE_SHOWN = 8;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Why a finding has its severity, from its signals (see combineSeverity): the signals at the
 * highest level, and whether their agreement raised it one level.
 */
function severityReason(finding: Finding): string {
  const signals = finding.signals ?? [];
  if (finding.severity === undefined) return '';
  if (signals.length === 0) return 'nothing unusual found';
  const top = Math.max(...signals.map((s) => severityRank(s.severity)));
  const atTop = [...new Set(signals.filter((s) => severityRank(s.severity) === top).map((s) => s.id))];
  const raised = severityRank(finding.severity) > top;
  const ids = atTop.join(', ');
  if (raised) return `raised from ${SEVERITIES[top]}: ${plural(atTop.length, 'signal')} agree (${ids})`;
  return `${atTop.length === 1 ? 'its' : 'the'} highest signal${atTop.length === 1 ? '' : 's'}: ${ids}`;
}

/** One fact: label and value; `screen` facts (buttons) are left out of print. */
function fact(label: string, html: string, screen = false): string {
  const cls = screen ? ' class="screen"' : '';
  return `<dt${cls}>${escapeHtml(label)}</dt><dd${cls}>${html}</dd>`;
}

function minor(html: string): string {
  return `<span class="minor">${html}</span>`;
}

function ownerHtml(window: ActivityWindow | undefined): string {
  if (window === undefined) return minor('no activity window (--no-window)');
  const owner = window.owner;
  if (owner === null) return minor(escapeHtml(UNKNOWN_OWNER));
  const name = owner.alternateId ?? owner.id;
  const display = owner.displayName && owner.displayName !== name ? ` ${minor(logHtml(owner.displayName))}` : '';
  return `${logHtml(name)}${display}`;
}

function countsHtml(w: ActivityWindow): string {
  const links = LINK_ORDER.map((k) => `${LINK_TAGS[k].word} ${w.summary.byLink[k]}`);
  return escapeHtml([plural(w.eventCount, 'event'), ...links, plural(w.summary.ipAddresses.length, 'IP'), plural(w.summary.countries.length, 'country', 'countries')].join(' · '));
}

/** The heading of a revocation's section: its number, severity, token, revoker and outcome. */
export function revocationHeading(finding: Finding, number: number, total: number): string {
  const sev = finding.severity === undefined ? '' : `${severityBadge(finding.severity, false)} `;
  const token = finding.token.name ?? finding.token.id;
  return `${sev}Revocation ${number} of ${total}: ${logHtml(token, 'unnamed token')} <span class="by">by ${logHtml(revokerName(finding))}, ${logHtml(finding.outcome, 'no outcome')}</span>`;
}

/** The facts of a revocation as a description list. */
export function revocationFacts(finding: Finding, original: OriginalEntry, timeZone: string | undefined): string {
  const w = finding.window;
  const by = finding.revokedBy;
  const byDisplay = by.displayName && by.displayName !== by.alternateId ? ` ${minor(logHtml(by.displayName))}` : '';
  const place = [finding.client.city, finding.client.country].filter((v): v is string => !!v).join(', ');
  const from = [logHtml(finding.client.ipAddress), ...(place ? [logHtml(place)] : [])].join(' · ');
  const agent = finding.client.userAgent ? ` ${minor(logHtml(finding.client.userAgent))}` : '';
  const facts = [
    fact('Token', `${logHtml(finding.token.name, 'unnamed')} <code>${logHtml(finding.token.id)}</code>`),
    fact('Revoked by', `${escapeHtml(by.kind)} ${logHtml(by.alternateId ?? by.id)}${byDisplay}`),
    fact('When', escapeHtml(formatTime(finding, timeZone))),
    fact('From', from + agent),
    fact('Outcome', logHtml(finding.outcome)),
    fact('Owner', ownerHtml(w)),
  ];
  if (finding.severity !== undefined) facts.push(fact('Severity', `${severityBadge(finding.severity, false)} ${escapeHtml(severityReason(finding))}`));
  facts.push(fact('Rules', finding.rules.map((r) => `${logHtml(r.title)} ${minor(logHtml(r.level))}`).join('<br>')));
  if (w !== undefined) {
    const bounds = `${formatUtc(Date.parse(w.start), w.start, timeZone)} → ${formatUtc(Date.parse(w.end), w.end, timeZone)}`;
    facts.push(fact('Window', `${escapeHtml(bounds)} ${minor(logHtml(`(${w.before} before, ${w.after} after)`))}`));
    facts.push(fact('Events', countsHtml(w) + (w.dropped > 0 ? ` ${minor(escapeHtml(`${w.dropped} older dropped (--max-window-events)`))}` : '')));
  }
  facts.push(fact('Original', `<button type="button" class="json" data-o="${original.index}">revocation event JSON</button>`, true));
  return `<dl class="facts">${facts.join('')}</dl>`;
}

/** Where an evidence uuid points: a row of the window, the revocation itself, or nothing kept. */
export interface EvidenceTarget {
  /** Row index in the window's events, or -1 for the revocation itself. */
  row: number;
  label: string;
}

function signalItem(s: Signal, id: string, targets: ReadonlyMap<string, EvidenceTarget>): string {
  const links: string[] = [];
  let missing = 0;
  for (const uuid of s.evidence.slice(0, EVIDENCE_SHOWN)) {
    const target = targets.get(uuid);
    if (target === undefined) missing++;
    else links.push(`<li><a href="${fragmentHref(target.row < 0 ? id : rowId(id, target.row))}">${logHtml(target.label)}</a></li>`);
  }
  const more = s.evidence.length - Math.min(s.evidence.length, EVIDENCE_SHOWN);
  const notes: string[] = [];
  if (missing > 0) notes.push(`${plural(missing, 'event')} not among the window's kept events`);
  if (more > 0) notes.push(`${more} more, marked in the table`);
  const list = links.length > 0 ? `<ol class="evidence">${links.join('')}</ol>` : '';
  const note = notes.length > 0 ? `<p class="minor">${escapeHtml(notes.join('; '))}</p>` : '';
  const count = s.evidence.length > 0 ? ` ${minor(escapeHtml(`(${plural(s.evidence.length, 'event')})`))}` : '';
  return `<li class="sig">${severityBadge(s.severity, false)} <code>${escapeHtml(s.id)}</code>${count} <span class="msg">${logHtml(s.message)}</span>${list}${note}</li>`;
}

/** The signals of a finding, each with links to its evidence events (at most EVIDENCE_SHOWN). */
export function signalsHtml(finding: Finding, id: string, targets: ReadonlyMap<string, EvidenceTarget>): string {
  if (finding.severity === undefined) return '';
  const signals = finding.signals ?? [];
  const items = signals.length === 0 ? '<li class="sig none">nothing unusual found</li>' : signals.map((s) => signalItem(s, id, targets)).join('');
  return `<h3>Signals</h3><ul class="signals">${items}</ul>`;
}
