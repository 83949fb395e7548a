// A revocation event and the rules it matched → the Finding record every format reports.
import { isoUtc } from '../events/time.js';
import type { OktaEvent } from '../events/types.js';
import { SCHEMA_VERSION, type Finding, type RuleRef } from '../model/report.js';
import { revoker, tokenTarget } from '../events/revocation.js';

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
