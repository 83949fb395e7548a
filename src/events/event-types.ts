// The Okta event types the scan is built on: API token revocation and creation.

/** The event type of an API token revocation. */
export const REVOKE_EVENT = 'system.api_token.revoke';

/** The event type of an API token creation (its actor owns the token). */
export const CREATE_EVENT = 'system.api_token.create';

/** Whether an event type (in any letter case) is an API token revocation. */
export function isRevokeEvent(eventType: string): boolean {
  return eventType.toLowerCase() === REVOKE_EVENT;
}

/** Whether an event type (in any letter case) is an API token creation. */
export function isCreateEvent(eventType: string): boolean {
  return eventType.toLowerCase() === CREATE_EVENT;
}

/** `\uXXXX` escapes (one or more backslashes: events carried as JSON text inside a string). */
const ESCAPES = /\\+u([0-9a-fA-F]{4})/g;

/**
 * Whether a record's JSON text names the revocation event type anywhere, in any letter case, also
 * behind `\u` escapes: a record that does and is still dropped may be a lost revocation.
 */
export function namesRevokeEvent(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes(REVOKE_EVENT)) return true;
  if (!lower.includes('\\u')) return false;
  return lower.replace(ESCAPES, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).toLowerCase().includes(REVOKE_EVENT);
}
