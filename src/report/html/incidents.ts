// The incident summary of the HTML report: revocations grouped by what their windows share, with who, what and where took part.
import type { Incident, IncidentSighting } from '../../model/incident.js';
import { formatUtc } from '../table/cells.js';
import { escapeHtml, fragmentHref, logHtml } from './escape.js';
import { severityBadge } from './event-table.js';

/** Rows shown per list of an incident; the JSON formats have them all. */
const INCIDENT_ROWS = 50;

/** A revocation's section id and what a link to it says. */
export interface RevocationLink {
  id: string;
  label: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function time(iso: string, timeZone: string | undefined): string {
  return escapeHtml(formatUtc(Date.parse(iso), iso, timeZone));
}

/** Events, windows, first and last seen: the cells every list shares. */
function sightingCells(s: IncidentSighting, timeZone: string | undefined): string {
  return `<td class="n">${s.events}</td><td class="n">${s.windows}</td><td class="tm">${time(s.firstSeen, timeZone)}</td><td class="tm">${time(s.lastSeen, timeZone)}</td>`;
}

const SIGHTING_HEADS = ['Events', 'Windows', 'First seen', 'Last seen'];

/** `AS9009` for an AS number logged as digits; as logged otherwise. */
function asName(asNumber: string | null): string | null {
  return asNumber !== null && /^\d+$/.test(asNumber) ? `AS${asNumber}` : asNumber;
}

function values(list: readonly string[]): string {
  return list.length === 0 ? logHtml(null) : list.map((v) => `<span class="val">${logHtml(v)}</span>`).join(' ');
}

/** A table of one list of an incident: at most INCIDENT_ROWS rows, then a line saying how many more. */
function listTable<T>(title: string, heads: string[], items: readonly T[], row: (item: T) => string): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, INCIDENT_ROWS);
  const more = items.length - shown.length;
  const foot = more > 0 ? `<p class="minor">${escapeHtml(`… ${more} more (--format json lists them all)`)}</p>` : '';
  const ths = heads.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return `<h4>${escapeHtml(`${title} (${items.length})`)}</h4><div class="scroll"><table class="list"><thead><tr>${ths}</tr></thead><tbody>${shown.map((i) => `<tr>${row(i)}</tr>`).join('')}</tbody></table></div>${foot}`;
}

function ties(inc: Incident): string {
  const parts: string[] = [];
  if (inc.ties.sharedEvents > 0) parts.push(escapeHtml(plural(inc.ties.sharedEvents, 'shared event')));
  if (inc.ties.tokens.length > 0) parts.push(`${escapeHtml(inc.ties.tokens.length === 1 ? 'token' : 'tokens')} ${values(inc.ties.tokens)}`);
  if (inc.ties.addresses.length > 0) parts.push(`${escapeHtml(inc.ties.addresses.length === 1 ? 'address' : 'addresses')} ${values(inc.ties.addresses)}`);
  return parts.length === 0 ? 'a single revocation' : parts.join('; ');
}

/** One incident: heading, what ties its revocations, links to them, then its lists. */
function incidentHtml(inc: Incident, n: number, links: ReadonlyMap<string, RevocationLink>, timeZone: string | undefined): string {
  const sev = inc.severity === undefined ? '' : `${severityBadge(inc.severity, false)} `;
  const heading = `${sev}Incident ${n}: ${escapeHtml(`${plural(inc.revocations.length, 'revocation')}, ${plural(inc.eventCount, 'event')}`)} <span class="by">${time(inc.firstSeen, timeZone)} → ${time(inc.lastSeen, timeZone)}</span>`;
  const revs = inc.revocations.map((uuid) => {
    const link = links.get(uuid);
    return link === undefined ? `<li>${logHtml(uuid)} <span class="minor">not reported</span></li>` : `<li><a href="${fragmentHref(link.id)}">${logHtml(link.label)}</a></li>`;
  });
  const tz = timeZone;
  return (
    `<article class="incident" id="i${n}" aria-labelledby="i${n}-h"><h3 id="i${n}-h">${heading}</h3>` +
    `<p><strong>Tied by</strong>: ${ties(inc)}</p><ol class="revs">${revs.join('')}</ol>` +
    listTable('Addresses', ['Address', 'Place', 'Network', 'Proxy', ...SIGHTING_HEADS, 'Tokens', 'Actors'], inc.addresses, (a) =>
      `<td>${logHtml(a.ip)}</td><td>${logHtml([a.city, a.country].filter((v) => !!v).join(', '))}</td>` +
      `<td>${logHtml([asName(a.asNumber), a.asOrg].filter((v) => !!v).join(' '))}</td><td>${a.proxy ? 'yes' : 'no'}</td>` +
      `${sightingCells(a, tz)}<td>${values(a.tokens)}</td><td>${values(a.actors)}</td>`) +
    listTable('Tokens', ['Token', 'Name', 'Calls', ...SIGHTING_HEADS, 'Addresses'], inc.tokens, (t) =>
      `<td><code>${logHtml(t.id)}</code>${t.revocations.length > 0 ? ' <span class="minor">revoked</span>' : ''}</td><td>${logHtml(t.name)}</td><td class="n">${t.calls}</td>${sightingCells(t, tz)}<td>${values(t.addresses)}</td>`) +
    listTable('Actors', ['Actor', 'Name', ...SIGHTING_HEADS, 'Tokens', 'Addresses'], inc.actors, (a) =>
      `<td>${logHtml(a.label)}</td><td>${logHtml(a.actor.displayName)}</td>${sightingCells(a, tz)}<td>${values(a.tokens)}</td><td>${values(a.addresses)}</td>`) +
    listTable('Networks', ['AS number', 'Organisation', ...SIGHTING_HEADS, 'Addresses'], inc.networks, (w) =>
      `<td>${logHtml(asName(w.asNumber))}</td><td>${logHtml(w.asOrg)}</td>${sightingCells(w, tz)}<td>${values(w.addresses)}</td>`) +
    listTable('Countries', ['Country', ...SIGHTING_HEADS], inc.countries, (c) => `<td>${logHtml(c.value)}</td>${sightingCells(c, tz)}`) +
    listTable('User agents', ['User agent', ...SIGHTING_HEADS], inc.userAgents, (u) => `<td class="ua">${logHtml(u.value)}</td>${sightingCells(u, tz)}`) +
    '</article>'
  );
}

/**
 * The incidents section: one article per incident (severity, span, ties, its revocations as links
 * to their sections, and its addresses, tokens, actors, networks, countries and user agents).
 * Empty when the report has no incidents (`--no-window`, or a scan that does not group them).
 */
export function incidentsHtml(incidents: readonly Incident[] | undefined, links: ReadonlyMap<string, RevocationLink>, timeZone: string | undefined): string {
  if (incidents === undefined || incidents.length === 0) return '';
  const intro = `<p>${escapeHtml(plural(incidents.length, 'incident'))}: revocations grouped when their windows share an event, a revoked token, or an address a revoked token was used from.</p>`;
  return `<section id="incidents" aria-labelledby="incidents-h"><h2 id="incidents-h">Incidents</h2>${intro}${incidents.map((inc, i) => incidentHtml(inc, i + 1, links, timeZone)).join('')}</section>`;
}
