// Raw JSON value → typed OktaEvent, or the reason it cannot be one.
import type { Entity } from '../model/entity.js';
import { MAX_NESTING, nestedDeeperThan, textMayNestDeeperThan } from './depth.js';
import { canonicalize, hasCanonicalKeys } from './keys.js';
import { parsePublished } from './time.js';
import type { OktaClient, OktaEvent } from './types.js';

/** Result of normalising one record. */
export type NormalizeResult = { ok: true; event: OktaEvent } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A string field: strings as they are, numbers and booleans as text, anything else null. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function obj(v: unknown): Obj | null {
  return isObj(v) ? v : null;
}

function entity(v: unknown): Entity {
  const o = obj(v);
  return {
    id: str(o?.id),
    type: str(o?.type),
    alternateId: str(o?.alternateId),
    displayName: str(o?.displayName),
  };
}

function client(doc: Obj): OktaClient {
  const c = obj(doc.client);
  const geo = obj(c?.geographicalContext);
  const ua = c?.userAgent;
  const sec = obj(doc.securityContext);
  const proxy = sec?.isProxy;
  return {
    ipAddress: str(c?.ipAddress),
    city: str(geo?.city),
    state: str(geo?.state),
    country: str(geo?.country),
    userAgent: typeof ua === 'string' ? ua : str(obj(ua)?.rawUserAgent),
    asNumber: str(sec?.asNumber),
    asOrg: str(sec?.asOrg),
    isProxy: proxy === true || proxy === 'true' ? true : proxy === false || proxy === 'false' ? false : null,
  };
}

/**
 * Normalises one parsed record. Needs a usable `eventType` (non-empty string) and `published`
 * (see parsePublished) and at most MAX_NESTING levels of nesting; everything else is optional
 * and becomes null when absent or mistyped.
 * `fallbackId` names events that carry no `uuid` (e.g. a hash of the record). `text`, when
 * given, is the JSON text `value` was parsed from: it bounds the nesting more cheaply.
 */
export function normalize(value: unknown, fallbackId: () => string, text?: string): NormalizeResult {
  if (!isObj(value)) {
    return { ok: false, reason: `not a JSON object (${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})` };
  }
  const doc = hasCanonicalKeys(value) ? value : (canonicalize(value) as Obj);
  const eventType = doc.eventType;
  if (typeof eventType !== 'string' || eventType.trim() === '') {
    return { ok: false, reason: eventType === undefined ? 'no eventType' : 'eventType is not a non-empty string' };
  }
  const published = parsePublished(doc.published);
  if (published === null) {
    return {
      ok: false,
      reason: doc.published === undefined ? 'no published time' : `published is not a time (${preview(doc.published)})`,
    };
  }
  // Every output serialises the event: a record nested thousands deep would crash the report.
  if ((text === undefined || textMayNestDeeperThan(text, MAX_NESTING)) && nestedDeeperThan(value, MAX_NESTING)) return { ok: false, reason: `nested more than ${MAX_NESTING} levels deep; skipped` };
  const uuid = str(doc.uuid);
  const rawTargets = doc.target;
  const targets = Array.isArray(rawTargets) ? rawTargets.map(entity) : isObj(rawTargets) ? [entity(rawTargets)] : [];
  const outcome = obj(doc.outcome);
  const detail = obj(obj(doc.transaction)?.detail);
  return {
    ok: true,
    event: {
      uuid: uuid && uuid.length > 0 ? uuid : fallbackId(),
      published,
      publishedRaw: String(doc.published),
      eventType,
      displayMessage: str(doc.displayMessage),
      severity: str(doc.severity),
      actor: entity(doc.actor),
      targets,
      client: client(doc),
      outcome: { result: str(outcome?.result), reason: str(outcome?.reason) },
      requestApiTokenId: str(detail?.requestApiTokenId),
      doc,
      original: value,
    },
  };
}

/** A short, safe rendering of a bad value for a diagnostic. */
function preview(v: unknown): string {
  let s: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify returns undefined for undefined, functions and symbols; its type says string
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}
