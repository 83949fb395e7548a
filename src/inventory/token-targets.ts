// Which API tokens an event names as targets: every `Token` target, else (token events only) a target whose id looks like a token id.
import type { Entity } from '../model/entity.js';
import type { OktaEvent } from '../events/types.js';
import { TOKEN_EVENT_PREFIX } from './interest.js';

/** Whether the event type (any case) is an API token lifecycle event (`system.api_token.*`). */
export function isTokenEvent(eventType: string): boolean {
  return eventType.length > TOKEN_EVENT_PREFIX.length && eventType.slice(0, TOKEN_EVENT_PREFIX.length).toLowerCase() === TOKEN_EVENT_PREFIX;
}

/** Whether a target type is `Token` in any case (only a 5-unit string lowercases to `token`). */
function isTokenType(type: string | null): boolean {
  return type !== null && type.length === 5 && type.toLowerCase() === 'token';
}

/**
 * The event's targets that are API tokens, each id once: those of type `Token` (any case); for a
 * token lifecycle event without one, the first target whose id starts with `00T` (as
 * `tokenTarget` picks the revoked token). Targets without an id are left out.
 */
export function tokenTargets(event: OktaEvent): Entity[] {
  // Nearly every event read is a call with no Token target: nothing is allocated for it.
  let typed: Entity[] | null = null;
  for (const t of event.targets) {
    if (t.id === null || t.id === '' || !isTokenType(t.type) || typed?.some((k) => k.id === t.id)) continue;
    (typed ??= []).push(t);
  }
  if (typed !== null) return typed;
  if (!isTokenEvent(event.eventType)) return [];
  const byId = event.targets.find((t) => t.id?.startsWith('00T'));
  return byId ? [byId] : [];
}
