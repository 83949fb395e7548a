// The scan: first pass finds revocations and token facts, second pass fills the activity windows.
import type { OktaEvent } from '../events/types.js';
import type { InputSource } from '../input/sources.js';
import type { ReadOptions } from '../input/read.js';
import { SCHEMA_VERSION, type Finding, type RuleRef, type ScanReport } from '../report/model.js';
import type { SigmaRule } from '../rules/index.js';
import { WindowCollector, type WindowOptions } from '../window/collector.js';
import { TokenIndex } from '../window/token-index.js';
import { buildFinding, compareFindings, REVOKE_EVENT } from './finding.js';
import { runPass, type PassResult } from './pass.js';
import { Prefilter } from './prefilter.js';

/** Options for {@link scan}. */
export interface ScanOptions {
  read: ReadOptions;
  rules: SigmaRule[];
  /** Parse every record (exact diagnostics and duplicate counts; slower). */
  validate: boolean;
  /** Activity windows, or null for rules only (`--no-window`). */
  window: WindowOptions | null;
}

/** Figures for `--stats`. */
export interface ScanStats {
  bytes: number;
  parsed: number;
  passes: number;
}

/** Needles of the first pass: the rules' literals, token creations and calls made with a token. */
export function firstPassNeedles(rules: SigmaRule[], windows: boolean): { needles: string[]; all: boolean } {
  // `_token.` selects every system.api_token.* event (creations, the token's lifecycle targets);
  // `requestApiTokenId` every call made with a token.
  const needles: string[] = windows ? ['_token.', 'requestApiTokenId'] : [];
  let all = false;
  for (const r of rules) {
    if (r.literals === null) all = true;
    else needles.push(...r.literals);
  }
  return { needles, all };
}

/** Scans the inputs and returns the report (findings sorted by time, then id). */
export async function scan(sources: InputSource[], opts: ScanOptions): Promise<{ report: ScanReport; stats: ScanStats }> {
  const found = new Map<string, { finding: Finding; event: OktaEvent }>();
  const tokens = new TokenIndex();
  const windows = opts.window !== null;
  const first = firstPassNeedles(opts.rules, windows);
  const onRevocation = (event: OktaEvent): boolean => {
    if (event.eventType.toLowerCase() !== REVOKE_EVENT) return false;
    const matched: RuleRef[] = [];
    for (const rule of opts.rules) {
      if (rule.matches(event.doc)) matched.push({ id: rule.id, title: rule.title, level: rule.level });
    }
    if (matched.length === 0) return false;
    found.set(event.uuid, { finding: buildFinding(event, matched), event });
    return true;
  };
  let pass: PassResult = await runPass({
    sources,
    read: opts.read,
    prefilter: new Prefilter(first.needles, first.all || opts.validate),
    dedupAll: opts.validate,
    onEvent(event) {
      const revocation = onRevocation(event);
      // Token facts are the same however often an event is seen, so calls made with a token are
      // not remembered: they grow with the input (2% of an export), revocations do not.
      if (windows && TokenIndex.wants(event)) tokens.observe(event);
      return revocation;
    },
  });
  let parsed = pass.parsed;
  let passes = 1;
  const findings = [...found.values()].map((f) => f.finding).sort(compareFindings);

  if (opts.window && findings.length > 0) {
    // Second pass: token lifecycle events plus the window probes (calls made with a revoked token,
    // the revokers' and owners' own events, the token's addresses), each gated by time. It adds
    // to the first pass's counts and diagnostics.
    const revocations = new Map([...found].map(([id, f]) => [id, f.event]));
    const collector = new WindowCollector(findings, tokens, opts.window, revocations);
    pass = await runPass({
      sources,
      read: opts.read,
      prefilter: new Prefilter(['_token.'], opts.validate, collector.probes()),
      onEvent: (event) => collector.observe(event),
      previous: pass,
    });
    collector.finish();
    parsed += pass.parsed;
    passes++;
  }

  const byRule: Record<string, number> = {};
  for (const f of findings) for (const r of f.rules) byRule[r.id] = (byRule[r.id] ?? 0) + 1;
  const inputs = pass.inputs.map(({ path, format, events, duplicates, diagnostics, error }) =>
    error === null ? { path, format, events, duplicates, diagnostics } : { path, format, events, duplicates, diagnostics, error },
  );
  const report: ScanReport = {
    schemaVersion: SCHEMA_VERSION,
    inputs,
    summary: {
      files: inputs.length,
      events: sum(inputs.map((i) => i.events)),
      duplicates: sum(inputs.map((i) => i.duplicates)),
      diagnostics: pass.diagnostics.total,
      findings: findings.length,
      byRule,
    },
    findings,
    diagnostics: pass.diagnostics.kept,
  };
  return { report, stats: { bytes: sum(pass.inputs.map((i) => i.bytes)), parsed, passes } };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
