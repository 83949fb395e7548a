// What makes two records the same event: its uuid, type and time.
import type { OktaEvent } from './types.js';

/**
 * The identity of an event: two records with the same one are the same event exported twice (a
 * reused uuid on a different event, as hand-made fixtures have, is not a duplicate).
 */
export function eventIdentity(e: Pick<OktaEvent, 'uuid' | 'eventType' | 'published'>): string {
  return `${e.uuid}\u0000${e.eventType}\u0000${e.published}`;
}
