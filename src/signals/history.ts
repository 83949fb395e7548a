// Second-pass history for triage signals: which extra records to parse, and what they tell.
import type { OktaEvent } from '../events/types.js';
import type { Finding } from '../model/report.js';
import type { EventInterest } from '../events/interest.js';
import { IDLE_EXPIRY_MS, type SignalOptions } from './options.js';
import { RevokerPlaces } from './revoker-places.js';
import { TokenActivity } from './token-activity.js';

/** The window bounds of a finding, as the collector uses them (ms before and after). */
export interface WindowBounds {
  before: number;
  after: number;
}

/**
 * Follows, in the second pass, each revoked token from `baseline` before its window (and, for
 * revocations by Okta, 30 days before the revocation) and each person revoker over the same
 * span. Its interest widens the windows' time spans by just that much: records outside
 * these spans are still never parsed.
 */
export class SignalHistory {
  readonly tokens = new TokenActivity();
  readonly revokers = new RevokerPlaces();

  /**
   * `madeWithToken` holds the ids of revocations that were themselves calls made with an API
   * token: their revoker's sign-ins and addresses say nothing about the request, so they are
   * not followed.
   */
  constructor(findings: readonly Finding[], bounds: WindowBounds, opts: SignalOptions, madeWithToken: ReadonlySet<string> = new Set()) {
    for (const f of findings) {
      const at = f.publishedMs;
      const start = at - bounds.before;
      const end = at + bounds.after;
      const baselineFrom = start - opts.baseline;
      if (f.token.id !== null) {
        const from = f.revokedBy.kind === 'system' ? Math.min(baselineFrom, at - IDLE_EXPIRY_MS) : baselineFrom;
        this.tokens.add(f.id, { tokenId: f.token.id, revokedAt: at, start, end, baselineFrom, from, idleFrom: at - IDLE_EXPIRY_MS });
      }
      if (f.revokedBy.kind === 'user' && f.revokedBy.id !== null && !madeWithToken.has(f.id)) this.revokers.add(f.id, f.revokedBy.id, at, baselineFrom, end);
    }
  }

  /** The events the history needs: the followed tokens' calls and the revokers' sign-ins. */
  interest(): EventInterest {
    return { tokenCalls: this.tokens.spans(), actors: this.revokers.spans(), addresses: new Map() };
  }

  /** Offers one second-pass event; true when the history used it (so copies are skipped). */
  observe(event: OktaEvent): boolean {
    const a = this.tokens.observe(event);
    const b = this.revokers.observe(event);
    return a || b;
  }
}
