// First pass: every token's distinct addresses, countries, networks, agents and event types, with first-seen times.
import type { TokenCall } from '../events/token-call.js';

/** The kinds of values a token's calls are compared on. */
export const BASELINE_KINDS = ['ip', 'country', 'asn', 'userAgent', 'eventType'] as const;

/** One of BASELINE_KINDS. */
export type BaselineKind = (typeof BASELINE_KINDS)[number];

/** What the whole input shows about one token's calls: first use, and each value's first use. */
export interface TokenUses {
  /** Earliest call made with the token (ms). */
  firstUse: number;
  /** Per kind: value → earliest call with that value (ms). */
  firstSeen: Record<BaselineKind, Map<string, number>>;
}

/** Records that `value` was seen at `t`, keeping the earliest time (null and empty values are not values). */
export function remember(map: Map<string, number>, value: string | null, t: number): void {
  if (value === null || value === '') return;
  const known = map.get(value);
  if (known === undefined || t < known) map.set(value, t);
}

/**
 * Per-token baselines gathered from the calls the first pass reads anyway (every event with
 * `requestApiTokenId`). Memory follows the distinct (token, value) pairs, never the event count.
 */
export class TokenBaselines {
  private readonly tokens = new Map<string, TokenUses>();

  /** Records a call made with a token. */
  observe(call: TokenCall): void {
    const id = call.tokenId;
    const t = call.published;
    let uses = this.tokens.get(id);
    if (!uses) {
      uses = { firstUse: t, firstSeen: { ip: new Map(), country: new Map(), asn: new Map(), userAgent: new Map(), eventType: new Map() } };
      this.tokens.set(id, uses);
    } else if (t < uses.firstUse) uses.firstUse = t;
    remember(uses.firstSeen.ip, call.ip, t);
    remember(uses.firstSeen.country, call.country, t);
    remember(uses.firstSeen.asn, call.network, t);
    remember(uses.firstSeen.userAgent, call.userAgent, t);
    remember(uses.firstSeen.eventType, call.eventType.toLowerCase(), t);
  }

  /** The token's baseline, or null when the input holds no call made with it. */
  get(tokenId: string): TokenUses | null {
    return this.tokens.get(tokenId) ?? null;
  }

  /** Whether the token made a call before `t`. */
  usedBefore(tokenId: string, t: number): boolean {
    const u = this.tokens.get(tokenId);
    return u !== undefined && u.firstUse < t;
  }

  /** Whether the token's first call with `value` of `kind` came before `t`. */
  seenBefore(tokenId: string, kind: BaselineKind, value: string, t: number): boolean {
    const first = this.tokens.get(tokenId)?.firstSeen[kind].get(kind === 'eventType' ? value.toLowerCase() : value);
    return first !== undefined && first < t;
  }
}
