// Serialisable description of a pre-filter, so a worker thread can build the same one.
import { Prefilter } from './prefilter.js';
import { actorIdProbe } from './actor-probe.js';
import { fieldProbe, ipAddressProbe, type ValueProbe } from './probe.js';

/**
 * A time span [start, end] (ms) in which a probed value matters; with a third element, only in
 * records that also contain that text (e.g. `"user.session.start"`: an event type).
 */
export type TimeSpan = [number, number] | [number, number, string];

/** Time spans per probed value: [value, TimeSpan[]]. */
export type ValueSpans = [string, TimeSpan[]][];

/** One value probe, as data: calls made with tokens, actors' events, or events from addresses. */
export interface ProbeSpec {
  kind: 'token' | 'actor' | 'ip';
  spans: ValueSpans;
}

/** A pre-filter, as data. */
export interface FilterSpec {
  needles: string[];
  all: boolean;
  probes: ProbeSpec[];
  /** Keys read from raw bytes by other means (the record index's hashes): escapes in them mark records too. */
  keys?: string[];
}

/** Builds the probe a spec describes; values only count inside their time spans. */
function probeFromSpec(spec: ProbeSpec): ValueProbe {
  const byValue = new Map(spec.spans.map(([v, spans]) => [v, spans.map(([a, b, text]) => (text === undefined ? [a, b] as const : [a, b, Buffer.from(text)] as const))]));
  const values = new Set(byValue.keys());
  const base = spec.kind === 'actor' ? actorIdProbe(values) : spec.kind === 'ip' ? ipAddressProbe(values) : fieldProbe('requestApiTokenId', values);
  return { ...base, intervals: (v) => byValue.get(v) };
}

/** Builds the pre-filter a spec describes. */
export function prefilterFromSpec(spec: FilterSpec): Prefilter {
  return new Prefilter(spec.needles, spec.all, spec.probes.map(probeFromSpec), spec.keys);
}
