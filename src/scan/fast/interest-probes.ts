// A stage's interest (tokens, actors, addresses in time spans) turned into the raw-byte probes that find those events.
import type { EventInterest, Span } from '../../events/interest.js';
import type { ProbeSpec, TimeSpan, ValueSpans } from './filter-spec.js';

/**
 * A value's spans as time gates, overlapping spans of one event type merged: a record is read when
 * some span holds its time, so the union is the same gate, checked once (a busy revoker's dozens of
 * revocations give dozens of overlapping spans).
 */
function mergedSpans(spans: readonly Span[]): TimeSpan[] {
  const out: TimeSpan[] = [];
  const sorted = [...spans].sort((a, b) => (a.eventType ?? '').localeCompare(b.eventType ?? '') || a.from - b.from);
  let last: TimeSpan | undefined;
  for (const s of sorted) {
    if (last && last[2] === s.eventType && s.from <= last[1]) last[1] = Math.max(last[1], s.to);
    else out.push((last = s.eventType === undefined ? [s.from, s.to] : [s.from, s.to, s.eventType]));
  }
  return out;
}

function valueSpans(map: Map<string, Span[]>): ValueSpans {
  return [...map].map(([value, spans]) => [value, mergedSpans(spans)]);
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
