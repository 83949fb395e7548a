// The opening of the HTML report: what was scanned, the revocations by severity, and an index linking to each one.
import { SEVERITIES } from '../../model/severity.js';
import type { Finding, ScanReport } from '../../model/report.js';
import { formatTime, timeHeader } from '../table/cells.js';
import { plural } from '../../text/plural.js';
import { escapeHtml, fragmentHref, logHtml } from './escape.js';
import { severityBadge } from './event-table.js';
import { revokerName } from './timeline/build.js';

/** Diagnostics listed on the page; the JSON format has up to 1000. */
const DIAGNOSTICS_SHOWN = 20;

/** `3 revocations in 46 events from 1 input (0 duplicates skipped, 0 input problems).` */
function totals(report: ScanReport): string {
  const s = report.summary;
  const hunted = s.detections === undefined ? '' : ` and ${plural(s.detections, 'detection')}`;
  return `${plural(s.findings, 'revocation')}${hunted} in ${plural(s.events, 'event')} from ${plural(s.files, 'input')} (${plural(s.duplicates, 'duplicate')} skipped, ${plural(s.diagnostics, 'input problem')}).`;
}

function inputsList(report: ScanReport): string {
  const items = report.inputs.map((i) => {
    const what = i.error === undefined ? `${i.format}, ${plural(i.events, 'event')}` : `not read: ${i.error}`;
    return `<li><code>${logHtml(i.path)}</code> <span class="minor">${logHtml(what)}</span></li>`;
  });
  return `<ul class="inputs">${items.join('')}</ul>`;
}

function severityCounts(findings: readonly Finding[]): string {
  if (!findings.some((f) => f.severity !== undefined)) return '';
  const parts = [...SEVERITIES].reverse().map((s) => `${severityBadge(s, false)} ${findings.filter((f) => f.severity === s).length}`);
  return `<p class="sevcount">By severity: ${parts.join(' · ')}</p>`;
}

function diagnosticsHtml(report: ScanReport): string {
  const n = report.summary.diagnostics;
  if (n === 0) return '';
  const items = report.diagnostics.slice(0, DIAGNOSTICS_SHOWN).map((d) => {
    const where = [d.file, d.line === undefined ? null : `line ${d.line}`, d.offset === undefined ? null : `byte ${d.offset}`].filter((v) => v !== null).join(', ');
    return `<li>${logHtml(where)}: ${logHtml(d.reason)}</li>`;
  });
  const more = n > items.length ? `<li class="minor">${escapeHtml(`… ${n - items.length} more (--format json lists up to 1000)`)}</li>` : '';
  return `<details class="diag"><summary>${escapeHtml(plural(n, 'input problem'))} (bad records were skipped)</summary><ul>${items.join('')}${more}</ul></details>`;
}

/** The page's header: title, totals, the inputs, severities and input problems. */
export function pageHeader(report: ScanReport): string {
  return (
    '<header class="top"><h1>Okta API token revocations</h1>' +
    `<p class="lead">${escapeHtml(totals(report))}</p>${inputsList(report)}${severityCounts(report.findings)}${diagnosticsHtml(report)}</header>`
  );
}

/** One row of the revocations index, linking to the revocation's section `id`. */
function indexRow(f: Finding, id: string, number: number, timeZone: string | undefined): string {
  const signals = (f.signals ?? []).map((s) => s.id).join(', ');
  return (
    `<tr><td class="n"><a href="${fragmentHref(id)}">${number}</a></td><td>${f.severity === undefined ? '-' : severityBadge(f.severity, false)}</td>` +
    `<td class="tm">${escapeHtml(formatTime(f, timeZone))}</td><td><a href="${fragmentHref(id)}">${logHtml(f.token.name ?? f.token.id, 'unnamed token')}</a></td>` +
    `<td>${logHtml(revokerName(f))}</td><td>${logHtml(f.outcome)}</td><td class="n">${f.window === undefined ? '-' : f.window.eventCount}</td>` +
    `<td class="minor">${escapeHtml(signals)}</td></tr>`
  );
}

/** The index of the revocations (in the page's order, each linking to `ids[i]`). */
export function revocationIndex(findings: readonly Finding[], ids: readonly string[], timeZone: string | undefined): string {
  if (findings.length === 0) return '<section id="revocations"><h2>Revocations</h2><p>No API token revocations found.</p></section>';
  const heads = ['#', 'Severity', timeHeader(timeZone), 'Token', 'Revoked by', 'Outcome', 'Events', 'Signals'].map((h) => `<th scope="col">${escapeHtml(h)}</th>`);
  const rows = findings.map((f, i) => indexRow(f, ids[i]!, i + 1, timeZone));
  return (
    '<section id="revocations" aria-labelledby="revocations-h"><h2 id="revocations-h">Revocations</h2>' +
    '<p class="minor">Most severe first, then by time; each links to its section: header, signals, timeline and events.</p>' +
    `<div class="scroll"><table class="list index"><thead><tr>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}
