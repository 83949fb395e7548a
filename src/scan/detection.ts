// Rules against one event: which loaded rules it matched, and the detection record `--hunt` reports.
import type { Entity } from '../model/entity.js';
import { isoUtc } from '../events/time.js';
import type { OktaEvent } from '../events/types.js';
import { SCHEMA_VERSION, type Detection, type RuleRef } from '../model/report.js';
import type { SigmaRule } from '../rules/index.js';

/** `{id, title, level}` of every rule in `rules` that matches `doc`, in rule order. */
export function matchingRules(rules: readonly SigmaRule[], doc: Record<string, unknown>): RuleRef[] {
  const out: RuleRef[] = [];
  for (const rule of rules) {
    if (rule.matches(doc)) out.push({ id: rule.id, title: rule.title, level: rule.level });
  }
  return out;
}

function entity(e: Entity): Entity {
  return { id: e.id, type: e.type, alternateId: e.alternateId, displayName: e.displayName };
}

/**
 * The detection record of an event and the rules it matched. The record keeps the event's JSON
 * text, not the parsed event: `event` is a getter that parses the text when it is read (when the
 * record is written out), so a detection costs its text plus a few short strings.
 */
export function buildDetection(event: OktaEvent, rules: RuleRef[]): Detection {
  const detection = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'detection',
    id: event.uuid,
    published: isoUtc(event.published),
    publishedMs: event.published,
    rules,
    eventType: event.eventType,
    actor: entity(event.actor),
    client: {
      ipAddress: event.client.ipAddress,
      city: event.client.city,
      country: event.client.country,
      userAgent: event.client.userAgent,
    },
    outcome: event.outcome.result,
    targets: event.targets.map(entity),
  } as Detection;
  const text = event.text ?? JSON.stringify(event.original);
  Object.defineProperty(detection, 'event', { enumerable: true, get: () => JSON.parse(text) as unknown });
  return detection;
}

/** Records (findings or detections) per rule id, in the order the ids are first met. */
export function countByRule(records: readonly { rules: readonly RuleRef[] }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) for (const { id } of r.rules) counts.set(id, (counts.get(id) ?? 0) + 1);
  // fromEntries defines own properties, so an id like `__proto__` is counted like any other.
  return Object.fromEntries(counts);
}
