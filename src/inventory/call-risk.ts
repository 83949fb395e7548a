// What Okta said about one call's origin: an anonymising proxy (`isProxy`) or a threat verdict (`threatSuspected`).
import type { OktaEvent } from '../events/types.js';

/** Okta's marks on a call. */
export interface CallRisk {
  /** `securityContext.isProxy` is true. */
  proxy: boolean;
  /** `debugContext.debugData.threatSuspected` is `"true"` (or true): ThreatInsight's verdict. */
  threat: boolean;
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}

/** Okta's marks on the event (read from its canonical document; never throws). */
export function callRisk(event: OktaEvent): CallRisk {
  const threat = obj(obj(event.doc.debugContext)?.debugData)?.threatSuspected;
  return {
    proxy: event.client.isProxy === true,
    threat: threat === true || (typeof threat === 'string' && threat.toLowerCase() === 'true'),
  };
}
