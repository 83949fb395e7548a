// Timesketch reporter: JSONL of the revocations and their window events, one line per distinct event, tagged by finding.
import { compareTimeThenId } from '../model/order.js';
import { LINK_ORDER, type LinkKind } from '../model/window.js';
import { stringifySafe } from './json-text.js';
import type { Finding, ScanReport } from '../model/report.js';
import type { Reporter } from './reporter.js';
import { detectionLine, markDetected, revocationLine, SOURCE_TAG, windowLine, type TimesketchLine } from './timesketch-lines.js';

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
 * On a revocation's line, the rules that made it a finding (`rules`) are not also a detection:
 * they are dropped from `detected_by`, and the `detection` tag goes when nothing else is left.
 */
function withoutRevocationRules(line: TimesketchLine): void {
  if (!line.tag.includes('revocation') || line.detected_by === undefined) return;
  const own = new Set(line.rules as string[]);
  const other = (line.detected_by as string[]).filter((t) => !own.has(t));
  if (other.length > 0) {
    line.detected_by = other;
    return;
  }
  delete line.detected_by;
  line.tag.splice(line.tag.indexOf('detection'), 1);
}

/**
 * Yields one JSON line per distinct event (uuid, type and time) for Timesketch's JSONL import:
 * `message`, `datetime` (ISO 8601 UTC), `timestamp` (µs), `timestamp_desc`, `tag`, then flat
 * fields. Each revocation is a line tagged `revocation`; each event of its activity window is a
 * line with the window's links (`link:token`, …). An event in several windows, or a revocation
 * inside another revocation's window, is written once and tagged `finding:<id>` for every finding
 * it belongs to (`finding_ids` lists them). With `--hunt`, detections are lines too, and every
 * line whose event matched a loaded rule is tagged `detection`, with the rules' titles in
 * `detected_by`. Lines are in time order, then uuid. Log text in
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
    for (const e of f.window?.events ?? []) {
      const ev = entry(e.uuid, e.eventType, e.published, () => windowLine(e));
      tagWith(ev, f, e.links);
      markDetected(ev.line, e.detections ?? []);
    }
  }
  for (const d of report.detections ?? []) markDetected(entry(d.id, d.eventType, d.published, () => detectionLine(d)).line, d.rules);
  const sorted = [...entries.values()].sort((a, b) => compareTimeThenId(a.ms || 0, a.uuid, b.ms || 0, b.uuid));
  for (const { line, links } of sorted) {
    withoutRevocationRules(line);
    const linkList = LINK_ORDER.filter((l) => links.has(l));
    // Same order on every line: source, kind tags, findings, links.
    const kinds = [SOURCE_TAG, 'revocation', 'detection'].filter((t) => line.tag.includes(t));
    line.tag = [...kinds, ...line.tag.filter((t) => t.startsWith('finding:')), ...linkList.map((l) => `link:${l}`)];
    yield `${stringifySafe({ ...line, links: linkList })}\n`;
  }
};
