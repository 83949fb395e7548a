// privileged-action: sensitive changes made with the token, or from the addresses it was used from.
import type { KeptEvent } from '../window/collector.js';
import { plural } from '../text/plural.js';
import type { SignalContext } from './context.js';
import { privilegedType } from './privileged-types.js';
import type { Severity } from '../model/severity.js';
import { lowerSeverity, maxSeverity } from './severity.js';
import type { Signal } from '../model/signal.js';

/**
 * How much one sensitive event weighs: its type's severity when it is token-linked; `low` when it
 * is a call of a type the token already made before the window (routine for it); one level lower
 * when it is linked by address only.
 */
function weigh(ctx: SignalContext, e: KeptEvent, base: Severity): { severity: Severity; routine: boolean } {
  if (!e.links.includes('token')) return { severity: lowerSeverity(base), routine: false };
  const routine = ctx.tokenId !== null && e.requestApiTokenId === ctx.tokenId && ctx.baselines.seenBefore(ctx.tokenId, 'eventType', e.eventType, ctx.start);
  return routine ? { severity: 'low', routine } : { severity: base, routine };
}

/**
 * One signal listing the window's token-linked and ip-linked events of a sensitive type (see
 * PRIVILEGED_TYPES), grouped by type with their reason; its severity is the heaviest event's.
 */
export function privilegedActionSignals(ctx: SignalContext): Signal[] {
  let severity: Severity = 'info';
  const groups = new Map<string, { reason: string; n: number; routine: number; byIp: number }>();
  const evidence: string[] = [];
  for (const e of ctx.events) {
    if (!e.links.includes('token') && !e.links.includes('ip')) continue;
    const entry = privilegedType(e.eventType);
    if (!entry || (entry.viaToken && e.requestApiTokenId === null)) continue;
    const w = weigh(ctx, e, entry.severity);
    severity = maxSeverity(severity, w.severity);
    const key = e.eventType;
    const g = groups.get(key) ?? { reason: entry.reason, n: 0, routine: 0, byIp: 0 };
    g.n++;
    if (w.routine) g.routine++;
    if (!e.links.includes('token')) g.byIp++;
    groups.set(key, g);
    evidence.push(e.uuid);
  }
  if (evidence.length === 0) return [];
  const parts = [...groups].map(([type, g]) => {
    const notes = [g.routine ? `${g.routine} routine for the token` : '', g.byIp ? `${g.byIp} by address only` : ''].filter(Boolean);
    return `${type} ×${g.n} (${g.reason}${notes.length ? `; ${notes.join(', ')}` : ''})`;
  });
  return [{
    id: 'privileged-action',
    severity,
    message: `${plural(evidence.length, 'sensitive change')} made with the token or from its addresses: ${parts.join(', ')}`,
    evidence,
  }];
}
