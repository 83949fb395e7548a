// Second pass: a revoked token's calls per minute around its window, and its last call before the revocation.
import type { OktaEvent } from '../events/types.js';
import { addSpan, type Span } from '../events/interest.js';

const MINUTE = 60_000;

/** What the second pass learns about the token of one revocation. */
export interface TokenActivityTrack {
  tokenId: string;
  revokedAt: number;
  /** Window bounds (ms, inclusive). */
  start: number;
  end: number;
  /** Calls before `start` from here on count in the baseline. */
  baselineFrom: number;
  /** Calls from here on are looked at (baseline and idle-expiry checks). */
  from: number;
  /** Calls in [idleFrom, revokedAt) count for `lastUse` (Okta's 30-day idle expiry). */
  idleFrom: number;
  /** Minute index (ms / 60000) → calls, inside the window. */
  windowMinutes: Map<number, number>;
  /** Minute index → calls, in [baselineFrom, start). */
  baselineMinutes: Map<number, number>;
  /** The latest call in [max(from, idleFrom), revokedAt), if any. */
  lastUse: { at: number; uuid: string } | null;
}

function bump(map: Map<number, number>, minute: number): void {
  map.set(minute, (map.get(minute) ?? 0) + 1);
}

/**
 * Counts the calls made with revoked tokens from `from` to the window's end, per revocation.
 * Memory: one counter per active minute of that span, whatever the input size.
 */
export class TokenActivity {
  private readonly byToken = new Map<string, TokenActivityTrack[]>();
  /** Tracks by revocation (finding) id. */
  readonly tracks = new Map<string, TokenActivityTrack>();

  /** Follows the token of revocation `id` over [from, end]. */
  add(id: string, track: Omit<TokenActivityTrack, 'windowMinutes' | 'baselineMinutes' | 'lastUse'>): void {
    const t: TokenActivityTrack = { ...track, windowMinutes: new Map(), baselineMinutes: new Map(), lastUse: null };
    this.tracks.set(id, t);
    const list = this.byToken.get(t.tokenId);
    if (list) list.push(t);
    else this.byToken.set(t.tokenId, [t]);
  }

  /** The followed tokens, each with the spans in which its calls count. */
  spans(): Map<string, Span[]> {
    const out = new Map<string, Span[]>();
    for (const [id, list] of this.byToken) for (const t of list) addSpan(out, id, { from: t.from, to: t.end });
    return out;
  }

  /** Counts a call made with a followed token; true when it was used. */
  observe(event: OktaEvent): boolean {
    if (event.requestApiTokenId === null) return false;
    const list = this.byToken.get(event.requestApiTokenId);
    if (!list) return false;
    const at = event.published;
    let used = false;
    for (const t of list) {
      if (at < t.from || at > t.end) continue;
      used = true;
      if (at >= t.start) bump(t.windowMinutes, Math.floor(at / MINUTE));
      else if (at >= t.baselineFrom) bump(t.baselineMinutes, Math.floor(at / MINUTE));
      if (at >= t.idleFrom && at < t.revokedAt && (t.lastUse === null || at > t.lastUse.at)) t.lastUse = { at, uuid: event.uuid };
    }
    return used;
  }
}
