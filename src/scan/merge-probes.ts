// Merges probe specs that read the same key, so each key is swept once per block.
import type { ProbeSpec, TimeSpan } from './filter-spec.js';

/**
 * Probe specs with the same kind (and key, for `field` probes) combined into one: a value's time
 * spans are the union of its spans in every spec. The order of first appearance is kept.
 */
export function mergeProbeSpecs(...groups: readonly ProbeSpec[][]): ProbeSpec[] {
  const merged = new Map<string, { kind: ProbeSpec['kind']; key?: string; byValue: Map<string, TimeSpan[]> }>();
  for (const spec of groups.flat()) {
    const id = `${spec.kind}\u0000${spec.key ?? ''}`;
    let m = merged.get(id);
    if (!m) {
      m = spec.key === undefined ? { kind: spec.kind, byValue: new Map() } : { kind: spec.kind, key: spec.key, byValue: new Map() };
      merged.set(id, m);
    }
    for (const [value, spans] of spec.spans) {
      const list = m.byValue.get(value);
      if (list) list.push(...spans);
      else m.byValue.set(value, [...spans]);
    }
  }
  return [...merged.values()].map(({ kind, key, byValue }) => {
    const spans = [...byValue];
    return key === undefined ? { kind, spans } : { kind, key, spans };
  });
}
