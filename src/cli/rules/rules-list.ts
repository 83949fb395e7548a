// `rules list`: the loaded rules as a table or a JSON document, with the rules that could not be used.
import { basename } from 'node:path';
import { Chalk } from 'chalk';
import { line } from '../../report/table/cells.js';
import { gridOrBlocks, normaliseWidth, type ColumnSpec } from '../../report/table/grid.js';
import { stringifySafe } from '../../report/json-text.js';
import { SCHEMA_VERSION } from '../../model/report.js';
import type { SigmaRule } from '../../rules/index.js';
import { plural } from '../../text/plural.js';
import type { RuleSet } from './rule-set.js';

/** How a rules command lays out its table. */
export interface RulesLayout {
  color: boolean;
  width: number | undefined;
  /** `rules test`: matched events shown per rule (0 = all). */
  limit: number;
}

/** A loaded rule as the rules commands report it. */
export interface RuleEntry {
  id: string;
  title: string;
  level: string;
  status: string | null;
  file: string;
  builtin: boolean;
  /** The pre-filter literals, or null when the rule forces every record to be parsed. */
  literals: string[] | null;
}

/** A rule that could not be used: `unsupported` (correlation, filter) or `error`. */
export interface ProblemEntry {
  kind: 'error' | 'unsupported';
  file: string;
  title: string | null;
  problem: string;
}

/** The loaded rules in load order (built-in ones first). */
export function ruleEntries(set: RuleSet): RuleEntry[] {
  return set.rules.map((r, i) => ({ id: r.id, title: r.title, level: r.level, status: r.status, file: r.file, builtin: i < set.builtin, literals: r.literals }));
}

/** The rules that could not be used, unsupported ones first. */
export function problemEntries(set: RuleSet): ProblemEntry[] {
  return [
    ...set.unsupported.map((e) => ({ kind: 'unsupported' as const, file: e.file, title: e.title, problem: e.problem })),
    ...set.broken.map((e) => ({ kind: 'error' as const, file: e.file, title: e.title, problem: e.problem })),
  ];
}

/** The rule file as shown in tables: `built-in x.yml` for shipped rules, else the path as given. */
export function shownFile(entry: Pick<RuleEntry, 'file' | 'builtin'>): string {
  return entry.builtin ? `built-in ${basename(entry.file)}` : entry.file;
}

/** `literals joined by ", "` or `full parse`. */
function prefilterText(literals: SigmaRule['literals']): string {
  return literals === null ? 'full parse' : literals.join(', ');
}

const COLUMNS: readonly ColumnSpec<RuleEntry>[] = [
  { header: 'Rule', min: 16, lines: (r) => [line(r.title), line(r.id, 'dim', true)] },
  { header: 'Level', min: 6, lines: (r) => [line(r.level)] },
  { header: 'Status', min: 6, lines: (r) => [line(r.status)] },
  { header: 'File', min: 10, lines: (r) => [line(shownFile(r))] },
  { header: 'Pre-filter', min: 10, lines: (r) => [line(prefilterText(r.literals), r.literals === null ? 'yellow' : undefined)] },
];

/**
 * `rules list` output. Table: one row per loaded rule, then a count line. JSON: `{schemaVersion,
 * rules, problems, skipped}` (problems and skips are named on stderr too).
 */
export function* renderRuleList(set: RuleSet, format: 'table' | 'json', layout: RulesLayout): Generator<string> {
  const entries = ruleEntries(set);
  if (format === 'json') {
    yield `${stringifySafe({ schemaVersion: SCHEMA_VERSION, rules: entries, problems: problemEntries(set), skipped: set.skipped }, 2)}\n`;
    return;
  }
  if (entries.length > 0) yield* gridOrBlocks(COLUMNS, entries, normaliseWidth(layout.width), new Chalk({ level: layout.color ? 1 : 0 }));
  const full = entries.filter((e) => e.literals === null).length;
  const unusable = set.broken.length + set.unsupported.length;
  const parts = [`${plural(entries.length, 'rule')} loaded (${set.builtin} built-in)`];
  if (full > 0) parts.push(`${full} without pre-filter literals`);
  if (unusable > 0) parts.push(`${unusable} cannot be used`);
  if (set.skipped.length > 0) parts.push(`${set.skipped.length} not for Okta`);
  yield `${parts.join(', ')}\n`;
}
