// Typed shapes shared by every pipeline stage: diagnostics, normalised Okta events.
import type { RecordSource } from '../input/record-source.js';

/** A problem with one part of the input. The scan goes on; `--strict` makes it fatal. */
export interface Diagnostic {
  /** Input path as given by the user (`-` for stdin). */
  file: string;
  /** 1-based line number where the bad part starts, when known. */
  line?: number;
  /** 0-based byte offset (in the decompressed stream) where the bad part starts. */
  offset?: number;
  /** Human-readable reason, one line. */
  reason: string;
}

/** The actor or a target of an event: Okta's `Actor` / `Target` objects, fields null when absent. */
export interface OktaEntity {
  id: string | null;
  type: string | null;
  alternateId: string | null;
  displayName: string | null;
}

/** Where an event came from: `client` plus the network fields of `securityContext`. */
export interface OktaClient {
  ipAddress: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  userAgent: string | null;
  asNumber: string | null;
  asOrg: string | null;
  isProxy: boolean | null;
}

/** An Okta System Log event, normalised. Missing objects become nulls, never `undefined`. */
export interface OktaEvent {
  uuid: string;
  /** `published` as epoch milliseconds (UTC). */
  published: number;
  /** `published` exactly as it was in the input. */
  publishedRaw: string;
  eventType: string;
  displayMessage: string | null;
  severity: string | null;
  actor: OktaEntity;
  targets: OktaEntity[];
  client: OktaClient;
  outcome: { result: string | null; reason: string | null };
  /** `transaction.detail.requestApiTokenId`: the API token the call was made with. */
  requestApiTokenId: string | null;
  /**
   * The event with Okta's canonical camelCase keys (lowercased pipeline variants renamed),
   * for rule matching and output. Values are as in the input.
   */
  doc: Record<string, unknown>;
  /** The event exactly as parsed from the input (after unwrapping); the same object as `doc` when no key was renamed. */
  original: unknown;
  /** The record's JSON text, when the event is the whole record (lets windows keep text, not objects). */
  text?: string;
  /** Where that text can be read again (plain inputs read through their record index): windows keep this instead. */
  source?: RecordSource;
}

/** Where a record was found, for diagnostics and for re-reading it. */
export interface RecordLocation {
  file: string;
  line?: number;
  /** Byte offset in the decompressed stream; absent for values read from documents (their `path` names them). */
  offset?: number;
}
