// What a revocation event says: which token it revokes, and whether a person or Okta itself revoked it.
import type { Entity } from '../model/entity.js';
import type { Revoker } from '../model/report.js';
import type { OktaEvent } from './types.js';

/**
 * Okta's own actor (automatic revocations after 30 idle days, Okta Mobile token expiry): an actor
 * with this `alternateId` or this `type`, both compared case-insensitively.
 */
export const OKTA_ACTOR = { alternateId: 'system@okta.com', type: 'systemprincipal' } as const;

/** The revoked token among a revocation's targets: the first of this type (any case), else the first id with this prefix. */
export const TOKEN_TARGET = { type: 'token', fallbackPrefix: '00T' } as const;

/** Okta's own actor (OKTA_ACTOR). */
export function isOktaSystem(actor: Entity): boolean {
  return actor.alternateId?.toLowerCase() === OKTA_ACTOR.alternateId || actor.type?.toLowerCase() === OKTA_ACTOR.type;
}

/** The revoked token (TOKEN_TARGET): the `Token` target (case-insensitive type), else the first `00T…` target. */
export function tokenTarget(event: OktaEvent): Entity | null {
  return (
    event.targets.find((t) => t.type?.toLowerCase() === TOKEN_TARGET.type) ??
    event.targets.find((t) => t.id?.startsWith(TOKEN_TARGET.fallbackPrefix)) ??
    null
  );
}

/** Who revoked: Okta itself (`system`) or a person or service acting as a user (`user`). */
export function revoker(actor: Entity): Revoker {
  return { kind: isOktaSystem(actor) ? 'system' : 'user', ...actor };
}
