// A revocation event and the rules it matched → the Finding record every format reports.
import { isoUtc } from '../events/time.js';
import type { OktaEvent } from '../events/types.js';
import { SCHEMA_VERSION, type Finding, type FindingClient, type RuleRef } from '../model/report.js';
import { revoker, tokenTarget } from '../events/revocation.js';

/** The client fields a finding or a detection reports of its event. */
export function findingClient(event: OktaEvent): FindingClient {
  const { ipAddress, city, country, userAgent } = event.client;
  return { ipAddress, city, country, userAgent };
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
    client: findingClient(event),
    event: event.original,
  };
}
