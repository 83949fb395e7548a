// The serialised (public) form of a Detection: fixed key order, internal helper fields dropped.
import type { Detection } from '../model/report.js';

/** A Detection as written to `ndjson`/`json`. */
export type PublicDetection = Omit<Detection, 'publishedMs' | 'event'> & { event: unknown } & Record<string, unknown>;

/**
 * Returns the public form of `detection` with keys in contract order: `schemaVersion, kind, id,
 * published, rules, eventType, actor, client, outcome, targets`, then any keys later stages
 * attached, then `event` last (the original, parsed from the kept text). `publishedMs` is
 * never included.
 */
export function toPublicDetection(detection: Detection): PublicDetection {
  const { schemaVersion, kind, id, published, publishedMs: _ms, rules, eventType, actor, client, outcome, targets, event, ...extra } =
    detection as Detection & Record<string, unknown>;
  return { schemaVersion, kind, id, published, rules, eventType, actor, client, outcome, targets, ...extra, event: JSON.parse(event.text) as unknown };
}
