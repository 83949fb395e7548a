// HTML reporter: one self-contained page (styles, script and data inline, nothing loaded) with the incidents, each revocation, its timeline and events.
import { actorName, targetName } from '../entity-name.js';
import type { Detection, Finding, ScanReport } from '../../model/report.js';
import type { Reporter, ReportOptions } from '../reporter.js';
import { formatTime, formatUtc, timeHeader } from '../table/cells.js';
import { evidenceSeverities } from '../table/signal-rows.js';
import { bySeverity } from '../table/severity-view.js';
import { plural } from '../../text/plural.js';
import { escapeHtml, logHtml } from './escape.js';
import { eventTable } from './event-table.js';
import { incidentsHtml, type RevocationLink } from './incidents.js';
import { OriginalsTable } from './originals.js';
import { pageHeader, revocationIndex } from './overview.js';
import { pageEnd, pageStart } from './page.js';
import { revocationFacts, revocationHeading, signalsHtml, type EvidenceTarget } from './revocation.js';
import { buildTimelineModel, revokerName } from './timeline/build.js';
import { baselineText, timelineFigure } from './timeline-figure.js';

/** Shown instead of a timeline when nothing in the input is linked to the revocation. */
const EMPTY_WINDOW = 'No linked events in this window.';

/** The revocation's section: heading, facts, signals, then (with a window) its timeline and events. */
function* revocationSection(
  f: Finding,
  id: string,
  number: number,
  total: number,
  originals: OriginalsTable,
  options: ReportOptions,
): Generator<string> {
  const tz = options.timeZone;
  const original = originals.revocation(f.id, f.event);
  yield `\n<section class="rev" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${revocationHeading(f, number, total)}</h2>${revocationFacts(f, original, tz)}`;
  const w = f.window;
  const targets = new Map<string, EvidenceTarget>([[f.id, { row: -1, label: 'the revocation itself' }]]);
  if (w === undefined) {
    yield `${signalsHtml(f, id, targets)}</section>`;
    return;
  }
  const entries = w.events.map((e) => originals.event(e.uuid, e.event, e.requestApiToken));
  w.events.forEach((e, row) => targets.set(e.uuid, { row, label: `${formatUtc(Date.parse(e.published), e.published, tz)} ${e.eventType}` }));
  yield signalsHtml(f, id, targets);
  const evidence = evidenceSeverities(f);
  yield `<h3>Timeline</h3>${timelineFigure(buildTimelineModel(id, f, w, evidence, baselineText(options.baseline), tz))}<h3>Events</h3>`;
  if (w.events.length > 0) {
    const rules = w.events.some((e) => (e.detections?.length ?? 0) > 0);
    yield* eventTable(w, entries, { id, tokenId: f.token.id, evidence, timeZone: tz, rules });
  } else {
    yield `<p class="minor">${escapeHtml(EMPTY_WINDOW)}${w.dropped > 0 ? ` ${escapeHtml(`${w.dropped} dropped (--max-window-events).`)}` : ''}</p>`;
  }
  yield '</section>';
}

/** The detections of `--hunt`: one table, in time order. */
function detectionsSection(detections: readonly Detection[], tz: string | undefined): string {
  const heads = [timeHeader(tz), 'Rules', 'Event type', 'Actor', 'Address', 'Outcome', 'Targets'].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = detections.map(
    (d) =>
      `<tr><td>${escapeHtml(formatUtc(d.publishedMs, d.published, tz))}</td><td>${d.rules.map((r) => logHtml(r.title)).join('<br>')}</td>` +
      `<td>${logHtml(d.eventType)}</td><td>${logHtml(actorName(d.actor))}</td>` +
      `<td>${logHtml(d.client.ipAddress)}</td><td>${logHtml(d.outcome)}</td><td>${d.targets.map((t) => logHtml(targetName(t))).join('<br>') || '-'}</td></tr>`,
  );
  return (
    `\n<section id="detections" aria-labelledby="detections-h"><h2 id="detections-h">Detections (${detections.length})</h2>` +
    '<p class="minor">Other events the loaded rules matched (--hunt).</p>' +
    `<div class="scroll"><table class="list"><thead><tr>${heads}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

/** What a link to a revocation says: `ci-deploy by ann@corp.example, 2024-03-05 16:18:30Z`. */
function linkLabel(f: Finding, tz: string | undefined): string {
  return `${f.token.name ?? f.token.id ?? 'unnamed token'} by ${revokerName(f)}, ${formatTime(f, tz)}`;
}

/**
 * Yields the report as one HTML document: the header (totals, inputs), the incidents (when the
 * report has them), an index of the revocations, then per revocation (most severe first, like the
 * table) its facts, signals with links to their evidence, an SVG timeline and its events' table,
 * then the detections of `--hunt`. Every log string is escaped for where it goes; each original
 * record is written once, as inline JSON after the section that first shows it. Nothing in the page loads anything (see page.ts). The
 * text depends only on the report and options: no generation time, ids numbered in page order.
 */
export const htmlReporter: Reporter = function* htmlReporter(report: ScanReport, options: ReportOptions) {
  const tz = options.timeZone;
  const findings = bySeverity(report.findings);
  const ids = findings.map((_, i) => `r${i + 1}`);
  const links = new Map<string, RevocationLink>(findings.map((f, i) => [f.id, { id: ids[i]!, label: linkLabel(f, tz) }]));
  const originals = new OriginalsTable(options.originals);
  yield pageStart(`Okta API token revocations: ${plural(report.findings.length, 'revocation')}`);
  yield `<main>${pageHeader(report)}`;
  yield incidentsHtml(report.incidents, links, tz);
  yield revocationIndex(findings, ids, tz);
  for (const [i, f] of findings.entries()) {
    yield* revocationSection(f, ids[i]!, i + 1, findings.length, originals, options);
    yield* originals.flush();
  }
  if (report.detections !== undefined && report.detections.length > 0) yield detectionsSection(report.detections, tz);
  yield '\n</main>';
  yield* pageEnd(originals);
};
