// The extra fields a window keeps of each event for triage signals (network, agent, Okta's threat flags).
import type { OktaEvent } from '../events/types.js';

/** What signals read of a kept event beyond its links, type, time, address and outcome. */
export interface EventFacts {
  /** `securityContext.asNumber` as text. */
  asNumber: string | null;
  /** `securityContext.asOrg`. */
  asOrg: string | null;
  /** `client.userAgent.rawUserAgent`. */
  userAgent: string | null;
  /** `securityContext.isProxy`. */
  isProxy: boolean | null;
  /** `debugContext.debugData.threatSuspected` is `"true"` (or true). */
  threatSuspected: boolean;
  /** The `level=…` of `debugContext.debugData.risk` (`HIGH`, `MEDIUM`, `LOW`), upper-cased. */
  riskLevel: string | null;
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}

/** `{reasons=…, level=HIGH}` (Okta's text form) or `{level: "HIGH"}` → `HIGH`. */
export function riskLevelOf(risk: unknown): string | null {
  if (typeof risk === 'string') {
    const m = /\blevel\s*=\s*([A-Za-z]+)/.exec(risk);
    return m ? m[1]!.toUpperCase() : null;
  }
  const level = obj(risk)?.level;
  return typeof level === 'string' && level !== '' ? level.toUpperCase() : null;
}

/** The facts of one normalised event (read from its canonical document; never throws). */
export function factsOf(e: OktaEvent): EventFacts {
  const debug = obj(obj(e.doc.debugContext)?.debugData);
  const threat = debug?.threatSuspected;
  return {
    asNumber: e.client.asNumber,
    asOrg: e.client.asOrg,
    userAgent: e.client.userAgent,
    isProxy: e.client.isProxy,
    threatSuspected: threat === true || (typeof threat === 'string' && threat.toLowerCase() === 'true'),
    riskLevel: riskLevelOf(debug?.risk),
  };
}
