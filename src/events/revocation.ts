// What a revocation event says: which token it revokes, and whether a person or Okta itself revoked it.
import type { Entity } from '../model/entity.js';
import type { Revoker } from '../model/report.js';
import type { OktaEvent } from './types.js';

/** Okta's own actor: automatic revocations after 30 idle days, Okta Mobile token expiry. */
function isOktaSystem(actor: Entity): boolean {
  return actor.alternateId?.toLowerCase() === 'system@okta.com' || actor.type?.toLowerCase() === 'systemprincipal';
}

/** The revoked token: the `Token` target (case-insensitive type), else the first `00T…` target. */
export function tokenTarget(event: OktaEvent): Entity | null {
  return (
    event.targets.find((t) => t.type?.toLowerCase() === 'token') ??
    event.targets.find((t) => t.id?.startsWith('00T')) ??
    null
  );
}

/** Who revoked: Okta itself (`system`) or a person or service acting as a user (`user`). */
export function revoker(actor: Entity): Revoker {
  return { kind: isOktaSystem(actor) ? 'system' : 'user', ...actor };
}
