// Okta LogEvent assembly: entity helpers, uuids, and the compact serialisation in Okta's key order.
import type { Rng } from './prng.js';
import type { Network } from './places.js';
import type { Agent, Person, Thing } from './population.js';

/** An Okta `Actor` / `Target` object. */
export interface Entity {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
  detailEntry: Record<string, string> | null;
}

/** What differs between events; everything else is filled in by {@link serializeEvent}. */
export interface EventSpec {
  eventType: string;
  legacyEventType: string | null;
  displayMessage: string;
  severity?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  actor: Entity;
  /** Request origin; null for Okta's own background jobs. */
  net: Network | null;
  agent: Agent | null;
  result?: 'SUCCESS' | 'FAILURE' | 'ALLOW' | 'DENY' | 'CHALLENGE' | 'SKIPPED';
  reason?: string | null;
  /** Extra `debugContext.debugData` keys (requestId/requestUri/url are added from `uri`). */
  debug?: Record<string, string>;
  /** Request path and query; absent for jobs. */
  uri?: string;
  /** `transaction.detail.requestApiTokenId`. */
  tokenId?: string;
  /** `authenticationContext.externalSessionId`. */
  session: string;
  credentialProvider?: string | null;
  authenticationProvider?: string | null;
  credentialType?: string | null;
  targets: Entity[] | null;
}

const entityCache = new WeakMap<object, string>();
const personEntities = new WeakMap<Person, Entity>();

/** The `actor`/`target` entity of a person (one shared, pre-serialised object per person). */
export function personEntity(p: Person): Entity {
  let e = personEntities.get(p);
  if (!e) {
    e = { id: p.id, type: 'User', alternateId: p.login, displayName: p.name, detailEntry: null };
    personEntities.set(p, e);
    entityCache.set(e, JSON.stringify(e));
  }
  return e;
}

/** An `AppUser` target for `p`. */
export function appUserEntity(rng: Rng, p: Person, suffix: string): Entity {
  return { id: '0ua' + rng.alnum(13) + suffix, type: 'AppUser', alternateId: p.login, displayName: p.name, detailEntry: null };
}

const thingEntities = new WeakMap<Thing, Map<string, Entity>>();

/** A shared, pre-serialised entity for directory object `t`, one per `variant`. */
function thingEntity(t: Thing, variant: string, make: () => Entity): Entity {
  let byVariant = thingEntities.get(t);
  if (!byVariant) thingEntities.set(t, (byVariant = new Map<string, Entity>()));
  let e = byVariant.get(variant);
  if (!e) {
    e = make();
    byVariant.set(variant, e);
    entityCache.set(e, JSON.stringify(e));
  }
  return e;
}

/** An `AppInstance` target. */
export function appEntity(app: Thing, signOnMode = 'SAML_2_0'): Entity {
  return thingEntity(app, signOnMode, () => ({ id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label, detailEntry: { signOnModeType: signOnMode } }));
}

/** A `UserGroup` target. */
export function groupEntity(g: Thing): Entity {
  return thingEntity(g, 'group', () => ({ id: g.id, type: 'UserGroup', alternateId: 'unknown', displayName: g.name, detailEntry: null }));
}

/** A `Token` target: `id` is the `00T…` token id, `displayName` the token's name. */
export function tokenEntity(id: string, name: string): Entity {
  return { id, type: 'Token', alternateId: 'unknown', displayName: name, detailEntry: null };
}

const systemEntities = new Map<string, Entity>();

/** Okta's own actor for background jobs (auto-revocation, imports); one shared object per id. */
export function systemEntity(id: string): Entity {
  let e = systemEntities.get(id);
  if (!e) {
    e = { id, type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };
    systemEntities.set(id, e);
    entityCache.set(e, JSON.stringify(e));
  }
  return e;
}

/** Okta-style request id (27 URL-safe characters). */
function requestId(rng: Rng): string {
  return rng.b64url(23) + 'AAA' + rng.alnum(1);
}

/** Okta-style browser session id. */
export function sessionId(rng: Rng): string {
  return (rng.chance(0.6) ? 'idx' : '102') + rng.b64url(22);
}

/** Milliseconds from the uuid epoch (1582-10-15) to the Unix epoch. */
const EPOCH_OFFSET_MS = 12219292800000;

/**
 * A time-based (v1) uuid like Okta's, unique per `index`: the node field holds a bijective hash
 * of the event's index in the file, so two events of one file never share a uuid.
 */
