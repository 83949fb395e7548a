// CSV reporter: one row per activity-window event (one row for a finding without events), for spreadsheets.
import type { WindowEvent } from '../model/window.js';
import { csvRecord } from './csv-cell.js';
import { actorName, targetNames } from './entity-name.js';
import type { Finding, ScanReport } from '../model/report.js';
import type { Reporter } from './reporter.js';
import { evidenceOf, viaToken, type Evidence } from './evidence.js';

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'finding_id',
  'token_id',
  'token_name',
  'revoked_at',
  'revoked_by_kind',
  'revoked_by',
  'revocation_outcome',
  'links',
  'published',
  'event_type',
  'actor',
  'ip_address',
  'country',
  'outcome',
  'target',
  'event_uuid',
  'detected_by',
  'severity',
  'signals',
  'via_token',
  'evidence',
  'evidence_signals',
] as const;

type Row = (string | null)[];

/** The finding's columns, repeated on each of its rows. */
function findingColumns(f: Finding): Row {
  const by = f.revokedBy;
  return [f.id, f.token.id, f.token.name, f.published, by.kind, by.alternateId ?? by.id, f.outcome];
}

/** Every target as `displayName` (else id, else type), separated by `; `. */
function targets(e: WindowEvent): string {
  return targetNames(e.targets).join('; ');
}

/** The event's columns: its links joined by `+` (`token+ip`), what happened, by whom, from where, and the loaded rules it matched. */
function eventColumns(e: WindowEvent): Row {
  const actor = actorName(e.actor);
  const rules = (e.detections ?? []).map((r) => r.title).join('; ');
  return [e.links.join('+'), e.published, e.eventType, actor, e.client.ipAddress, e.client.country, e.outcome, targets(e), e.uuid, rules];
}

/** The event columns of a finding's row when it has no window events. */
const NO_EVENT: Row = new Array<null>(CSV_COLUMNS.indexOf('detected_by') + 1 - CSV_COLUMNS.indexOf('links')).fill(null);

/** The triage columns: the finding's severity and signal ids, the token the call was made with, the event's evidence. */
function triageColumns(f: Finding, e: WindowEvent | null, evidence: Map<string, Evidence>): Row {
  const mark = e === null ? undefined : evidence.get(e.uuid);
  return [f.severity ?? null, (f.signals ?? []).map((s) => s.id).join('; '), e === null ? null : viaToken(e.requestApiToken), mark?.severity ?? null, mark?.signals.join('; ') ?? null];
}

/**
 * Yields a header row, then for each finding (in report order) one row per window event (in
 * window order), each carrying the finding's id, token, revocation time, revoker and revocation
 * outcome, and at the end its triage: the finding's severity and signal ids, the token a call was
 * made with (`via_token`), and the event's evidence (the highest severity of the signals citing
 * it, and their ids). A finding with no window events (or no window, with `--no-window`) still gets one row,
 * its event columns empty, so no revocation goes missing in a spreadsheet. RFC 4180: CRLF line
 * ends, quoted fields where needed; every value is escaped and formula-guarded by `csvCell`.
 */
export const csvReporter: Reporter = function* csvReporter(report: ScanReport) {
  yield csvRecord(CSV_COLUMNS);
  for (const finding of report.findings) {
    const head = findingColumns(finding);
    const evidence = evidenceOf(finding);
    const events = finding.window?.events ?? [];
    if (events.length === 0) yield csvRecord([...head, ...NO_EVENT, ...triageColumns(finding, null, evidence)]);
    for (const event of events) yield csvRecord([...head, ...eventColumns(event), ...triageColumns(finding, event, evidence)]);
  }
};
