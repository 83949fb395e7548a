// Runs every triage signal on one revocation's window and attaches signals and severity to its finding.
import type { Finding } from '../model/report.js';
import type { KeptEvent } from '../window/collector.js';
import type { ActivityWindow } from '../model/window.js';
import { burstSignals } from './burst.js';
import { callsWith, type SignalContext } from './context.js';
import { dormantSignals } from './dormant.js';
import { failureSignals } from './failures.js';
import type { SignalHistory } from './history.js';
import { noveltySignals } from './novelty.js';
import { oktaThreatSignals } from './okta-threat.js';
import type { SignalOptions } from './options.js';
import { privilegedActionSignals } from './privileged-action.js';
import { revokerContextSignals } from './revoker-context.js';
import { ruleMatchSignals } from './rule-match.js';
import { combineSeverity } from './severity.js';
import type { TokenBaselines } from './token-baseline.js';
import { compareSignals, type Signal } from '../model/signal.js';

/** Every signal, each a function of the context. */
const SIGNALS: readonly ((ctx: SignalContext) => Signal[])[] = [
  privilegedActionSignals,
  oktaThreatSignals,
  ruleMatchSignals,
  noveltySignals,
  burstSignals,
  failureSignals,
  revokerContextSignals,
  dormantSignals,
];

/** What the passes gathered for the signals. */
export interface SignalSources {
  baselines: TokenBaselines;
  /** Second-pass history; null when none was gathered. */
  history: SignalHistory | null;
  /** Token id → time of its earliest create event. */
  createdAt(tokenId: string): number | null;
  options: SignalOptions;
}

/** The signals of one window, sorted by severity (highest first), then by id order. */
export function evaluateSignals(finding: Finding & { window: ActivityWindow }, events: readonly KeptEvent[], sources: SignalSources): Signal[] {
  const tokenId = finding.token.id;
  const ctx: SignalContext = {
    finding,
    tokenId,
    start: Date.parse(finding.window.start),
    end: Date.parse(finding.window.end),
    revokedAt: finding.publishedMs,
    events,
    calls: callsWith(events, tokenId),
    baselines: sources.baselines,
    activity: sources.history?.tokens.tracks.get(finding.id) ?? null,
    revoker: sources.history?.revokers.get(finding.id) ?? null,
    tokenCreatedAt: tokenId === null ? null : sources.createdAt(tokenId),
    options: sources.options,
  };
  return SIGNALS.flatMap((s) => s(ctx)).sort(compareSignals);
}

/** Sets `severity` (see combineSeverity) and `signals` on the finding, after its window. */
export function attachSignals(finding: Finding, signals: Signal[]): void {
  finding.severity = combineSeverity(signals);
  finding.signals = signals;
}
