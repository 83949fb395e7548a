// The signals of a window in the table: labelled rows under its header, evidence marks, and their legend.
import { SEVERITIES, type Severity } from '../../model/severity.js';
import { maxSeverity, severityReason } from '../../signals/severity.js';
import type { Signal } from '../../model/signal.js';
import type { WindowEvent } from '../../model/window.js';
import type { ColumnSpec } from './grid.js';
import type { LabelledRow } from './labelled.js';
import type { Finding } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { plural } from '../../text/plural.js';
import { EVIDENCE_MARK, SEVERITY_STYLE, severitySpan } from './severity-view.js';
import type { Span } from './styled.js';

/** Shown when a finding has a severity but no signal. */
export const NO_SIGNALS = 'nothing unusual found';

/** One signal as items: `high privileged-action (4 events)` then its message word by word (escaped). */
function signalItems(s: Signal): (readonly Span[])[] {
  const head: Span[][] = [[severitySpan(s.severity)], [{ text: s.id }]];
  if (s.evidence.length > 0) head.push([{ text: `(${plural(s.evidence.length, 'event')})`, style: 'dim' }]);
  return [...head, ...safeText(s.message).split(' ').map((w) => [{ text: w }])];
}

/**
 * Rows for the window header: `Severity` (the finding's), then `Signals`, one row per signal
 * with its severity, id, evidence count and message. Nothing when the finding has no severity.
 */
export function signalRows(finding: Finding): LabelledRow[] {
  if (finding.severity === undefined) return [];
  // Say why: the signal(s) it comes from; for a failed attempt, that it rates the token's activity.
  const failed = finding.outcome !== null && finding.outcome.toUpperCase() !== 'SUCCESS';
  const why = `${severityReason(finding.signals ?? [])}${failed ? `. This revocation did not succeed (${finding.outcome}): the token stayed active, and the severity rates what it did in the window, not the attempt` : ''}`;
  const rows: LabelledRow[] = [{ label: 'Severity', items: [[severitySpan(finding.severity)], ...safeText(`— ${why}`).split(' ').map((w) => [{ text: w, style: 'dim' as const }])], separator: ' ' }];
  const signals = finding.signals ?? [];
  if (signals.length === 0) rows.push({ label: 'Signals', items: [[{ text: NO_SIGNALS, style: 'dim' }]] });
  for (const [i, s] of signals.entries()) rows.push({ label: i === 0 ? 'Signals' : '', items: signalItems(s), separator: ' ' });
  return rows;
}

/** uuid → the highest severity of the signals citing the event as evidence. */
export function evidenceSeverities(finding: Finding): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const s of finding.signals ?? []) {
    for (const uuid of s.evidence) {
      const known = out.get(uuid);
      out.set(uuid, known === undefined ? s.severity : maxSeverity(known, s.severity));
    }
  }
  return out;
}

/** Legend items for the evidence marks: `!!! high`, `!! medium`, `! low`, `* info` (marks coloured). */
export function evidenceLegendItems(): Span[][] {
  return [...SEVERITIES].reverse().map((s) => [{ text: EVIDENCE_MARK[s], style: SEVERITY_STYLE[s] }, { text: ` ${s}` }]);
}

/** The timeline's first column when a window has evidence: the mark of each evidence row, blank otherwise. */
export function evidenceColumn(evidence: ReadonlyMap<string, Severity>): ColumnSpec<WindowEvent> {
  return {
    header: '!',
    min: 3,
    lines: (e) => {
      const s = evidence.get(e.uuid);
      return [s === undefined ? { text: '' } : { text: EVIDENCE_MARK[s], style: SEVERITY_STYLE[s] }];
    },
  };
}
