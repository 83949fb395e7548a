// The Okta event types the scan is built on: API token revocation and creation.

/** The event type of an API token revocation. */
export const REVOKE_EVENT = 'system.api_token.revoke';

/** The event type of an API token creation (its actor owns the token). */
const CREATE_EVENT = 'system.api_token.create';

/** Whether an event type (in any letter case) is an API token revocation. */
export function isRevokeEvent(eventType: string): boolean {
  return eventType.toLowerCase() === REVOKE_EVENT;
}

/** Whether an event type (in any letter case) is an API token creation. */
export function isCreateEvent(eventType: string): boolean {
  return eventType.toLowerCase() === CREATE_EVENT;
}
