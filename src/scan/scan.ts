// The scan: passes over the inputs, rules on candidate events, findings and the report.
import type { InputSource } from '../input/sources.js';
import type { ReadOptions } from '../input/read.js';
import { SCHEMA_VERSION, type Finding, type RuleRef, type ScanReport } from '../report/model.js';
import type { SigmaRule } from '../rules/index.js';
import { buildFinding, compareFindings, REVOKE_EVENT } from './finding.js';
import { runPass } from './pass.js';
import { Prefilter } from './prefilter.js';

/** Options for {@link scan}. */
export interface ScanOptions {
  read: ReadOptions;
  rules: SigmaRule[];
  /** Parse every record (exact diagnostics and duplicate counts; slower). */
  validate: boolean;
}

/** Figures for `--stats`. */
export interface ScanStats {
  bytes: number;
  parsed: number;
  needles: number;
}

/** Needles for the rules: the union of their literals; any rule without literals means "all". */
export function rulePrefilter(rules: SigmaRule[], validate: boolean): Prefilter {
  const needles: string[] = [];
  let all = validate;
  for (const r of rules) {
    if (r.literals === null) all = true;
    else needles.push(...r.literals);
  }
  return new Prefilter(needles, all);
}

/** Scans the inputs and returns the report (findings sorted by time, then id). */
export async function scan(sources: InputSource[], opts: ScanOptions): Promise<{ report: ScanReport; stats: ScanStats }> {
  const findings: Finding[] = [];
  const prefilter = rulePrefilter(opts.rules, opts.validate);
  const pass = await runPass({
    sources,
    read: opts.read,
    prefilter,
    onEvent(event) {
      if (event.eventType.toLowerCase() !== REVOKE_EVENT) return;
      const matched: RuleRef[] = [];
      for (const rule of opts.rules) {
        if (rule.matches(event.doc)) matched.push({ id: rule.id, title: rule.title, level: rule.level });
      }
      if (matched.length > 0) findings.push(buildFinding(event, matched));
    },
  });
  findings.sort(compareFindings);
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
  return { report, stats: { bytes: sum(pass.inputs.map((i) => i.bytes)), parsed: pass.parsed, needles: prefilter.size } };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
