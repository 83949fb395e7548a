// The scan: first pass finds revocations and token facts, second pass fills the activity windows.
import type { OktaEvent } from '../events/types.js';
import type { InputSource } from '../input/sources.js';
import type { ReadOptions } from '../input/read.js';
import { SCHEMA_VERSION, type Detection, type Finding, type ScanReport } from '../model/report.js';
import type { SigmaRule } from '../rules/index.js';
import { attachSignals, evaluateSignals } from '../signals/evaluate.js';
import { SignalHistory } from '../signals/history.js';
import { DEFAULT_SIGNAL_OPTIONS, type SignalOptions } from '../signals/options.js';
import { TokenBaselines } from '../signals/token-baseline.js';
import { WindowCollector, type WindowOptions } from '../window/collector.js';
import { TokenIndex } from '../window/token-index.js';
import { buildDetection } from './detection.js';
import { countByRule, matchingRules } from './match-rules.js';
import { isRevokeEvent, REVOKE_EVENT } from '../events/event-types.js';
import { compareFindings } from '../model/order.js';
import { buildFinding } from './finding.js';
import { mergeInterests } from '../events/interest.js';
import { probesFor } from './fast/interest-probes.js';
import { inputSummary, runPass, type PassProgress, type PassResult } from './pass.js';
import { HASHED_KEYS, TOKEN_LIFECYCLE_NEEDLE } from './fast/record-hashes.js';
import { closeIndexes } from './fast/record-index.js';
import type { SourceFile } from '../input/record-source.js';
import { OriginalStore } from './originals.js';
import { resolveRange, type TimeRange } from './time-range.js';
import { IncidentBuilder } from '../incident/builder.js';
import { tokenCallOf, type TokenCall } from '../events/token-call.js';

/** Options for {@link scan}. */
export interface ScanOptions {
  read: ReadOptions;
  rules: SigmaRule[];
  /** Parse every record (exact diagnostics and duplicate counts; slower). */
  validate: boolean;
  /** Activity windows, or null for rules only (`--no-window`). */
  window: WindowOptions | null;
  /** Triage signal settings (with windows only; defaults when absent). */
  signals?: SignalOptions;
  /** Threads for large plain files (1 or 2). */
  threads?: number;
  /** Smallest file read by two threads. */
  parallelMinBytes?: number;
  /** Report only revocations and detections published inside this range (`--from`, `--to`); windows still see every event. */
  range?: TimeRange;
  /** Report every other event a rule matches as a detection (`--hunt`). */
  hunt?: boolean;
  /** Told how far each pass has read (pass 1 finds revocations; pass 2, when there are any, fills the windows). */
  onProgress?: (progress: PassProgress & { pass: number }) => void;
}

/** What {@link scan} gives. */
export interface ScanResult {
  report: ScanReport;
  stats: ScanStats;
  /**
   * Reads the originals window events hold by reference, while the report is written: tell it the
   * report to be written (`expectReport`), then pass it to the reporter.
   */
  originals: OriginalStore;
}

/** Figures for `--stats`. */
export interface ScanStats {
  bytes: number;
  parsed: number;
  passes: number;
  /** Input reads done by two threads (over all passes). */
  split: number;
  /** Inputs whose second pass read only the records their first-pass record index selected. */
  indexed: number;
  /** Wall time of each pass, and of building the windows, signals and incidents after the last one (ms). */
  phases: { pass1: number; pass2: number; windows: number };
  /** The range applied (ms, infinite when open) and the newest event it was counted from. */
  range?: { from: number; to: number; newest: number | null };
}

/**
 * Needles of the first pass: token creations and calls made with a token (for windows), then the
 * revocations, or with `hunt` the rules' literals. Without `hunt` only revocation events can become
 * findings, so the revocation event type is the only needle the rules need (however many there
 * are, and whether they have literals or not).
 */
export function firstPassNeedles(rules: SigmaRule[], windows: boolean, hunt = false): { needles: string[]; all: boolean } {
  // `_token.` selects every system.api_token.* event (creations, the token's lifecycle targets);
  // `requestApiTokenId` every call made with a token.
  const needles: string[] = windows ? [TOKEN_LIFECYCLE_NEEDLE, 'requestApiTokenId'] : [];
  if (!hunt) return { needles: [...needles, REVOKE_EVENT], all: false };
  let all = false;
  for (const r of rules) {
    if (r.literals === null) all = true;
    else needles.push(...r.literals);
  }
  return { needles, all };
}

