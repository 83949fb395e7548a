// Which of a finding's signals cite each event as evidence, and the highest severity among them: the evidence marks every format shows.
import { severityRank, type Severity } from '../model/severity.js';
import type { Finding } from '../model/report.js';
import { SIGNAL_IDS, type SignalId } from '../model/signal.js';

/** The signals citing one event: their highest severity and their ids (in SIGNAL_IDS order). */
export interface Evidence {
  severity: Severity;
  signals: SignalId[];
}

/** uuid → the evidence of `finding`'s signals for that event (the revocation itself included). */
export function evidenceOf(finding: Finding): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const s of finding.signals ?? []) {
    for (const uuid of s.evidence) {
      const known = out.get(uuid);
      if (known === undefined) out.set(uuid, { severity: s.severity, signals: [s.id] });
      else {
        if (severityRank(s.severity) > severityRank(known.severity)) known.severity = s.severity;
        if (!known.signals.includes(s.id)) known.signals.push(s.id);
      }
    }
  }
  for (const e of out.values()) e.signals.sort((a, b) => SIGNAL_IDS.indexOf(a) - SIGNAL_IDS.indexOf(b));
  return out;
}

/** How a call made with a token is named: the token's name, else its id; null when the event is no such call. */
export function viaToken(token: { id: string; name: string | null } | null | undefined): string | null {
  return token ? (token.name ?? token.id) : null;
}
