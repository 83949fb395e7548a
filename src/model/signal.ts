// Triage signal shapes: what is unusual in a revocation's window, how bad, and which events show it.
import { severityRank, type Severity } from './severity.js';

/** Every signal id, in the order signals of the same severity are listed. */
export const SIGNAL_IDS = [
  'privileged-action',
  'okta-threat',
  'rule-match',
  'new-country',
  'new-asn',
  'new-ip',
  'new-user-agent',
  'burst',
  'failures',
  'revoker-context',
  'dormant-token',
  'no-baseline',
] as const;

/** One of SIGNAL_IDS. */
export type SignalId = (typeof SIGNAL_IDS)[number];

/** Something unusual about one revocation, with the uuids of the events that show it. */
export interface Signal {
  id: SignalId;
  severity: Severity;
  /** One line for people; log values in it are raw (reporters escape them). */
  message: string;
  /** uuids of the events that show it (window events, or the revocation itself), in time order. */
  evidence: string[];
}

/** Signals order: severity (highest first), then SIGNAL_IDS order. */
export function compareSignals(a: Signal, b: Signal): number {
  return severityRank(b.severity) - severityRank(a.severity) || SIGNAL_IDS.indexOf(a.id) - SIGNAL_IDS.indexOf(b.id);
}
