// The normalised Okta event every stage after input works with, and where its record was found.
import type { Entity } from '../model/entity.js';
import type { RecordRef } from '../model/original.js';

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
  actor: Entity;
  targets: Entity[];
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
  /** Where that record is in its input (plain inputs read through their record index): windows keep this instead of the text. */
  ref?: RecordRef;
}

/** Where a record was found, for diagnostics and for re-reading it. */
export interface RecordLocation {
  file: string;
  line?: number;
  /** Byte offset in the decompressed stream; absent for values read from documents (their `path` names them). */
  offset?: number;
}
