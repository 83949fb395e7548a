// A record that is only a call made with a token, read as its facts by the thread that read it, so the main thread need not parse it.
import { isCreateEvent, isRevokeEvent } from '../../events/event-types.js';
import { normalize } from '../../events/normalize.js';
import { tokenCallOf, type TokenCall } from '../../events/token-call.js';
import { unwrap } from '../../events/unwrap.js';

/**
 * The call a record's text is, or null when the main thread must take the record itself: the text
 * is not valid JSON, holds anything but one plain event (a wrapper, several events, a problem),
 * the event is not a call made with a token, or it is one the scan reads whole (a revocation, a
 * token's creation). The caller offers only records a needle alone marked (no escape, NUL or
 * invalid UTF-8), so nothing here is ever a diagnostic: whatever is unusual goes to the main thread.
 */
export function tokenCallFromText(text: string): TokenCall | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const u = unwrap(value);
  if (u.problems.length > 0 || u.candidates.length !== 1 || u.candidates[0]!.value !== value) return null;
  // The uuid is not part of a call's facts: an event without one needs no name here.
  const r = normalize(value, () => '', text);
  if (!r.ok || isRevokeEvent(r.event.eventType) || isCreateEvent(r.event.eventType)) return null;
  return tokenCallOf(r.event);
}
