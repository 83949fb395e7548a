// Settings of the triage signals (CLI options), with their defaults.

const DAY = 86_400_000;

/** How signals are computed. */
export interface SignalOptions {
  /**
   * How far before each window the second pass looks for history (ms): the token's calls per
   * minute (burst baseline) and the revoker's earlier addresses. 0 turns that history off.
   */
  baseline: number;
  /** `burst` fires when the window's peak calls per minute is at least this many times the baseline median… */
  burstFactor: number;
  /** …and at least this many calls in one minute. */
  burstMin: number;
}

/** Defaults: 30 days of history, a burst is ≥ 10 calls in a minute and ≥ 5× the usual rate. */
export const DEFAULT_SIGNAL_OPTIONS: Readonly<SignalOptions> = { baseline: 30 * DAY, burstFactor: 5, burstMin: 10 };

/** Okta revokes a token by itself after this long without use. */
export const IDLE_EXPIRY_MS = 30 * DAY;
