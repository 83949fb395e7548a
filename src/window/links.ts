// The link rules: how an event is tied to a revocation (token, actor, owner, ip).
import type { OktaEvent } from '../events/types.js';
import { LINK_ORDER, type LinkKind } from '../model/window.js';

/** What an event is compared with: one revocation's token, revoker, owner and addresses. */
export interface LinkTarget {
  tokenId: string | null;
  /** The revoker's id; null when Okta itself revoked (every Okta job would match). */
  actorId: string | null;
  /** The token owner's id (actor of its create event); null when unknown. */
  ownerId: string | null;
  /** Addresses the token was used from inside the window. */
  tokenIps: ReadonlySet<string>;
}

/** The fields the link rules read. */
export type LinkSubject = Pick<OktaEvent, 'requestApiTokenId' | 'targets'> & {
  actor: { id: string | null };
  client: { ipAddress: string | null };
};

/** True when the event is a call made with the token or names it as a target. */
export function isTokenLinked(event: LinkSubject, tokenId: string | null): boolean {
  if (tokenId === null) return false;
  if (event.requestApiTokenId === tokenId) return true;
  for (const t of event.targets) if (t.id === tokenId) return true;
  return false;
}

/** Every link that applies, in LINK_ORDER. */
export function linksOf(event: LinkSubject, target: LinkTarget): LinkKind[] {
  const out: LinkKind[] = [];
  for (const kind of LINK_ORDER) {
    switch (kind) {
      case 'token':
        if (isTokenLinked(event, target.tokenId)) out.push(kind);
        break;
      case 'actor':
        if (target.actorId !== null && event.actor.id === target.actorId) out.push(kind);
        break;
      case 'owner':
        if (target.ownerId !== null && event.actor.id === target.ownerId) out.push(kind);
        break;
      case 'ip':
        if (event.client.ipAddress !== null && target.tokenIps.has(event.client.ipAddress)) out.push(kind);
        break;
    }
  }
  return out;
}
