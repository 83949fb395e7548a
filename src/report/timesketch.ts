// Timesketch reporter: JSONL of the revocations and their window events, one line per distinct event, tagged by finding.
import { LINK_ORDER, type LinkKind } from '../window/types.js';
import { stringifySafe } from './json-text.js';
import type { Finding, Reporter, ScanReport } from './model.js';
import { revocationLine, windowLine, type TimesketchLine } from './timesketch-lines.js';

interface Entry {
  line: TimesketchLine;
  ms: number;
  uuid: string;
  links: Set<LinkKind>;
}

/** Adds `finding` to an entry: its id, a `finding:<id>` tag, and the links the event has for it. */
function tagWith(entry: Entry, finding: Finding, links: readonly LinkKind[]): void {
  if (!entry.line.finding_ids.includes(finding.id)) {
    entry.line.finding_ids.push(finding.id);
    entry.line.tag.push(`finding:${finding.id}`);
  }
  for (const l of links) entry.links.add(l);
}

/**
 * Yields one JSON line per distinct event (uuid, type and time) for Timesketch's JSONL import:
 * `message`, `datetime` (ISO 8601 UTC), `timestamp` (µs), `timestamp_desc`, `tag`, then flat
 * fields. Each revocation is a line tagged `revocation`; each event of its activity window is a
 * line with the window's links (`link:token`, …). An event in several windows, or a revocation
 * inside another revocation's window, is written once and tagged `finding:<id>` for every finding
 * it belongs to (`finding_ids` lists them). Lines are in time order, then uuid. Log text in
 * `message` is escaped like table cells; every line is written with `stringifySafe`.
 */
export const timesketchReporter: Reporter = function* timesketchReporter(report: ScanReport) {
  const entries = new Map<string, Entry>();
  const entry = (uuid: string, eventType: string, published: string, make: () => TimesketchLine): Entry => {
    const key = `${uuid}\u0000${eventType}\u0000${published}`;
    let e = entries.get(key);
    if (e === undefined) {
      e = { line: make(), ms: Date.parse(published), uuid, links: new Set() };
      entries.set(key, e);
    }
    return e;
  };
  for (const f of report.findings) {
    const rev = revocationLine(f);
    const revEntry = entry(f.id, rev.event_type as string, f.published, () => rev);
    if (revEntry.line !== rev) Object.assign(revEntry.line, rev, { tag: revEntry.line.tag, finding_ids: revEntry.line.finding_ids });
    if (!revEntry.line.tag.includes('revocation')) revEntry.line.tag.push('revocation');
    tagWith(revEntry, f, []);
    for (const e of f.window?.events ?? []) tagWith(entry(e.uuid, e.eventType, e.published, () => windowLine(e)), f, e.links);
  }
  const sorted = [...entries.values()].sort((a, b) => (a.ms || 0) - (b.ms || 0) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  for (const { line, links } of sorted) {
    const linkList = LINK_ORDER.filter((l) => links.has(l));
    for (const l of linkList) line.tag.push(`link:${l}`);
    yield `${stringifySafe({ ...line, links: linkList })}\n`;
  }
};