export function uuidV1(rng: Rng, ms: number, index: number): string {
  // ticks = (ms + offset) * 10000 + sub, in 100 ns units; split so every step stays exact in doubles.
  const t = ms + EPOCH_OFFSET_MS;
  const a = Math.floor(t / 65536) * 10000;
  const x = (a % 65536) * 65536 + (t % 65536) * 10000 + rng.int(0, 9999);
  const high = Math.floor(a / 65536) + Math.floor(x / 4294967296);
  const low = (x % 4294967296).toString(16).padStart(8, '0');
  const mid = (high & 0xffff).toString(16).padStart(4, '0');
  const hi = (((high >>> 16) & 0x0fff) | 0x1000).toString(16);
  const seq = (0x8000 | (rng.u32() & 0x3fff)).toString(16);
  let node = (index + 0x9e3779b9) >>> 0;
  node ^= node >>> 16;
  node = Math.imul(node, 0x85ebca6b);
  node ^= node >>> 13;
  node = Math.imul(node, 0xc2b2ae35);
  node ^= node >>> 16;
  return `${low}-${mid}-${hi}-${seq}-${(node >>> 0).toString(16).padStart(8, '0')}${rng.hex(4)}`;
}

interface NetBlock {
  client: string;
  security: string;
  request: string;
}

const NULL_BLOCK: NetBlock = {
  client: JSON.stringify({ userAgent: null, zone: null, device: null, id: null, ipAddress: null, geographicalContext: null }),
  security: JSON.stringify({ asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null }),
  request: '{"ipChain":[]}',
};
const netBlocks = new WeakMap<Network, WeakMap<Agent, NetBlock>>();

/** `client`, `securityContext` and `request` serialised once per network and user agent. */
function netBlock(net: Network | null, agent: Agent | null): NetBlock {
  if (!net || !agent) return NULL_BLOCK;
  let byAgent = netBlocks.get(net);
  if (!byAgent) netBlocks.set(net, (byAgent = new WeakMap()));
  let b = byAgent.get(agent);
  if (!b) {
    const p = net.place;
    const geo = { city: p.city, state: p.state, country: p.country, postalCode: p.postalCode, geolocation: { lat: p.lat, lon: p.lon } };
    b = {
      client: JSON.stringify({ userAgent: { rawUserAgent: agent.raw, os: agent.os, browser: agent.browser }, zone: 'null', device: agent.device, id: null, ipAddress: net.ip, geographicalContext: geo }),
      security: JSON.stringify({ asNumber: net.asNumber, asOrg: net.asOrg, isp: net.isp, domain: net.domain, isProxy: net.isProxy }),
      request: JSON.stringify({ ipChain: [{ ip: net.ip, geographicalContext: geo, version: net.version, source: null }] }),
    };
    byAgent.set(agent, b);
  }
  return b;
}

function entity(e: Entity): string {
  return entityCache.get(e) ?? JSON.stringify(e);
}

const str = (s: string | null | undefined): string => (s == null ? 'null' : JSON.stringify(s));

/**
 * Serialises the complete LogEvent as compact JSON, keys in the order Okta's `/api/v1/logs`
 * returns them. Built from pre-serialised fragments: this is the generator's hot path.
 */
export function serializeEvent(rng: Rng, spec: EventSpec, published: string, uuid: string): string {
  const reqId = requestId(rng);
  const debugData: Record<string, string> = {};
  if (spec.uri !== undefined) {
    debugData.requestId = reqId;
    const q = spec.uri.indexOf('?');
    debugData.requestUri = q < 0 ? spec.uri : spec.uri.slice(0, q);
    debugData.url = q < 0 ? spec.uri + '?' : spec.uri;
  }
  if (spec.debug) Object.assign(debugData, spec.debug);
  const block = netBlock(spec.net, spec.agent);
  const web = block !== NULL_BLOCK;
  const targets = spec.targets ? '[' + spec.targets.map(entity).join(',') + ']' : 'null';
  return '{"actor":' + entity(spec.actor) +
    ',"client":' + block.client +
    ',"device":null,"authenticationContext":{"authenticationProvider":' + str(spec.authenticationProvider) +
    ',"credentialProvider":' + str(spec.credentialProvider) + ',"credentialType":' + str(spec.credentialType) +
    ',"issuer":null,"interface":null,"authenticationStep":0,"externalSessionId":' + str(spec.session) +
    '},"displayMessage":' + str(spec.displayMessage) + ',"eventType":' + str(spec.eventType) +
    ',"outcome":{"result":"' + (spec.result ?? 'SUCCESS') + '","reason":' + str(spec.reason) +
    '},"published":"' + published + '","securityContext":' + block.security +
    ',"severity":"' + (spec.severity ?? 'INFO') + '","debugContext":{"debugData":' + JSON.stringify(debugData) +
    '},"legacyEventType":' + str(spec.legacyEventType) +
    ',"transaction":{"type":"' + (web ? 'WEB' : 'JOB') + '","id":"' + (web ? reqId : rng.lowerAlnum(32)) +
    '","detail":' + (spec.tokenId ? '{"requestApiTokenId":' + str(spec.tokenId) + '}' : '{}') +
    '},"uuid":"' + uuid + '","version":"0","request":' + block.request + ',"target":' + targets + '}';
}
