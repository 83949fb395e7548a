// dormant-token: does a revocation by Okta look like its automatic expiry after 30 idle days?
import { roughly, utc, type SignalContext } from './context.js';
import { IDLE_EXPIRY_MS } from './options.js';
import type { Signal } from '../model/signal.js';

/**
 * For revocations by Okta only. Okta revokes a token by itself after 30 days without use: when
 * the input shows no call made with the token (and no creation of it) in the 30 days before,
 * an info signal says the revocation is consistent with that; a call or a creation in that
 * period makes it medium (unexpected, worth a look), with that event as evidence.
 */
export function dormantSignals(ctx: SignalContext): Signal[] {
  if (ctx.finding.revokedBy.kind !== 'system' || ctx.activity === null) return [];
  const at = ctx.revokedAt;
  const last = ctx.activity.lastUse;
  if (last !== null) {
    return [{
      id: 'dormant-token',
      severity: 'medium',
      message: `revoked by Okta although the token was used ${roughly(at - last.at)} before (${utc(last.at)}): Okta revokes tokens by itself only after 30 days without use`,
      evidence: [last.uuid],
    }];
  }
  const created = ctx.tokenCreatedAt;
  if (created !== null && created >= at - IDLE_EXPIRY_MS && created < at) {
    return [{
      id: 'dormant-token',
      severity: 'medium',
      message: `revoked by Okta although the token was created only ${roughly(at - created)} before (${utc(created)}): Okta revokes tokens by itself only after 30 days without use`,
      evidence: [],
    }];
  }
  return [{
    id: 'dormant-token',
    severity: 'info',
    message: 'no call made with the token in the 30 days before in the input: consistent with Okta revoking it after 30 idle days',
    evidence: [],
  }];
}
