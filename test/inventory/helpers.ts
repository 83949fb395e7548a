// Test helper: normalised events for the inventory stage, and an inventory built from them in one call.
import { normalize } from '../../src/events/normalize.js';
import type { OktaEvent } from '../../src/events/types.js';
import { InventoryCollector } from '../../src/inventory/collector.js';
import { DEFAULT_INVENTORY_OPTIONS, type InventoryOptions } from '../../src/inventory/options.js';
import type { TokenRecord } from '../../src/model/token.js';
import { oktaEvent, tokenTarget, type EventSpec, type Place, type Who } from '../helpers/token-events.js';

export const DAY = 86_400_000;
export const ANN: Who = { id: '00uAnn4dm1nQ7xk2d5d7', alternateId: 'ann@corp.example', displayName: 'Ann Admin' };
const US: Place = { ip: '203.0.113.10', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' };
export const TOKEN = '00Ttesttoken00000001';

let n = 0;

/** A normalised event (uuid and time filled in when not given). */
export function ev(spec: Partial<EventSpec> & { eventType: string }): OktaEvent {
  n++;
  const full: EventSpec = { uuid: `u${String(n).padStart(5, '0')}`, published: '2024-06-01T00:00:00.000Z', actor: ANN, place: US, ...spec };
  const r = normalize(oktaEvent(full), () => full.uuid);
  if (!r.ok) throw new Error(r.reason);
  return r.event;
}

/** A call made with `token` at `published`. */
export function callEv(published: string, patch: Partial<EventSpec> = {}, token = TOKEN): OktaEvent {
  return ev({ eventType: 'group.user_membership.add', published, viaToken: token, ...patch });
}

/** The creation of `token` at `published`. */
export function createEv(published: string, patch: Partial<EventSpec> = {}, token = TOKEN, name = 'ci'): OktaEvent {
  return ev({ eventType: 'system.api_token.create', published, targets: [tokenTarget(token, name)], ...patch });
}

/** A revocation of `token` at `published`. */
export function revokeEv(published: string, patch: Partial<EventSpec> = {}, token = TOKEN, name = 'ci'): OktaEvent {
  return ev({ eventType: 'system.api_token.revoke', published, targets: [tokenTarget(token, name)], ...patch });
}

/** The records of these events (no range; the input ends with the newest of them). */
export function recordsOf(events: OktaEvent[], options: Partial<InventoryOptions> = {}, range: { from?: number; to?: number } = {}): TokenRecord[] {
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  const c = new InventoryCollector({ from, to }, { ...DEFAULT_INVENTORY_OPTIONS, ...options });
  for (const e of events) c.observe(e);
  return c.records({ from, to, end: Math.min(to, c.newest ?? 0) });
}

/** The one record of `TOKEN` among `records`. */
export function the(records: TokenRecord[], id = TOKEN): TokenRecord {
  const r = records.find((t) => t.id === id);
  if (!r) throw new Error(`no record for ${id}`);
  return r;
}
