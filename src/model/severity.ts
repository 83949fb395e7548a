// Severity levels of signals and findings, lowest first, and their rank.

/** How much a signal (or a finding) calls for a responder's attention, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;

/** One of SEVERITIES. */
export type Severity = (typeof SEVERITIES)[number];

/** The rank of a severity: info 0 … high 3. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
