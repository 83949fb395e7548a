// okta-threat: what Okta itself flagged in the window (threat detection, suspected threat, risk, proxies).
import type { KeptEvent } from '../window/collector.js';
import { plural } from '../text/plural.js';
import type { SignalContext } from './context.js';
import type { Severity } from '../model/severity.js';
import { maxSeverity } from './severity.js';
import type { Signal } from '../model/signal.js';

const THREAT_DETECTED = 'security.threat.detected';

/** Okta's flags, heaviest first: how each is named and how much it weighs. */
const FLAGS: readonly { test(e: KeptEvent): boolean; label: string; severity: Severity }[] = [
  {
    test: (e) => e.eventType.length === THREAT_DETECTED.length && e.eventType.toLowerCase() === THREAT_DETECTED,
    label: THREAT_DETECTED,
    severity: 'high',
  },
  { test: (e) => e.facts.threatSuspected, label: 'threatSuspected', severity: 'high' },
  { test: (e) => e.facts.riskLevel === 'HIGH', label: 'risk HIGH', severity: 'medium' },
  { test: (e) => e.facts.isProxy === true, label: 'anonymising proxy (isProxy)', severity: 'medium' },
];

/**
 * One signal for the window's events that Okta flagged: a `security.threat.detected` event or
 * `debugContext.debugData.threatSuspected` = "true" (high), risk level HIGH or
 * `securityContext.isProxy` (medium). The message counts events per flag.
 */
export function oktaThreatSignals(ctx: SignalContext): Signal[] {
  let severity: Severity = 'info';
  const counts = FLAGS.map(() => 0);
  const evidence: string[] = [];
  for (const e of ctx.events) {
    let hit = false;
    for (let i = 0; i < FLAGS.length; i++) {
      const f = FLAGS[i]!;
      if (!f.test(e)) continue;
      counts[i]!++;
      severity = maxSeverity(severity, f.severity);
      hit = true;
    }
    if (hit) evidence.push(e.uuid);
  }
  if (evidence.length === 0) return [];
  const parts = FLAGS.flatMap((f, i) => (counts[i] ? [`${f.label} ${counts[i]}`] : []));
  return [{ id: 'okta-threat', severity, message: `Okta flagged ${plural(evidence.length, 'event')} in the window: ${parts.join(', ')}`, evidence }];
}
