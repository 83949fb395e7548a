// What a later stage wants to see of the events, in domain terms: tokens, actors, addresses, time spans.

/** A time span [from, to] (ms, both inclusive); with `eventType`, only events of that type count in it. */
export interface Span {
  from: number;
  to: number;
  eventType?: string;
}

/**
 * The events a stage (windows, triage signals) needs the scan to bring it. Each key maps a value
 * to the spans in which events with that value matter; events outside every span may be skipped.
 * How the scan finds them (raw-byte probes, a record index, threads) is its own business.
 */
export interface EventInterest {
  /** Calls made with these API tokens (`transaction.detail.requestApiTokenId`). */
  tokenCalls: Map<string, Span[]>;
  /** Events whose actor (`actor.id`) is one of these. */
  actors: Map<string, Span[]>;
  /** Events from these client addresses (`client.ipAddress`). */
  addresses: Map<string, Span[]>;
}

/** An interest in nothing. */
export function noInterest(): EventInterest {
  return { tokenCalls: new Map(), actors: new Map(), addresses: new Map() };
}

/** Adds `span` to the spans of `value` in `map`. */
export function addSpan(map: Map<string, Span[]>, value: string, span: Span): void {
  const list = map.get(value);
  if (list) list.push(span);
  else map.set(value, [span]);
}

/** One interest holding every span of each (a value's spans: theirs in order, first seen first). */
export function mergeInterests(...interests: readonly EventInterest[]): EventInterest {
  const out = noInterest();
  for (const i of interests) {
    for (const key of ['tokenCalls', 'actors', 'addresses'] as const) {
      for (const [value, spans] of i[key]) for (const s of spans) addSpan(out[key], value, s);
    }
  }
  return out;
}
