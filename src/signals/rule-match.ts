// rule-match: window events that rules loaded with --rules matched (a rule's own level as evidence weight).
import { isRevokeEvent } from '../events/event-types.js';
import { plural } from '../text/plural.js';
import type { SignalContext } from './context.js';
import type { Severity } from '../model/severity.js';
import { maxSeverity } from './severity.js';
import type { Signal } from '../model/signal.js';

/** Sigma levels as signal severities (`critical` is as high as a signal goes). */
const LEVELS: Readonly<Record<string, Severity>> = { informational: 'info', low: 'low', medium: 'medium', high: 'high', critical: 'high' };

/** The severity a Sigma rule level gives; an unknown or missing level counts as `low`. */
export function levelSeverity(level: string | undefined): Severity {
  return LEVELS[(level ?? '').toLowerCase()] ?? 'low';
}

/**
 * Fires when window events matched loaded rules (their `detections`). Other revocations in the
 * window are left out: a revocation a rule matches is a finding of its own. The message counts
 * events per rule title and level; the severity is the highest rule level's (critical → high).
 */
export function ruleMatchSignals(ctx: SignalContext): Signal[] {
  let severity: Severity = 'info';
  const byRule = new Map<string, { title: string; level: string; n: number }>();
  const evidence: string[] = [];
  for (const e of ctx.events) {
    if (!e.detections.length || isRevokeEvent(e.eventType)) continue;
    evidence.push(e.uuid);
    for (const d of e.detections) {
      severity = maxSeverity(severity, levelSeverity(d.level));
      const key = `${d.id}\u0000${d.title}`;
      const g = byRule.get(key) ?? { title: d.title, level: d.level, n: 0 };
      g.n++;
      byRule.set(key, g);
    }
  }
  if (evidence.length === 0) return [];
  const parts = [...byRule.values()].sort((a, b) => b.n - a.n || a.title.localeCompare(b.title)).map((g) => `${g.title} ×${g.n} (${g.level || 'no level'})`);
  return [{
    id: 'rule-match',
    severity,
    message: `${plural(evidence.length, 'window event')} matched loaded rules: ${parts.join(', ')}`,
    evidence,
  }];
}
