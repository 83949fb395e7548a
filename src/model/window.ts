// Activity window shapes: how an event is tied to a revocation, and what the window reports.
import type { Entity } from './entity.js';
import type { Original } from './original.js';
import type { RuleRef } from './report.js';

/** Why an event is in a revocation's window. */
export type LinkKind = 'token' | 'actor' | 'owner' | 'ip';

/** Links in the order they are listed on every event. */
export const LINK_ORDER: readonly LinkKind[] = ['token', 'actor', 'owner', 'ip'];

/** One event of a window, as serialised. */
export interface WindowEvent {
  uuid: string;
  published: string;
  eventType: string;
  displayMessage: string | null;
  actor: Entity;
  /**
   * The API token the call was made with (`transaction.detail.requestApiTokenId`, named when the
   * input names it), or null. Okta logs such a call under the token's owner as actor. The collector
   * always sets it; optional only so that windows built by hand need not.
   */
  requestApiToken?: { id: string; name: string | null } | null;
  client: { ipAddress: string | null; city: string | null; country: string | null };
  outcome: string | null;
  targets: { id: string | null; type: string | null; displayName: string | null }[];
  links: readonly LinkKind[];
  /**
   * The loaded rules the event matched (`[]` when none). The collector always sets it; it is
   * optional only so that windows built by hand (tests, other stages) need not.
   */
  detections?: RuleRef[];
  /**
   * The event as it was in the input (after unwrapping): its record's text, or where that record
   * is. Reporters write it through the report's OriginalReader, as the record's own text.
   */
  event: Original;
}

/** Counts over a window's events. */
export interface WindowSummary {
  byLink: Record<LinkKind, number>;
  byEventType: Record<string, number>;
  byOutcome: Record<string, number>;
  /** Distinct client addresses, sorted. */
  ipAddresses: string[];
  /** Distinct countries, sorted. */
  countries: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** What happened around one revocation. */
export interface ActivityWindow {
  /** ISO UTC bounds, inclusive. */
  start: string;
  end: string;
  /** The durations as given (`24h`, `0`). */
  before: string;
  after: string;
  /** The actor of the token's `system.api_token.create` event, or null when the input has none. */
  owner: Entity | null;
  /** Linked events in the window (the events array is complete unless `dropped` > 0). */
  eventCount: number;
  /** Events left out because the window held more than --max-window-events (oldest first). */
  dropped: number;
  summary: WindowSummary;
  events: WindowEvent[];
}
