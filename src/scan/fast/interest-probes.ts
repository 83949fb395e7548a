// A stage's interest (tokens, actors, addresses in time spans) turned into the raw-byte probes that find those events.
import type { EventInterest, Span } from '../../events/interest.js';
import type { ProbeSpec, TimeSpan, ValueSpans } from './filter-spec.js';

function valueSpans(map: Map<string, Span[]>): ValueSpans {
  return [...map].map(([value, spans]) => [value, spans.map((s): TimeSpan => (s.eventType === undefined ? [s.from, s.to] : [s.from, s.to, s.eventType]))]);
}

/**
 * The probes that find every event of `interest`: one per kind of value (token calls, actors,
 * addresses), each value's spans as time gates. A span's event type is matched bare in the bytes,
 * so an event carried as JSON text (`\"user.session.start\"`) is found too.
 */
export function probesFor(interest: EventInterest): ProbeSpec[] {
  const out: ProbeSpec[] = [];
  if (interest.tokenCalls.size) out.push({ kind: 'token', spans: valueSpans(interest.tokenCalls) });
  if (interest.actors.size) out.push({ kind: 'actor', spans: valueSpans(interest.actors) });
  if (interest.addresses.size) out.push({ kind: 'ip', spans: valueSpans(interest.addresses) });
  return out;
}
