// A call made with an API token, as the few facts token baselines and address links need of it.
import type { OktaEvent } from './types.js';

/**
 * What is kept of a call made with a token (`transaction.detail.requestApiTokenId`): when, from
 * where, with what, and which event type. Small and plain, so a worker thread can send it instead
 * of the record it read it from.
 */
export interface TokenCall {
  tokenId: string;
  /** `published` (ms). */
  published: number;
  ip: string | null;
  country: string | null;
  /** `asNumber`, else `asOrg`. */
  network: string | null;
  userAgent: string | null;
  eventType: string;
}

/** The network of a call: `asNumber`, else `asOrg`. */
export function networkKey(asNumber: string | null, asOrg: string | null): string | null {
  return asNumber ?? asOrg;
}

/** The call an event is, or null when it was not made with a token. */
export function tokenCallOf(event: OktaEvent): TokenCall | null {
  const tokenId = event.requestApiTokenId;
  if (tokenId === null) return null;
  const c = event.client;
  return { tokenId, published: event.published, ip: c.ipAddress, country: c.country, network: networkKey(c.asNumber, c.asOrg), userAgent: c.userAgent, eventType: event.eventType };
}
