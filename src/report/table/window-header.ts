// The header block of one activity window: token, revoker, time, client, owner, bounds, counts.
import type { ActivityWindow } from '../../model/window.js';
import { MISSING, formatTime, formatUtc, line, revokedByLines } from './cells.js';
import type { LabelledRow } from './labelled.js';
import { linkCountItems } from './link-tags.js';
import type { Finding } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { plural } from '../../text/plural.js';
import { spansOf, type CellLine, type Span } from './styled.js';

/** Shown as the owner when the input has no create event for the token. */
export const UNKNOWN_OWNER = 'unknown (no system.api_token.create event for this token in the input)';

type Items = (readonly Span[])[];

/** The items of a value: its lines that are present, or a single dim `-`. */
function present(lines: readonly CellLine[]): Items {
  const shown = lines.filter((l) => l !== MISSING);
  return (shown.length === 0 ? [MISSING] : shown).map(spansOf);
}

/** Prose split into words (joined by spaces when laid out), so it wraps instead of being cut. */
function words(text: string): Items {
  return text.split(' ').map((w) => [{ text: w }]);
}

/** An ISO time of the window as `2024-05-01 12:00:00Z` (as given, escaped, if unparseable). */
function windowTime(iso: string, timeZone?: string): string {
  return formatUtc(Date.parse(iso), iso, timeZone);
}

function ownerItems(owner: ActivityWindow['owner']): Items {
  if (owner === null) return words(UNKNOWN_OWNER);
  const lines = [line(owner.alternateId ?? owner.id)];
  if (owner.displayName && owner.displayName !== owner.alternateId) lines.push(line(owner.displayName, 'dim'));
  return present(lines);
}

function fromItems({ client }: Finding): Items {
  const place = [client.city, client.country].filter((v): v is string => !!v).join(', ');
  return present([line(client.ipAddress), line(place)]);
}

/** `57 events · token 12 · actor 3 · owner 40 · ip 2 · 3 IPs · 2 countries` as items. */
function countItems(w: ActivityWindow): Items {
  return [
    [{ text: plural(w.eventCount, 'event') }],
    ...linkCountItems(w.summary.byLink),
    [{ text: plural(w.summary.ipAddresses.length, 'IP') }],
    [{ text: plural(w.summary.countries.length, 'country', 'countries') }],
  ];
}

/**
 * The header rows shown above a window's timeline: which token, who revoked it, when and from
 * where, who owns the token (or why that is unknown), the window's bounds and a one-line count
 * of its events by link, addresses and countries. Every log value goes through `safeText`.
 */
export function windowHeaderRows(finding: Finding, window: ActivityWindow, timeZone?: string): LabelledRow[] {
  return [
    { label: 'Token', items: present([line(finding.token.name), line(finding.token.id)]) },
    { label: 'Revoked by', items: present(revokedByLines(finding)) },
    { label: 'When', items: [[{ text: formatTime(finding, timeZone) }]] },
    { label: 'From', items: fromItems(finding) },
    { label: 'Owner', items: ownerItems(window.owner), separator: window.owner === null ? ' ' : undefined },
    {
      label: 'Window',
      items: [
        [{ text: windowTime(window.start, timeZone) }],
        [{ text: `→ ${windowTime(window.end, timeZone)}` }],
        [{ text: safeText(`(${window.before} before, ${window.after} after)`), style: 'dim' }],
      ],
      separator: ' ',
    },
    { label: 'Events', items: countItems(window) },
  ];
}
