// Which API tokens an event names as targets: every `Token` target, else (token events only) a target whose id looks like a token id.
import type { Entity } from '../model/entity.js';
import type { OktaEvent } from '../events/types.js';
import { TOKEN_EVENT_PREFIX } from './interest.js';

/** Whether the event type (any case) is an API token lifecycle event (`system.api_token.*`). */
export function isTokenEvent(eventType: string): boolean {
  return eventType.length > TOKEN_EVENT_PREFIX.length && eventType.slice(0, TOKEN_EVENT_PREFIX.length).toLowerCase() === TOKEN_EVENT_PREFIX;
}

/**
 * The event's targets that are API tokens, each id once: those of type `Token` (any case); for a
 * token lifecycle event without one, the first target whose id starts with `00T` (as
 * `tokenTarget` picks the revoked token). Targets without an id are left out.
 */
export function tokenTargets(event: OktaEvent): Entity[] {
  const seen = new Set<string>();
  const typed = event.targets.filter((t) => t.id !== null && t.id !== '' && t.type?.toLowerCase() === 'token' && !seen.has(t.id) && (seen.add(t.id), true));
  if (typed.length > 0 || !isTokenEvent(event.eventType)) return typed;
  const byId = event.targets.find((t) => t.id?.startsWith('00T'));
  return byId ? [byId] : [];
}
