// What every signal reads about one revocation: its window's events and the token's and revoker's history.
import type { Finding } from '../model/report.js';
import type { KeptEvent } from '../window/collector.js';
import type { ActivityWindow } from '../model/window.js';
import type { SignalOptions } from './options.js';
import type { Places, SignIn } from './revoker-places.js';
import type { TokenActivityTrack } from './token-activity.js';
import type { TokenBaselines } from './token-baseline.js';

/** One revocation, as the signals see it. */
export interface SignalContext {
  finding: Finding & { window: ActivityWindow };
  /** The revoked token's id, or null when the event names none. */
  tokenId: string | null;
  /** Window bounds and revocation time (ms). */
  start: number;
  end: number;
  revokedAt: number;
  /** The window's events, in time order, with their links. */
  events: readonly KeptEvent[];
  /** Those of them that are calls made with the revoked token. */
  calls: readonly KeptEvent[];
  /** First pass: every token's first-seen values over the whole input. */
  baselines: TokenBaselines;
  /** Second pass: the token's calls around the window; null when not followed. */
  activity: TokenActivityTrack | null;
  /** Second pass: the revoker's places and last sign-in; null when not followed (Okta revoked, or no history). */
  revoker: { places: Places | null; signIn: SignIn | null } | null;
  /** When the token was created (its earliest create event), or null when the input has none. */
  tokenCreatedAt: number | null;
  options: SignalOptions;
}

/** The calls made with token `tokenId` among `events`. */
export function callsWith(events: readonly KeptEvent[], tokenId: string | null): KeptEvent[] {
  return tokenId === null ? [] : events.filter((e) => e.requestApiTokenId === tokenId);
}

/** Epoch ms as `2024-03-05 13:47:03Z`. */
export function utc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

/** A duration in ms, roughly: `45 s`, `16 min`, `5 h`, `39 days`. */
export function roughly(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}
