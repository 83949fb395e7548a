// What the first pass learns about every token: who created it, and from where it was used when.
import type { Entity } from '../model/entity.js';
import type { OktaEvent } from '../events/types.js';
import type { TokenCall } from '../events/token-call.js';
import { KEY_RULES } from './link-spec.js';

/** The owner rule: the actor of the token's earliest create event naming it as a `Token` target. */
const OWNER = KEY_RULES.ownerId;

/** When a token was used from one address. */
export interface UseSpan {
  first: number;
  last: number;
}

/**
 * Token facts gathered in the first pass, in memory proportional to the number of distinct
 * tokens and (token, address) pairs, never to the number of events.
 */
export class TokenIndex {
  /** Token id → the actor of its earliest `system.api_token.create` event, and the name that event gives it. */
  readonly owners = new Map<string, { actor: Entity; published: number; name: string | null }>();
  /** Token id → address → first and last use made with the token from there. */
  readonly uses = new Map<string, Map<string, UseSpan>>();

  /** Whether the first pass must see this event (creates and calls made with a token). */
  static wants(event: OktaEvent): boolean {
    return event.requestApiTokenId !== null || event.eventType.toLowerCase() === OWNER.eventType;
  }

  /** Records who created the tokens an event creates (none for other events). */
  observeCreation(event: OktaEvent): void {
    if (event.eventType.toLowerCase() !== OWNER.eventType) return;
    for (const t of event.targets) {
      if (t.id === null || t.type?.toLowerCase() !== OWNER.targetType) continue;
      const known = this.owners.get(t.id);
      if (!known || event.published < known.published) this.owners.set(t.id, { actor: event.actor, published: event.published, name: t.displayName || null });
    }
  }

  /** Records a call made with a token: from where, when. */
  observeCall(call: TokenCall): void {
    const { tokenId, ip, published } = call;
    if (ip === null) return;
    let byIp = this.uses.get(tokenId);
    if (!byIp) this.uses.set(tokenId, (byIp = new Map<string, UseSpan>()));
    const span = byIp.get(ip);
    if (!span) byIp.set(ip, { first: published, last: published });
    else {
      if (published < span.first) span.first = published;
      if (published > span.last) span.last = published;
    }
  }

  /** Addresses the token was used from at some time within [start, end]: candidates for ip links. */
  ipsDuring(tokenId: string, start: number, end: number): string[] {
    const byIp = this.uses.get(tokenId);
    if (!byIp) return [];
    const out: string[] = [];
    for (const [ip, span] of byIp) if (span.last >= start && span.first <= end) out.push(ip);
    return out;
  }
}
