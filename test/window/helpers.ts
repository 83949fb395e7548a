// Test helper: build raw Okta events and normalised OktaEvents tersely.
import { normalize } from '../../src/events/normalize.js';
import type { OktaEvent } from '../../src/events/types.js';

export interface RawSpec {
  uuid: string;
  at: string;
  type?: string;
  actor?: string;
  actorType?: string;
  alt?: string;
  ip?: string | null;
  country?: string;
  token?: string;
  targets?: { id: string; type: string; displayName?: string }[];
  result?: string;
}

/** A raw LogEvent object as Okta writes it. */
export function raw(s: RawSpec): Record<string, unknown> {
  return {
    uuid: s.uuid,
    published: s.at,
    eventType: s.type ?? 'user.session.start',
    displayMessage: 'test',
    actor: { id: s.actor ?? '00uNOBODY', type: s.actorType ?? 'User', alternateId: s.alt ?? `${s.actor ?? 'nobody'}@example.com`, displayName: s.actor ?? 'Nobody' },
    client: { ipAddress: s.ip === undefined ? '192.0.2.200' : s.ip, geographicalContext: { city: 'Oslo', country: s.country ?? 'Norway' } },
    outcome: { result: s.result ?? 'SUCCESS' },
    transaction: { type: 'WEB', id: 'tx', detail: s.token ? { requestApiTokenId: s.token } : {} },
    target: s.targets ?? [],
  };
}

/** A normalised event. */
export function ev(s: RawSpec): OktaEvent {
  const r = normalize(raw(s), () => s.uuid);
  if (!r.ok) throw new Error(r.reason);
  return r.event;
}
