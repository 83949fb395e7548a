// Severity levels, and the rule that turns a finding's signals into one severity.
import type { Signal } from './types.js';

/** How much a signal (or a finding) calls for a responder's attention, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;

/** One of SEVERITIES. */
export type Severity = (typeof SEVERITIES)[number];

/** The rank of a severity: info 0 … high 3. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** One level lower (never below info). */
export function lowerSeverity(s: Severity): Severity {
  return SEVERITIES[Math.max(0, severityRank(s) - 1)]!;
}

/** Whether `text` names a severity. */
export function isSeverity(text: string): text is Severity {
  return (SEVERITIES as readonly string[]).includes(text);
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
