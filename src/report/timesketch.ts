// Timesketch reporter: JSONL of the revocations and their window events, one line per distinct event, tagged by finding.
import { compareTimeThenId } from '../model/order.js';
import { LINK_ORDER, type LinkKind } from '../model/window.js';
import { stringifySafe } from './json-text.js';
import type { Finding, ScanReport } from '../model/report.js';
import type { Reporter } from './reporter.js';
import { evidenceOf, type Evidence } from './evidence.js';
import { maxSeverity } from '../signals/severity.js';
import type { Severity } from '../model/severity.js';
import { SIGNAL_IDS } from '../model/signal.js';
import { detectionLine, markDetected, revocationLine, SOURCE_TAG, windowLine, type TimesketchLine } from './timesketch-lines.js';

interface Entry {
  line: TimesketchLine;
  ms: number;
  uuid: string;
  links: Set<LinkKind>;
  /** The highest severity of the findings the event belongs to. */
  severity?: Severity;
  /** Signals (of any of those findings) citing the event, with the highest severity among them. */
  evidence?: Evidence;
}

/** Adds a finding's severity and its evidence for this event to an entry. */
function rate(entry: Entry, finding: Finding, evidence: Evidence | undefined): void {
  if (finding.severity !== undefined) entry.severity = entry.severity === undefined ? finding.severity : maxSeverity(entry.severity, finding.severity);
  if (evidence === undefined) return;
  if (entry.evidence === undefined) entry.evidence = { severity: evidence.severity, signals: [...evidence.signals] };
  else {
    entry.evidence.severity = maxSeverity(entry.evidence.severity, evidence.severity);
    for (const s of evidence.signals) if (!entry.evidence.signals.includes(s)) entry.evidence.signals.push(s);
    entry.evidence.signals.sort((a, b) => SIGNAL_IDS.indexOf(a) - SIGNAL_IDS.indexOf(b));
  }
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
    const evidence = evidenceOf(f);
    const rev = revocationLine(f);
    const revEntry = entry(f.id, rev.event_type as string, f.published, () => rev);
    if (revEntry.line !== rev) Object.assign(revEntry.line, rev, { tag: revEntry.line.tag, finding_ids: revEntry.line.finding_ids });
    if (!revEntry.line.tag.includes('revocation')) revEntry.line.tag.push('revocation');
    tagWith(revEntry, f, []);
    rate(revEntry, f, evidence.get(f.id));
    for (const e of f.window?.events ?? []) {
      const ev = entry(e.uuid, e.eventType, e.published, () => windowLine(e));
      tagWith(ev, f, e.links);
      rate(ev, f, evidence.get(e.uuid));
      markDetected(ev.line, e.detections ?? []);
    }
  }
  for (const d of report.detections ?? []) markDetected(entry(d.id, d.eventType, d.published, () => detectionLine(d)).line, d.rules);
  const sorted = [...entries.values()].sort((a, b) => compareTimeThenId(a.ms || 0, a.uuid, b.ms || 0, b.uuid));
  for (const { line, links, severity, evidence } of sorted) {
    withoutRevocationRules(line);
    const linkList = LINK_ORDER.filter((l) => links.has(l));
    // Same order on every line: source, kind tags, findings, links, evidence.
    const kinds = [SOURCE_TAG, 'revocation', 'detection'].filter((t) => line.tag.includes(t));
    const marks = evidence === undefined ? [] : [`evidence:${evidence.severity}`, ...evidence.signals.map((s) => `signal:${s}`)];
    line.tag = [...kinds, ...line.tag.filter((t) => t.startsWith('finding:')), ...linkList.map((l) => `link:${l}`), ...marks];
    const triage = {
      ...(severity === undefined ? {} : { finding_severity: severity }),
      ...(evidence === undefined ? {} : { evidence: evidence.severity, evidence_signals: evidence.signals }),
    };
    yield `${stringifySafe({ ...line, links: linkList, ...triage })}\n`;
  }
};
