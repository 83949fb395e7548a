// failures: calls made with the token in the window that failed or were denied.
import { plural } from '../text/plural.js';
import type { SignalContext } from './context.js';
import type { Signal } from '../model/signal.js';

/** Outcomes that count as failed or denied. */
const FAILED = new Set(['FAILURE', 'DENY']);

/** From this many failed calls, and this share of all calls, the signal is medium instead of low. */
const FAILURES_MEDIUM = { count: 5, share: 0.2 } as const;

/**
 * Fires when at least one call made with the token in the window failed or was denied (probing
 * for permissions, enumeration): low, or medium from FAILURES_MEDIUM on. Evidence: those calls.
 */
export function failureSignals(ctx: SignalContext): Signal[] {
  const calls = ctx.calls;
  const failed = calls.filter((e) => e.outcome !== null && FAILED.has(e.outcome.toUpperCase()));
  if (failed.length === 0) return [];
  const share = failed.length / calls.length;
  const medium = failed.length >= FAILURES_MEDIUM.count && share >= FAILURES_MEDIUM.share;
  return [{
    id: 'failures',
    severity: medium ? 'medium' : 'low',
    message: `${failed.length} of ${plural(calls.length, 'call')} made with the token failed or were denied (${Math.round(share * 100)}%)`,
    evidence: failed.map((e) => e.uuid),
  }];
}
