// The rules that combine severities: the higher of two, one lower, and a finding's from its signals.
import { SEVERITIES, severityRank, type Severity } from '../model/severity.js';
import type { Signal } from '../model/signal.js';

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** One level lower (never below info). */
export function lowerSeverity(s: Severity): Severity {
  return SEVERITIES[Math.max(0, severityRank(s) - 1)]!;
}

/**
 * A finding's severity: the highest severity among its signals (`info` when it has none),
 * raised one level when two or more different signals share that highest level and it is `low`
 * or `medium` (independent evidence agreeing: e.g. a new country and an anonymising proxy).
 * `info` signals never raise anything, and nothing goes above `high`.
 */
export function combineSeverity(signals: readonly Signal[]): Severity {
  let top = 0;
  for (const s of signals) top = Math.max(top, severityRank(s.severity));
  if (top === 0 || top === severityRank('high')) return SEVERITIES[top]!;
  const atTop = new Set(signals.filter((s) => severityRank(s.severity) === top).map((s) => s.id));
  return SEVERITIES[atTop.size >= 2 ? top + 1 : top]!;
}

/**
 * Why `combineSeverity` gives what it gives, in one line: the signal(s) at the top level, whether two
 * different ones raised it, or that nothing unusual was found. Log values are not quoted.
 */
export function severityReason(signals: readonly Signal[]): string {
  const severity = combineSeverity(signals);
  let top = 0;
  for (const s of signals) top = Math.max(top, severityRank(s.severity));
  if (top === 0) return signals.length === 0 ? 'nothing unusual found in the window' : 'only information, nothing unusual in the window';
  const atTop = [...new Set(signals.filter((s) => severityRank(s.severity) === top).map((s) => s.id))];
  const level = SEVERITIES[top]!;
  if (severity !== level) return `two different ${level} signals agree (${atTop.join(', ')}): raised one level`;
  return `the highest of its signals: ${atTop.join(', ')} (${level})`;
}
