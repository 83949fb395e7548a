// The serialised (public) form of a Finding: fixed key order, internal helper fields dropped.
import type { Finding } from '../model/report.js';

/** Finding fields used only inside the pipeline; never written to JSON outputs. */
const INTERNAL_FINDING_KEYS: ReadonlySet<string> = new Set(['publishedMs']);

/** A Finding as written to `ndjson`/`json`: no internal fields, extra stage fields kept. */
export type PublicFinding = Omit<Finding, 'publishedMs'> & Record<string, unknown>;

/**
 * Returns the public form of `finding` with keys in contract order: `schemaVersion, kind, id,
 * published, rules, token, outcome, revokedBy, client`, then any further keys later stages
 * attached (e.g. `window`, `signals`, `severity`) in their own order, then `event` last.
 * Internal helper fields (`publishedMs`) are never included.
 */
export function toPublicFinding(finding: Finding): PublicFinding {
  const {
    schemaVersion,
    kind,
    id,
    published,
    rules,
    token,
    outcome,
    revokedBy,
    client,
    event,
    ...rest
  } = finding as Finding & Record<string, unknown>;
  const extra = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !INTERNAL_FINDING_KEYS.has(key)),
  );
  return {
    schemaVersion,
    kind,
    id,
    published,
    rules,
    token,
    outcome,
    revokedBy,
    client,
    ...extra,
    event,
  };
}