/** Scans the inputs and returns the report (findings sorted by time, then id). */
export async function scan(sources: InputSource[], opts: ScanOptions): Promise<ScanResult> {
  const found = new Map<string, { finding: Finding; event: OktaEvent }>();
  let detections: Detection[] = [];
  const tokens = new TokenIndex();
  const baselines = new TokenBaselines();
  const windows = opts.window !== null;
  const hunt = opts.hunt === true;
  const first = firstPassNeedles(opts.rules, windows, hunt);
  // A revocation matched by a rule is a finding; with --hunt any other matched event is a detection.
  const onMatch = (event: OktaEvent): boolean => {
    const revocation = isRevokeEvent(event.eventType);
    if (!revocation && !hunt) return false;
    const matched = matchingRules(opts.rules, event.doc);
    if (matched.length === 0) return false;
    if (revocation) found.set(event.uuid, { finding: buildFinding(event, matched), event });
    else detections.push(buildDetection(event, matched));
    return true;
  };
  const phases = { pass1: 0, pass2: 0, windows: 0 };
  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - clock;
    clock = now;
    return ms;
  };
  // What the windows and baselines keep of a call made with a token, however it was read.
  const takeCall = (call: TokenCall): void => {
    tokens.observeCall(call);
    baselines.observe(call);
  };
  let pass: PassResult = await runPass({
    sources,
    read: opts.read,
    filter: { needles: first.needles, all: first.all || opts.validate, probes: [], keys: windows ? HASHED_KEYS : [] },
    // A record index lets the second pass read only the records its probes select.
    index: windows && !opts.validate,
    threads: opts.threads,
    parallelMinBytes: opts.parallelMinBytes,
    dedupAll: opts.validate,
    onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, pass: 1 })),
    // A call made with a token that is nothing else to the scan can be read by the thread that
    // found it, as its facts: this thread then parses only its own part's calls.
    ...(windows && !hunt && !opts.validate ? { onTokenCall: takeCall } : {}),
    onEvent(event) {
      const matched = onMatch(event);
      // Token facts and baselines are the same however often an event is seen, so calls made with
      // a token are not remembered: they grow with the input (2% of an export), revocations do not.
      if (windows && TokenIndex.wants(event)) {
        tokens.observeCreation(event);
        const call = tokenCallOf(event);
        if (call) takeCall(call);
      }
      return matched;
    },
  });
  phases.pass1 = lap();
  let parsed = pass.parsed;
  let passes = 1;
  let split = pass.split;
  let indexed = 0;
  let sourceFiles = new Map<number, SourceFile>();
  let applied: ScanStats['range'];
  let findings: Finding[];
  const incidents = new IncidentBuilder();
  // The first pass's record indexes (temporary files) are closed whatever happens next.
  const indexes = pass.indexes;
  try {
    if (opts.range && (opts.range.from || opts.range.to)) {
      const { from, to } = resolveRange(opts.range, pass.newest);
      applied = { from, to, newest: pass.newest };
      for (const [id, f] of found) if (f.finding.publishedMs < from || f.finding.publishedMs > to) found.delete(id);
      detections = detections.filter((d) => d.publishedMs >= from && d.publishedMs <= to);
    }
    findings = [...found.values()].map((f) => f.finding).sort(compareFindings);

    if (opts.window && findings.length > 0) {
      // Second pass: token lifecycle events plus the window probes (calls made with a revoked token,
      // the revokers' and owners' own events, the token's addresses), each gated by time. Inputs
      // with a record index are not read again: only the records it selects are. It adds to the
      // first pass's counts and diagnostics.
      const revocations = new Map([...found].map(([id, f]) => [id, f.event]));
      const collector = new WindowCollector(findings, tokens, opts.window, revocations, (event) => matchingRules(opts.rules, event.doc));
      // Triage signals also need some history before each window: the revoked token's calls and
      // the revokers' own events (their probes widen the window probes' time gates).
      const signalOptions = opts.signals ?? DEFAULT_SIGNAL_OPTIONS;
      const viaToken = new Set([...revocations].filter(([, e]) => e.requestApiTokenId !== null).map(([id]) => id));
      const history = new SignalHistory(findings, opts.window, signalOptions, viaToken);
      pass = await runPass({
        sources,
        read: opts.read,
        filter: { needles: [TOKEN_LIFECYCLE_NEEDLE], all: opts.validate, probes: probesFor(mergeInterests(collector.interest(), history.interest())) },
        throughIndex: true,
        threads: opts.threads,
        parallelMinBytes: opts.parallelMinBytes,
        onEvent: (event) => {
          const kept = collector.observe(event);
          return history.observe(event) || kept;
        },
        onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, pass: 2 })),
        previous: pass,
      });
      phases.pass2 = lap();
      // No pass follows: the identities this one kept (one key per window event) can go before the
      // windows are built (4 MiB of peak heap on the heavy 1 GiB bench export).
      pass.kept.clear();
      const sourcesOfSignals = { baselines, history, options: signalOptions, createdAt: (id: string) => tokens.owners.get(id)?.published ?? null };
      collector.finish((finding, events) => {
        attachSignals(finding, evaluateSignals(finding, events, sourcesOfSignals));
        incidents.add(finding, events);
      });
      parsed += pass.parsed;
      passes++;
      split += pass.split;
      indexed = pass.indexed;
      sourceFiles = pass.sourceFiles;
    }
  } finally {
    closeIndexes(indexes);
  }

  detections.sort(compareFindings);
  const incidentList = windows ? incidents.build() : undefined;
  if (passes > 1) phases.windows = lap();
  const inputs = pass.inputs.map(inputSummary);
  const report: ScanReport = {
    schemaVersion: SCHEMA_VERSION,
    inputs,
    summary: {
      files: inputs.length,
      skipped: 0,
      events: sum(inputs.map((i) => i.events)),
      duplicates: sum(inputs.map((i) => i.duplicates)),
      diagnostics: pass.diagnostics.total,
      unreadRevocations: pass.diagnostics.lostTotal,
      findings: findings.length,
      byRule: countByRule(findings),
      ...(hunt ? { detections: detections.length, detectionsByRule: countByRule(detections) } : {}),
    },
    findings,
    ...(hunt ? { detections } : {}),
    ...(incidentList ? { incidents: incidentList } : {}),
    diagnostics: pass.diagnostics.reported(),
  };
  const stats: ScanStats = { bytes: sum(pass.inputs.map((i) => i.bytes)), parsed, passes, split, indexed, phases };
  if (applied) stats.range = applied;
  const originals = new OriginalStore(sourceFiles);
  return { report, stats, originals };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
