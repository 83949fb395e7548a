// Test helper: Okta System Log events with Okta's full shape, for token inventories (calls, token lifecycle, user state).

/** A person or Okta itself, as an event's actor. */
export interface Who {
  id: string;
  alternateId: string;
  displayName: string;
  type?: string;
}

/** Where a call came from. */
export interface Place {
  ip: string;
  city: string;
  country: string;
  asn: number;
  asOrg: string;
  proxy?: boolean;
}

/** One event to build. */
export interface EventSpec {
  uuid: string;
  /** ISO 8601 UTC. */
  published: string;
  eventType: string;
  displayMessage?: string;
  actor: Who;
  place?: Place | null;
  userAgent?: string | null;
  /** `transaction.detail.requestApiTokenId`: the call was made with this token. */
  viaToken?: string | null;
  targets?: { id: string; type: string; alternateId?: string; displayName?: string }[];
  outcome?: 'SUCCESS' | 'FAILURE' | 'ALLOW' | 'DENY';
  reason?: string | null;
  threatSuspected?: boolean;
}

/** Okta itself, the actor of automatic revocations. */
export const OKTA: Who = { id: 'spr8Qk2mX7vN3pL9w5d7', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' };

/** A `Token` target. */
export function tokenTarget(id: string, name: string): { id: string; type: string; alternateId: string; displayName: string } {
  return { id, type: 'Token', alternateId: 'unknown', displayName: name };
}

/** A `User` target. */
export function userTarget(who: Who): { id: string; type: string; alternateId: string; displayName: string } {
  return { id: who.id, type: 'User', alternateId: who.alternateId, displayName: who.displayName };
}

/** The event as Okta's `/api/v1/logs` writes it (keys in its order). */
export function oktaEvent(s: EventSpec): Record<string, unknown> {
  const p = s.place ?? null;
  return {
    actor: { id: s.actor.id, type: s.actor.type ?? 'User', alternateId: s.actor.alternateId, displayName: s.actor.displayName, detailEntry: null },
    client: {
      userAgent: s.userAgent === undefined || s.userAgent === null ? null : { rawUserAgent: s.userAgent, os: 'Unknown', browser: 'UNKNOWN' },
      zone: 'null',
      device: p ? 'Unknown' : null,
      id: null,
      ipAddress: p?.ip ?? null,
      geographicalContext: p ? { city: p.city, state: null, country: p.country, postalCode: null, geolocation: { lat: 0, lon: 0 } } : null,
    },
    device: null,
    authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: 'unknown' },
    displayMessage: s.displayMessage ?? s.eventType,
    eventType: s.eventType,
    outcome: { result: s.outcome ?? 'SUCCESS', reason: s.reason ?? null },
    published: s.published,
    securityContext: p ? { asNumber: p.asn, asOrg: p.asOrg, isp: p.asOrg, domain: null, isProxy: p.proxy ?? false } : { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    severity: 'INFO',
    debugContext: { debugData: { requestId: `req-${s.uuid}`, threatSuspected: s.threatSuspected ? 'true' : 'false' } },
    legacyEventType: null,
    transaction: { type: 'WEB', id: `req-${s.uuid}`, detail: s.viaToken ? { requestApiTokenId: s.viaToken } : {} },
    uuid: s.uuid,
    version: '0',
    request: { ipChain: p ? [{ ip: p.ip, geographicalContext: null, version: 'V4', source: null }] : [] },
    target: s.targets ?? null,
  };
}

/** A deep copy with every key lower-cased, as some log pipelines write them (`eventtype`, `requestapitokenid`). */
export function lowercaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowercaseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), lowercaseKeys(v)]));
}
