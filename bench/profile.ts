// Benchmark profiles: the light export `npm run bench` always made, and the heavy one with busy windows.

/**
 * `light`: revocations spread over the whole export, quiet owners and revokers (the original
 * corpus). `heavy`: owners whose tokens make many calls, busy admins as revokers, a history longer
 * than the 30-day baseline, tokens revoked twice, rotations whose windows share events, and a few
 * runaway tokens whose windows hold thousands of events (issue 16).
 */
export type Profile = 'light' | 'heavy';

/** Every profile, for argument checking. */
export const PROFILES: readonly Profile[] = ['light', 'heavy'];

/** What a profile changes in the generator. */
export interface ProfileSettings {
  /** Events per day of the org: with the event count, this sets the time span. */
  eventsPerDay: number;
  /** Default share of events made with an API token. */
  tokenShare: number;
  /** Revocations are placed between these fractions of the time span. */
  revokeFrom: number;
  revokeTo: number;
}

const SETTINGS: Record<Profile, ProfileSettings> = {
  // ~475k events in 30 days; revocations anywhere after the first 2%.
  light: { eventsPerDay: 475_000 / 30, tokenShare: 0.02, revokeFrom: 0.02, revokeTo: 0.998 },
  // ~475k events in 40 days, revocations in the last 30%: each 30-day baseline covers most of the file.
  heavy: { eventsPerDay: 475_000 / 40, tokenShare: 0.045, revokeFrom: 0.7, revokeTo: 0.998 },
};

/** The settings of `profile`. */
export function profileSettings(profile: Profile): ProfileSettings {
  return SETTINGS[profile];
}

/** `text` as a profile name, or an error naming the choices. */
export function parseProfile(text: string): Profile {
  const p = text.trim() as Profile;
  if (!PROFILES.includes(p)) throw new Error(`unknown profile ${text}; one of ${PROFILES.join(', ')}`);
  return p;
}
