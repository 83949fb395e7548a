// The link rules as data: which event fields each link compares with which key of a revocation, and how each key is found.
import { CREATE_EVENT, REVOKE_EVENT } from '../events/event-types.js';
import { OKTA_ACTOR, TOKEN_TARGET } from '../events/revocation.js';
import type { LinkKind } from '../model/window.js';

// The revocation event type and Okta's own actor are the events stage's; the SQL generators read them here.
export { OKTA_ACTOR, REVOKE_EVENT };

/**
 * An event field a link compares. `targets.id` is the id of any one of the event's targets; the
 * others are single values. A field that is absent or null never links.
 */
export type LinkField = 'requestApiTokenId' | 'targets.id' | 'actor.id' | 'client.ipAddress';

/** A key of one revocation that event fields are compared with: one value, or for `tokenIps` a set of them. */
export type LinkKey = 'tokenId' | 'actorId' | 'ownerId' | 'tokenIps';

/** One link kind: an event is linked when any of `fields` equals the revocation's `key` (is a member of it, for a set). */
export interface LinkRule {
  readonly kind: LinkKind;
  readonly fields: readonly LinkField[];
  readonly key: LinkKey;
}

/** The link rules, in the order links are listed on every event (LINK_ORDER). */
export const LINK_RULES: readonly LinkRule[] = [
  { kind: 'token', fields: ['requestApiTokenId', 'targets.id'], key: 'tokenId' },
  { kind: 'actor', fields: ['actor.id'], key: 'actorId' },
  { kind: 'owner', fields: ['actor.id'], key: 'ownerId' },
  { kind: 'ip', fields: ['client.ipAddress'], key: 'tokenIps' },
];

/** The keys compared with a set of values rather than with one value. */
export const SET_KEYS: ReadonlySet<LinkKey> = new Set<LinkKey>(['tokenIps']);

/**
 * How each key of a revocation is found: the special rules of the links. The two switches
 * (`noneWhenOkta`, `revocationCounts`) are typed boolean, not `true`: the scan and the SQL
 * generators both read them, so either may be turned here and both follow.
 */
export const KEY_RULES = {
  /**
   * The revoked token's id: the revocation's first target of type `targetType` (compared
   * case-insensitively), else its first target whose id starts with `fallbackPrefix`.
   */
  tokenId: { from: 'revoked-token', targetType: TOKEN_TARGET.type, fallbackPrefix: TOKEN_TARGET.fallbackPrefix },
  /** The revoker's id; none when Okta itself revoked (OKTA_ACTOR): every Okta job would be linked. */
  actorId: { from: 'revoker', noneWhenOkta: true as boolean },
  /**
   * The actor id of the token's earliest `eventType` event (compared case-insensitively) naming it
   * as a target of type `targetType`; none when there is no such event.
   */
  ownerId: { from: 'earliest-create', eventType: CREATE_EVENT, targetType: 'token' },
  /**
   * The addresses of the calls made with the token (`requestApiTokenId` equal to it) inside the
   * window; the revocation's own address (when not empty) counts when it was made with the token.
   */
  tokenIps: { from: 'token-calls-in-window', revocationCounts: true as boolean },
} as const;
