// What each column of the token table shows: sanitised lines, each with an optional style; the token's name and id are never cut.
import type { TokenRecord, TokenStatus } from '../../model/token.js';
import { safeText } from '../sanitize.js';
import { formatUtc, line, MISSING } from '../table/cells.js';
import type { ColumnSpec } from '../table/grid.js';
import { severitySpan } from '../table/severity-view.js';
import { spanLine, type CellLine, type LineStyle } from '../table/styled.js';
import { displayWidth } from '../table/width.js';

/** Names go on several lines of the Token column when wider than this, or than the widest id. */
export const NAME_WRAP = 16;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` broken into lines of at most `width` columns, between grapheme clusters, nothing left out
 * (a cluster wider than `width` gets a line of its own).
 */
export function breakText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width && current !== '') {
      lines.push(current);
      current = '';
      used = 0;
    }
    current += segment;
    used += w;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** The Token column: the name (dim `(no name)` when unknown), then the full id, each broken at `width` columns, never cut. */
export function tokenLines(t: TokenRecord, width: number): CellLine[] {
  const wrap = Math.max(1, width);
  const name: CellLine[] = t.name ? breakText(safeText(t.name), wrap).map((text) => ({ text })) : [{ text: '(no name)', style: 'dim' }];
  return [...name, ...breakText(safeText(t.id), wrap).map((text) => ({ text }))];
}

/** The widest line `tokenLines` makes for any of `tokens` at `width`: the Token column's floor. */
export function tokenColumnWidth(tokens: readonly TokenRecord[], width: number): number {
  let widest = 'Token'.length;
  for (const t of tokens) for (const l of tokenLines(t, width)) widest = Math.max(widest, displayWidth(l.text));
  return widest;
}

/** Colour of a status: a failed revocation red, a revoked token green; `active` plain (it only means "no revocation seen"). */
const STATUS_STYLE: Readonly<Partial<Record<TokenStatus, LineStyle>>> = { 'revoke-failed': 'red', revoked: 'green', 'revoked-by-okta': 'green' };

/** The owner's alternateId (else id), then the display name when it differs; a dim `-` when unknown. */
function ownerLines(t: TokenRecord): CellLine[] {
  const o = t.owner;
  if (!o) return [MISSING];
  const lines = [line(o.alternateId ?? o.id)];
  if (o.displayName && o.displayName !== o.alternateId) lines.push(line(o.displayName, 'dim', true));
  return lines;
}

/** A time as two lines: the date, then the time of day with its zone (`15:10:05Z`, `16:10:05+01:00`). */
function timeLines(iso: string, timeZone?: string): CellLine[] {
  const text = formatUtc(Date.parse(iso), iso, timeZone);
  const space = text.indexOf(' ');
  return space < 0 ? [{ text }] : [{ text: text.slice(0, space) }, { text: text.slice(space + 1) }];
}

/** The creation time, then `via <token id>` (yellow) when another token made it. */
function createdLines(t: TokenRecord, timeZone?: string): CellLine[] {
  const c = t.created;
  if (!c) return [MISSING];
  const lines = timeLines(c.published, timeZone);
  if (c.viaToken) lines.push({ text: `via ${safeText(c.viaToken)}`, style: 'yellow', minor: true });
  return lines;
}

/** Countries shown in the Places column before `+N`. */
const PLACES_SHOWN = 3;

/**
 * Countries of the listed addresses, most calls first, one per line (at most PLACES_SHOWN, then
 * `+N`), then a dim count of addresses (those --max-values left out included).
 */
function placeLines(t: TokenRecord): CellLine[] {
  const countries = [...new Set(t.addresses.map((a) => a.country).filter((c): c is string => !!c))];
  const addresses = t.addresses.length + t.omitted.addresses;
  if (addresses === 0) return [MISSING];
  const lines = countries.slice(0, PLACES_SHOWN).map((c) => line(c));
  if (countries.length > PLACES_SHOWN) lines.push({ text: `+${countries.length - PLACES_SHOWN} more`, style: 'dim' });
  lines.push({ text: `${addresses} address${addresses === 1 ? '' : 'es'}`, style: 'dim', minor: true });
  return lines;
}

/** One line per flag: its severity (coloured) and id. */
function flagLines(t: TokenRecord): CellLine[] {
  if (t.flags.length === 0) return [MISSING];
  return t.flags.map((f) => spanLine([severitySpan(f.severity), { text: ` ${f.id}` }]));
}

/**
 * The token table's columns, left to right, with times in UTC or in `timeZone` (`--tz`); the
 * Token column is `tokenWidth` columns wide at least, so that nothing in it is cut.
 */
export function tokenColumns(tokenWidth: number, nameWrap: number, timeZone?: string): readonly ColumnSpec<TokenRecord>[] {
  return [
    { header: 'Token', min: tokenWidth, lines: (t) => tokenLines(t, nameWrap) },
    { header: 'Owner', min: 6, lines: ownerLines },
    { header: 'Created', min: 10, lines: (t) => createdLines(t, timeZone) },
    { header: 'Last used', min: 10, lines: (t) => (t.lastUsed === null ? [{ text: 'never', style: 'dim' }] : timeLines(t.lastUsed, timeZone)) },
    { header: 'Calls', min: 5, lines: (t) => [{ text: String(t.calls) }] },
    { header: 'Places', min: 6, lines: placeLines },
    { header: 'Status', min: 6, lines: (t) => [{ text: t.status, ...(STATUS_STYLE[t.status] ? { style: STATUS_STYLE[t.status] } : {}) }] },
    { header: 'Flags', min: 8, lines: flagLines },
  ];
}
