// What an incident keeps of one distinct event of its windows (or of a revocation): who, from where, with which token.
import { TOKEN_TARGET } from '../events/revocation.js';
import type { Entity } from '../model/entity.js';
import type { Finding } from '../model/report.js';
import type { KeptEvent } from '../window/collector.js';

/** A token an event names: the call's token, or a token among its targets. */
export interface TokenRef {
  id: string;
  name: string | null;
}

/** One distinct event, and the windows it is in. */
export interface SeenEvent {
  uuid: string;
  ms: number;
  actor: Entity;
  /** `alternateId`, else `id`, else `displayName`; null for an event with no actor. */
  actorLabel: string | null;
  ip: string | null;
  city: string | null;
  country: string | null;
  asNumber: string | null;
  asOrg: string | null;
  proxy: boolean;
  userAgent: string | null;
  /** The token the call was made with (`requestApiTokenId`), or null. */
  call: string | null;
  /** Tokens among its targets (created, revoked, changed). */
  tokens: TokenRef[];
  /** Indexes of the windows (revocations) it is in, each once, in the order they were added (an array: most events are in one or two). */
  windows: number[];
}

/** How an actor is named in an incident. */
function actorLabel(a: Entity): string | null {
  return a.alternateId || a.id || a.displayName || null;
}

/** Whether a target is an API token (type `Token`, or an id that looks like one). */
export function isToken(t: Entity): t is Entity & { id: string } {
  return t.id !== null && (t.type?.toLowerCase() === TOKEN_TARGET.type || t.id.startsWith(TOKEN_TARGET.fallbackPrefix));
}

/** A window event as the incident keeps it. */
export function fromKept(e: KeptEvent, window: number): SeenEvent {
  return {
    uuid: e.uuid,
    ms: e.published,
    actor: e.actor,
    actorLabel: actorLabel(e.actor),
    ip: e.client.ipAddress,
    city: e.client.city,
    country: e.client.country,
    asNumber: e.facts.asNumber,
    asOrg: e.facts.asOrg,
    proxy: e.facts.isProxy === true,
    userAgent: e.facts.userAgent,
    call: e.requestApiTokenId,
    tokens: e.targets.filter(isToken).map((t) => ({ id: t.id, name: t.displayName })),
    windows: [window],
  };
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** `securityContext` of a revocation's original event (in Okta's or a pipeline's lower-case spelling). */
function networkOf(event: unknown): { asNumber: string | null; asOrg: string | null; proxy: boolean } {
  const e = obj(event);
  const sec = obj(e?.securityContext ?? e?.securitycontext ?? e?.security_context);
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  const proxy = sec?.isProxy ?? sec?.isproxy ?? sec?.is_proxy;
  return { asNumber: text(sec?.asNumber ?? sec?.asnumber ?? sec?.as_number), asOrg: text(sec?.asOrg ?? sec?.asorg ?? sec?.as_org), proxy: proxy === true || proxy === 'true' };
}

/** A revocation event as the incident keeps it: from its finding, its network from its original event. */
export function fromFinding(f: Finding, window: number): SeenEvent {
  const { kind: _kind, ...actor } = f.revokedBy;
  const network = networkOf(f.event);
  return {
    uuid: f.id,
    ms: f.publishedMs,
    actor,
    actorLabel: actorLabel(actor),
    ip: f.client.ipAddress,
    city: f.client.city,
    country: f.client.country,
    asNumber: network.asNumber,
    asOrg: network.asOrg,
    proxy: network.proxy,
    userAgent: f.client.userAgent,
    call: null,
    tokens: f.token.id === null ? [] : [{ id: f.token.id, name: f.token.name }],
    windows: [window],
  };
}

/** Adds `b`'s windows to `a`, and the fields `a` lacks (a revocation seen again as a window event has its network fields). */
export function merge(a: SeenEvent, b: SeenEvent): void {
  for (const w of b.windows) if (!a.windows.includes(w)) a.windows.push(w);
  a.asNumber ??= b.asNumber;
  a.asOrg ??= b.asOrg;
  a.proxy ||= b.proxy;
  a.userAgent ??= b.userAgent;
  a.city ??= b.city;
  a.country ??= b.country;
  a.call ??= b.call;
}

/**
 * Adds window `w` and the fields `a` lacks from window event `e`: the same as
 * `merge(a, fromKept(e, w))`, without building the SeenEvent (an event is in several windows:
 * 36 K window events held 16.5 K distinct events on the heavy 1 GiB bench export).
 */
export function mergeKept(a: SeenEvent, e: KeptEvent, w: number): void {
  if (!a.windows.includes(w)) a.windows.push(w);
  a.asNumber ??= e.facts.asNumber;
  a.asOrg ??= e.facts.asOrg;
  a.proxy ||= e.facts.isProxy === true;
  a.userAgent ??= e.facts.userAgent;
  a.city ??= e.client.city;
  a.country ??= e.client.country;
  a.call ??= e.requestApiTokenId;
}
