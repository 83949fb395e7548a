// An event (not a revocation) and the rules it matched → the detection record `--hunt` reports.
import type { Entity } from '../model/entity.js';
import { isoUtc } from '../events/time.js';
import type { OktaEvent } from '../events/types.js';
import { SCHEMA_VERSION, type Detection, type RuleRef } from '../model/report.js';
import { findingClient } from './finding.js';

function entity(e: Entity): Entity {
  return { id: e.id, type: e.type, alternateId: e.alternateId, displayName: e.displayName };
}

/**
 * The detection record of an event and the rules it matched. The record keeps the event's JSON
 * text, not the parsed event, so a detection costs its text plus a few short strings.
 */
export function buildDetection(event: OktaEvent, rules: RuleRef[]): Detection {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'detection',
    id: event.uuid,
    published: isoUtc(event.published),
    publishedMs: event.published,
    rules,
    eventType: event.eventType,
    actor: entity(event.actor),
    client: findingClient(event),
    outcome: event.outcome.result,
    targets: event.targets.map(entity),
    event: { text: event.text ?? JSON.stringify(event.original) },
  };
}
