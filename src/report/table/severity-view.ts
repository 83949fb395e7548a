// How severities look in the table: colour, evidence mark, the Severity column, and severity-first ordering.
import { compareFindings } from '../../model/order.js';
import { severityRank, type Severity } from '../../model/severity.js';
import type { ColumnSpec } from './grid.js';
import type { Finding } from '../../model/report.js';
import type { LineStyle, Span } from './styled.js';

/** The colour of each severity: mid-tone ANSI colours, readable on dark and light backgrounds. */
export const SEVERITY_STYLE: Readonly<Record<Severity, LineStyle>> = { high: 'red', medium: 'yellow', low: 'blue', info: 'dim' };

/**
 * The mark of a timeline row that is evidence for a signal, by the highest severity citing it:
 * the number of `!` carries the level without colour.
 */
export const EVIDENCE_MARK: Readonly<Record<Severity, string>> = { high: '!!!', medium: '!!', low: '!', info: '*' };

/** A severity as a coloured span. */
export function severitySpan(s: Severity): Span {
  return { text: s, style: SEVERITY_STYLE[s] };
}

/** The table's Severity column (first column when findings carry a severity). */
export const SEVERITY_COLUMN: ColumnSpec<Finding> = {
  header: 'Severity',
  min: 6,
  lines: (f) => (f.severity === undefined ? [{ text: '-', style: 'dim' }] : [severitySpan(f.severity)]),
};

/** Whether any finding carries a severity (windows were built). */
export function hasSeverities(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== undefined);
}

/**
 * The findings in table order: most severe first, then by time (then id), as a new array.
 * JSON outputs keep the time order; only the table reorders.
 */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === undefined ? -1 : severityRank(f.severity));
  return [...findings].sort(
    (a, b) => rank(b) - rank(a) || compareFindings(a, b),
  );
}
