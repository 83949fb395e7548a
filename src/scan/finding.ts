// A revocation event and the rules it matched → the Finding record every format reports.
import { isoUtc } from '../events/time.js';
import type { OktaEntity, OktaEvent } from '../events/types.js';
import { SCHEMA_VERSION, type Finding, type Revoker, type RuleRef } from '../report/model.js';
import { KEY_RULES, OKTA_ACTOR } from '../window/link-spec.js';

export { CREATE_EVENT, REVOKE_EVENT } from '../window/link-spec.js';

/** Okta's own actor (OKTA_ACTOR): automatic revocations after 30 idle days, Okta Mobile token expiry. */
export function isOktaSystem(actor: OktaEntity): boolean {
  return actor.alternateId?.toLowerCase() === OKTA_ACTOR.alternateId || actor.type?.toLowerCase() === OKTA_ACTOR.type;
}

/** The revoked token (KEY_RULES.tokenId): the `Token` target (case-insensitive type), else the first `00T…` target. */
export function tokenTarget(event: OktaEvent): OktaEntity | null {
  const rule = KEY_RULES.tokenId;
  return (
    event.targets.find((t) => t.type?.toLowerCase() === rule.targetType) ??
    event.targets.find((t) => t.id?.startsWith(rule.fallbackPrefix)) ??
    null
  );
}

/** Who revoked: Okta itself (`system`) or a person or service acting as a user (`user`). */
export function revoker(actor: OktaEntity): Revoker {
  return { kind: isOktaSystem(actor) ? 'system' : 'user', ...actor };
}

/** Builds the finding for one revocation event. */
export function buildFinding(event: OktaEvent, rules: RuleRef[]): Finding {
  const token = tokenTarget(event);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'revocation',
    id: event.uuid,
    published: isoUtc(event.published),
    publishedMs: event.published,
    rules,
    token: { id: token?.id ?? null, name: token?.displayName ?? null },
    outcome: event.outcome.result,
    revokedBy: revoker(event.actor),
    client: {
      ipAddress: event.client.ipAddress,
      city: event.client.city,
      country: event.client.country,
      userAgent: event.client.userAgent,
    },
    event: event.original,
  };
}

/** Findings order (detections too): published time, then id. */
export function compareFindings(a: Pick<Finding, 'publishedMs' | 'id'>, b: Pick<Finding, 'publishedMs' | 'id'>): number {
  return a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
