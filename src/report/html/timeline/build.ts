// Builds a window's TimelineModel from its finding: events as columns, evidence severities, the revocation's label.
import { severityRank, type Severity } from '../../../model/severity.js';
import type { Finding } from '../../../model/report.js';
import { LINK_ORDER, type ActivityWindow } from '../../../model/window.js';
import { actorName } from '../../entity-name.js';
import { formatTime } from '../../table/cells.js';
import type { TimelineModel } from './model.js';

/** Who revoked: `ann@corp.example`, `Okta (system@okta.com)`. */
export function revokerName(f: Finding): string {
  const who = f.revokedBy.alternateId ?? f.revokedBy.id ?? f.revokedBy.displayName ?? 'unknown';
  return f.revokedBy.kind === 'system' ? `Okta (${who})` : who;
}

/** Interns strings: the same text is stored once and referred to by index. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string | null | undefined): number {
    if (s === null || s === undefined || s === '') return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/**
 * The timeline model of `finding`'s `window`: `id` names its section, `evidence` maps event uuids
 * to the highest severity citing them, `baseline` says what the shaded history is, `timeZone` is `--tz`.
 */
export function buildTimelineModel(
  id: string,
  finding: Finding,
  window: ActivityWindow,
  evidence: ReadonlyMap<string, Severity>,
  baseline: string,
  timeZone: string | undefined,
): TimelineModel {
  const strings = new Strings();
  const model: TimelineModel = {
    id,
    start: Date.parse(window.start),
    end: Date.parse(window.end),
    revokedAt: finding.publishedMs,
    revocation: `${finding.token.name ?? finding.token.id ?? 'token'} revoked by ${revokerName(finding)} at ${formatTime(finding, timeZone)}, ${finding.outcome ?? 'no outcome'}`,
    baseline,
    timeZone: timeZone ?? null,
    strings: strings.list,
    t: [],
    links: [],
    sev: [],
    type: [],
    actor: [],
    ip: [],
  };
  for (const e of window.events) {
    let mask = 0;
    for (const link of e.links) mask |= 1 << LINK_ORDER.indexOf(link);
    const sev = evidence.get(e.uuid);
    model.t.push(Date.parse(e.published));
    model.links.push(mask);
    model.sev.push(sev === undefined ? -1 : severityRank(sev));
    model.type.push(strings.of(e.eventType));
    model.actor.push(strings.of(actorName(e.actor) || null));
    model.ip.push(strings.of(e.client.ipAddress));
  }
  return model;
}
