// The incident summary of the table output: per incident, its revocations, what ties them, and who, what and where took part.
import type { Incident, IncidentAddress } from '../../model/incident.js';
import type { Finding } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { formatUtc } from './cells.js';
import { renderLabelled, type LabelledRow } from './labelled.js';
import { severitySpan } from './severity-view.js';
import type { Span } from './styled.js';
import { truncate } from './width.js';
import type { SectionLayout } from './window-section.js';

/** Entries of each list shown; the rest are counted (`--format json` has them all). */
const INCIDENT_LIST_LIMIT = 5;

type Items = (readonly Span[])[];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2024-03-05 13:47:03Z → 14:06:18Z` (the date once when both ends share it), or one time when equal. */
function timeSpan(first: string, last: string, timeZone?: string): string {
  const a = formatUtc(Date.parse(first), first, timeZone);
  const b = formatUtc(Date.parse(last), last, timeZone);
  if (a === b) return a;
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} → ${b.slice(11)}` : `${a} → ${b}`;
}

/** Text as items, one per word, so a long value wraps instead of being cut. */
function words(text: string, style?: Span['style']): Items {
  return safeText(text)
    .split(' ')
    .map((w) => [style === undefined ? { text: w } : { text: w, style }]);
}

/** The first INCIDENT_LIST_LIMIT of a list as items, and `… N more` for the rest. */
function limited<T>(list: readonly T[], item: (x: T) => readonly Span[]): Items {
  const shown: Items = list.slice(0, INCIDENT_LIST_LIMIT).map(item);
  if (list.length > INCIDENT_LIST_LIMIT) shown.push([{ text: `… ${list.length - INCIDENT_LIST_LIMIT} more`, style: 'dim' }]);
  return shown;
}

/** `AS9009 m247`, or whichever of the two is known. */
function network(asNumber: string | null, asOrg: string | null): string {
  return [asNumber === null ? null : `AS${asNumber}`, asOrg].filter((v) => v !== null).join(' ');
}

/** The rows of one incident, under its heading. */
function incidentRows(incident: Incident, findings: ReadonlyMap<string, Finding>, timeZone?: string): LabelledRow[] {
  const tokenName = new Map(incident.tokens.map((t) => [t.id, t.name ?? t.id]));
  const names = (ids: readonly string[]) => ids.map((id) => tokenName.get(id) ?? id).join(', ');
  const rows: LabelledRow[] = [];
  // One row each for the long entries (revocations, addresses, user agents, tokens), wrapped at words.
  const each = <T>(label: string, list: readonly T[], items: (x: T) => Items, what: string) => {
    for (const [i, x] of list.slice(0, INCIDENT_LIST_LIMIT).entries()) rows.push({ label: i === 0 ? label : '', items: items(x), separator: ' ' });
    if (list.length > INCIDENT_LIST_LIMIT) rows.push({ label: '', items: [[{ text: `… ${list.length - INCIDENT_LIST_LIMIT} more ${what} (--format json lists them)`, style: 'dim' }]] });
  };
  each('Revocations', incident.revocations, (id) => {
    const f = findings.get(id);
    if (f === undefined) return [[{ text: safeText(id) }]];
    const by = f.revokedBy.kind === 'system' ? 'Okta' : (f.revokedBy.alternateId ?? f.revokedBy.id ?? '-');
    const failed = f.outcome !== null && f.outcome !== 'SUCCESS';
    return [
      [{ text: safeText(f.token.name ?? f.token.id ?? '-') }],
      ...words(`by ${by}, ${formatUtc(f.publishedMs, f.published, timeZone)}`),
      ...(failed ? [[{ text: `(${safeText(f.outcome!)})`, style: 'red' as const }]] : []),
    ];
  }, 'revocations');
  const ties = incident.ties;
  if (incident.revocations.length > 1) {
    const tied: Items = [];
    if (ties.sharedEvents > 0) tied.push([{ text: `${plural(ties.sharedEvents, 'event')} in more than one window` }]);
    if (ties.tokens.length > 0) tied.push([{ text: `revoked more than once: ${safeText(names(ties.tokens))}` }]);
    if (ties.addresses.length > 0) tied.push([{ text: `token addresses ${safeText(ties.addresses.join(', '))}` }]);
    rows.push({ label: 'Shared', items: tied });
  }
  each('Addresses', incident.addresses, (a) => addressItems(a, names, timeZone), 'addresses');
  const events = (x: { events: number }) => ({ text: ` ${plural(x.events, 'event')}`, style: 'dim' as const });
  if (incident.networks.length > 0) {
    rows.push({
      label: 'Networks',
      items: limited(incident.networks, (n) => [{ text: safeText(network(n.asNumber, n.asOrg)) }, events(n), { text: `, ${plural(n.addresses.length, 'address', 'addresses')}`, style: 'dim' }]),
    });
  }
  if (incident.countries.length > 0) rows.push({ label: 'Countries', items: limited(incident.countries, (c) => [{ text: safeText(c.value) }, events(c)]) });
  each('User agents', incident.userAgents, (u) => [[{ text: safeText(u.value) }], ...words(`${plural(u.events, 'event')}, ${timeSpan(u.firstSeen, u.lastSeen, timeZone)}`, 'dim')], 'user agents');
  each('Actors', incident.actors, (a) => {
    const via = a.tokens.length > 0 ? `; calls made with ${names(a.tokens)} are logged under this actor` : '';
    const from = a.addresses.length === 0 ? '' : ` from ${plural(a.addresses.length, 'address', 'addresses')}`;
    return [[{ text: safeText(a.label) }], ...words(`${plural(a.events, 'event')}${from}${via}`)];
  }, 'actors');
  each('Tokens', incident.tokens, (t) => {
    const fate = t.revocations.length === 0 ? 'not revoked' : t.revocations.length === 1 ? 'revoked' : `revoked ${t.revocations.length} times`;
    const calls = t.calls === 0 ? 'no call' : `${plural(t.calls, 'call')} from ${plural(t.addresses.length, 'address', 'addresses')}`;
    return [[{ text: safeText(t.name ?? t.id) }], [{ text: safeText(t.id), style: 'dim' }], ...words(`${fate}, ${calls}, ${timeSpan(t.firstSeen, t.lastSeen, timeZone)}`)];
  }, 'tokens');
  return rows;
}

