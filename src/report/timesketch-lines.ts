// Timesketch records: one flat JSONL object for a revocation or a window event (message, datetime, fields).
import { REVOKE_EVENT } from '../events/event-types.js';
import type { WindowEvent } from '../model/window.js';
import type { Detection, Finding, RuleRef } from '../model/report.js';
import { actorName, targetNames } from './entity-name.js';
import { safeText } from './sanitize.js';
import { viaToken } from './evidence.js';

/** `timestamp_desc` of every record: Okta's `published` time. */
export const TIMESTAMP_DESC = 'Okta Event Published';

/** Tag on every record, so a whole import can be selected in a sketch. */
export const SOURCE_TAG = 'okta-revoke-scan';

/** One output line before serialisation; fields are flat so Timesketch can filter on each. */
export type TimesketchLine = Record<string, unknown> & { message: string; datetime: string; tag: string[]; finding_ids: string[] };

/** `published` in microseconds since the epoch (Timesketch's `timestamp`), when it is a valid time. */
function micros(published: string): number | undefined {
  const ms = Date.parse(published);
  return Number.isFinite(ms) ? ms * 1000 : undefined;
}

/** The fields every line starts with; `timestamp` only when `published` is a valid time. */
function base(published: string, message: string, eventType: string, uuid: string): TimesketchLine {
  const ts = micros(published);
  return {
    message,
    datetime: published,
    ...(ts === undefined ? {} : { timestamp: ts }),
    timestamp_desc: TIMESTAMP_DESC,
    tag: [SOURCE_TAG],
    finding_ids: [],
    data_type: 'okta:systemlog:event',
    event_type: eventType,
    okta_uuid: uuid,
  };
}

/** A nullable log value for a message, escaped like table cells; `-` when absent. */
const shown = (v: string | null | undefined): string => (v ? safeText(v) : '-');

/**
 * The line of a revocation: who revoked which token, from where, with which outcome and rules, how
 * severe it was rated and by which signals; tagged `revocation`. A revocation whose outcome is not
 * SUCCESS says so: `revocation attempt failed`.
 */
export function revocationLine(f: Finding): TimesketchLine {
  const ev = (f.event ?? {}) as { eventType?: unknown; displayMessage?: unknown };
  const eventType = typeof ev.eventType === 'string' ? ev.eventType : REVOKE_EVENT;
  const by = f.revokedBy;
  const who = `${by.kind} ${shown(by.alternateId ?? by.id)}`;
  const token = `API token ${shown(f.token.name)} (${shown(f.token.id)})`;
  const failed = f.outcome !== null && f.outcome.toUpperCase() !== 'SUCCESS';
  const message = failed ? `${token}: revocation attempt failed (${shown(f.outcome)}), by ${who}` : `${token} revoked by ${who}: ${shown(f.outcome)}`;
  const line = base(f.published, message, eventType, f.id);
  Object.assign(line, {
    display_message: typeof ev.displayMessage === 'string' ? ev.displayMessage : null,
    actor_id: by.id,
    actor_type: by.type,
    actor_alternate_id: by.alternateId,
    actor_display_name: by.displayName,
    client_ip: f.client.ipAddress,
    client_city: f.client.city,
    client_country: f.client.country,
    user_agent: f.client.userAgent,
    outcome: f.outcome,
    token_id: f.token.id,
    token_name: f.token.name,
    revoked_by_kind: by.kind,
    rules: f.rules.map((r) => r.title),
    ...(f.severity === undefined ? {} : { severity: f.severity, signals: (f.signals ?? []).map((s) => s.id) }),
  });
  line.tag.push('revocation');
  return line;
}

/**
 * The line of a window event: what happened, by whom (`via` the token a call was made with: Okta
 * logs it under the token's owner), from where, to which targets.
 */
export function windowLine(e: WindowEvent): TimesketchLine {
  const actor = actorName(e.actor);
  const via = viaToken(e.requestApiToken);
  const message = `${shown(e.displayMessage ?? e.eventType)} (${shown(e.eventType)}) by ${shown(actor)}${via === null ? '' : ` via ${safeText(via)}`} from ${shown(e.client.ipAddress)}`;
  const line = base(e.published, message, e.eventType, e.uuid);
  Object.assign(line, {
    display_message: e.displayMessage,
    actor_id: e.actor.id,
    actor_type: e.actor.type,
    actor_alternate_id: e.actor.alternateId,
    actor_display_name: e.actor.displayName,
    via_token_id: e.requestApiToken?.id ?? null,
    via_token_name: e.requestApiToken?.name ?? null,
    client_ip: e.client.ipAddress,
    client_city: e.client.city,
    client_country: e.client.country,
    outcome: e.outcome,
    targets: targetNames(e.targets),
  });
  return line;
}

/** Adds rule matches to a line: their titles to `detected_by` (merged, no repeats) and the tag `detection`. */
export function markDetected(line: TimesketchLine, rules: readonly RuleRef[]): void {
  if (rules.length === 0) return;
  const titles = new Set([...((line.detected_by as string[] | undefined) ?? []), ...rules.map((r) => r.title)]);
  line.detected_by = [...titles];
  if (!line.tag.includes('detection')) line.tag.push('detection');
}

/** The line of a `--hunt` detection outside every window: what happened, by whom, from where. */
export function detectionLine(d: Detection): TimesketchLine {
  const actor = actorName(d.actor);
  const message = `${shown(d.eventType)} by ${shown(actor)} from ${shown(d.client.ipAddress)}: ${d.rules.map((r) => safeText(r.title)).join(', ')}`;
  const line = base(d.published, message, d.eventType, d.id);
  Object.assign(line, {
    actor_id: d.actor.id,
    actor_type: d.actor.type,
    actor_alternate_id: d.actor.alternateId,
    actor_display_name: d.actor.displayName,
    client_ip: d.client.ipAddress,
    client_city: d.client.city,
    client_country: d.client.country,
    user_agent: d.client.userAgent,
    outcome: d.outcome,
    targets: targetNames(d.targets),
  });
  markDetected(line, d.rules);
  return line;
}
