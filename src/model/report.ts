// The scan result handed to every reporter: findings, per-input counts, diagnostics.
import type { Diagnostic } from './diagnostic.js';
import type { Entity } from './entity.js';
import type { Incident } from './incident.js';
import type { OriginalText } from './original.js';
import type { Severity } from './severity.js';
import type { Signal } from './signal.js';
import type { ActivityWindow } from './window.js';

/** Version of the JSON contract; bumped on any incompatible change. */
export const SCHEMA_VERSION = 1 as const;

/** A rule that matched a revocation event. */
export interface RuleRef {
  id: string;
  title: string;
  level: string;
}

/** Who revoked the token: a person (`user`) or Okta itself (`system`). */
export interface Revoker {
  kind: 'user' | 'system';
  id: string | null;
  type: string | null;
  alternateId: string | null;
  displayName: string | null;
}

/** Where the revocation request came from. */
export interface FindingClient {
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  userAgent: string | null;
}

/** One API token revocation event and every rule it matched. */
export interface Finding {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: 'revocation';
  /** uuid of the revocation event. */
  id: string;
  /** ISO 8601 UTC (`2024-01-02T03:04:05.678Z`). */
  published: string;
  /** Epoch milliseconds of `published`; not serialised. */
  publishedMs: number;
  rules: RuleRef[];
  token: { id: string | null; name: string | null };
  outcome: string | null;
  revokedBy: Revoker;
  client: FindingClient;
  /** What happened around the revocation; absent with `--no-window`. */
  window?: ActivityWindow;
  /** How unusual the window looks, from its signals; absent with `--no-window`. */
  severity?: Severity;
  /** What is unusual in the window, highest severity first; absent with `--no-window`. */
  signals?: Signal[];
  /** The original event as it was in the input (after unwrapping). */
  event: unknown;
}


/**
 * An event (other than a revocation) matched by at least one loaded rule, reported with `--hunt`.
 * A detection held in memory costs its record's JSON text and these few fields, not a parsed object.
 */
export interface Detection {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: 'detection';
  /** uuid of the event. */
  id: string;
  /** ISO 8601 UTC (`2024-01-02T03:04:05.678Z`). */
  published: string;
  /** Epoch milliseconds of `published`; not serialised. */
  publishedMs: number;
  /** Every loaded rule the event matched (at least one), in rule order. */
  rules: RuleRef[];
  eventType: string;
  actor: Entity;
  client: FindingClient;
  outcome: string | null;
  targets: Entity[];
  /** The original event as it was in the input (after unwrapping). */
  event: OriginalText;
}

/** Counts for one input argument. */
export interface InputSummary {
  path: string;
  /** Detected (or forced) format, e.g. `ndjson`, `array`, `gzip+ndjson`. */
  format: string;
  /** Records read that looked like events (duplicates included). */
  events: number;
  /** Events whose uuid was already seen in this run (in this or an earlier input). */
  duplicates: number;
  diagnostics: number;
  /** Why this input could not be read (missing, no JSON at all); absent when it was read. */
  error?: string;
  /** Why this file was left out unread (found in a folder: `hidden`, `not a log: …`; or given twice); absent when it was read. */
  skipped?: string;
}

/** Totals over all inputs. */
export interface ScanSummary {
  /** Inputs read (files left out of folders are not counted here but in `skipped`). */
  files: number;
  /** Files left out unread (found in folders, or the same file given twice); each is listed in `inputs` with its reason. */
  skipped: number;
  events: number;
  duplicates: number;
  diagnostics: number;
  /**
   * Records whose text names `system.api_token.revoke` but that could not be read as an event
   * (each is a diagnostic with `namesRevocation`): revocations that may have been lost.
   */
  unreadRevocations: number;
  findings: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Detections (`--hunt` only). */
  detections?: number;
  /** Detections per rule id (`--hunt` only). */
  detectionsByRule?: Record<string, number>;
}

/** Everything a reporter needs. */
export interface ScanReport {
  schemaVersion: typeof SCHEMA_VERSION;
  inputs: InputSummary[];
  summary: ScanSummary;
  findings: Finding[];
  /** Events matched by the loaded rules, sorted by time then id; present only with `--hunt`. */
  detections?: Detection[];
  /** Revocations grouped by what their windows share (see Incident); absent with `--no-window`. */
  incidents?: Incident[];
  /** The first 1000 diagnostics, then any further one with `namesRevocation` (up to 1000 more). */
  diagnostics: Diagnostic[];
}