/** `198.51.100.23 (Bucharest, Romania, AS9009 m247, proxy): 9 events in 3 windows, … ; tokens ci-deploy; actors …` as items. */
function addressItems(a: IncidentAddress, names: (ids: readonly string[]) => string, timeZone?: string): Items {
  const place = [a.city, a.country, network(a.asNumber, a.asOrg) || null].filter((v): v is string => !!v);
  const items: Items = [[{ text: safeText(a.ip) }]];
  const where = [...place, ...(a.proxy ? ['proxy'] : [])];
  if (where.length > 0) items.push(...words(`(${where.join(', ')})`, 'dim'));
  const parts = [`${plural(a.events, 'event')} in ${plural(a.windows, 'window')}, ${timeSpan(a.firstSeen, a.lastSeen, timeZone)}`];
  if (a.tokens.length > 0) parts.push(`${a.tokens.length === 1 ? 'token' : 'tokens'} ${names(a.tokens)}`);
  if (a.actors.length > 0) parts.push(`${a.actors.length === 1 ? 'actor' : 'actors'} ${a.actors.join(', ')}`);
  items.push(...words(parts.join('; ')));
  return items;
}

/**
 * Yields the incident summary, before the windows: per incident a bold heading (`Incident 1 of 2:
 * 3 revocations, 23 events, high`) and labelled rows (revocations, what they share, addresses,
 * networks, countries, user agents, actors, tokens; at most INCIDENT_LIST_LIMIT of each), set apart
 * by blank lines. A leading blank line unless `afterBlank`; nothing without incidents.
 */
export function* incidentSection(
  incidents: readonly Incident[],
  findings: readonly Finding[],
  layout: SectionLayout,
  afterBlank = false,
): Generator<string> {
  if (incidents.length === 0) return;
  const byId = new Map(findings.map((f) => [f.id, f]));
  const { width, chalk, timeZone } = layout;
  for (const [i, incident] of incidents.entries()) {
    if (i > 0 || !afterBlank) yield '\n';
    const heading = `Incident ${i + 1} of ${incidents.length}: ${plural(incident.revocations.length, 'revocation')}, ${plural(incident.eventCount, 'event')}, ${timeSpan(incident.firstSeen, incident.lastSeen, timeZone)}`;
    const severity = incident.severity === undefined ? '' : ` ${chalk.dim('·')} ${renderSeverity(incident, chalk)}`;
    const cut = width === undefined ? heading : truncate(heading, Math.max(1, width - (incident.severity ? incident.severity.length + 3 : 0)));
    yield `${chalk.bold(cut)}${severity}\n`;
    yield* renderLabelled(incidentRows(incident, byId, timeZone), width, chalk);
  }
}

function renderSeverity(incident: Incident, chalk: SectionLayout['chalk']): string {
  const span = severitySpan(incident.severity!);
  const paint = { red: chalk.red, yellow: chalk.yellow, blue: chalk.blue, dim: chalk.dim } as Record<string, (s: string) => string>;
  return span.style && paint[span.style] ? paint[span.style]!(span.text) : span.text;
}
