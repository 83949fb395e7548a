// User state changes that orphan a token (its owner deactivated or suspended) or undo that.

/** A user's state after one of USER_STATE_EVENTS. */
export type UserState = 'deactivated' | 'suspended' | 'reactivated' | 'unsuspended';

/** Event type → the state it leaves the target user in. */
const USER_STATE_EVENTS: ReadonlyMap<string, UserState> = new Map<string, UserState>([
  ['user.lifecycle.deactivate', 'deactivated'],
  ['user.lifecycle.suspend', 'suspended'],
  ['user.lifecycle.reactivate', 'reactivated'],
  ['user.lifecycle.unsuspend', 'unsuspended'],
]);

/** Whether a user left in `state` can no longer own a working token. */
export function isGone(state: UserState): boolean {
  return state === 'deactivated' || state === 'suspended';
}

/** Lengths of USER_STATE_EVENTS' types: a type of another length is none of them in any case. */
const SHORTEST = Math.min(...[...USER_STATE_EVENTS.keys()].map((k) => k.length));
const LONGEST = Math.max(...[...USER_STATE_EVENTS.keys()].map((k) => k.length));

/** The state an event type (any case) leaves its target user in, or undefined. */
export function userStateAfter(eventType: string): UserState | undefined {
  // Every event read passes here: most are ruled out by length, without lowercasing (which keeps
  // the length of these ASCII types: a character it lengthens leaves a combining mark none has).
  if (eventType.length < SHORTEST || eventType.length > LONGEST) return undefined;
  return USER_STATE_EVENTS.get(eventType) ?? USER_STATE_EVENTS.get(eventType.toLowerCase());
}
