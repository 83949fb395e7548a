// What the CLI says on stderr about the loaded rules: skips, rules that cannot be used, pre-filter cost.
import { basename } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import type { SigmaRule } from '../../rules/index.js';
import { plural } from '../../text/plural.js';
import type { RuleSet } from './rule-set.js';

/** Names listed in one note before `… N more`. */
const SHOW_NAMES = 5;

/** How the notes are written and what is fatal. */
export interface RuleNoteOptions {
  /** Rules that cannot be used are fatal (exit 2) instead of skipped. */
  strict: boolean;
  /** The first pass runs every rule (`--hunt`): rules without literals then cost a full parse. */
  hunt: boolean;
  /** Only fatal problems are printed. */
  quiet: boolean;
  /** Whether `--rules` was given (the count of loaded rules is then printed). */
  userRules: boolean;
}

/** `"Title" (file.yml), …` for the first few, then `… N more`. */
export function nameList(items: readonly { title: string | null; file: string }[]): string {
  const shown = items.slice(0, SHOW_NAMES).map((i) => `${i.title === null ? '(untitled)' : JSON.stringify(i.title)} (${basename(i.file)})`);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, … ${more} more` : shown.join(', ');
}

/** Rules without pre-filter literals (each forces every record to be parsed when it runs on every record). */
export function fullParseRules(rules: readonly SigmaRule[]): SigmaRule[] {
  return rules.filter((r) => r.literals === null);
}

/** Every rule that was given but cannot run. */
function unusable(set: RuleSet) {
  return [...set.unsupported, ...set.broken];
}

/**
 * Writes the notes about a rule set with `err` (one line each, prefixed by the caller) and throws
 * a UserError (exit 2) when `strict` and some rule cannot be used. Broken and unsupported rules are
 * always named with their file, title and problem; the other notes are left out with `quiet`.
 */
export function reportRuleSet(set: RuleSet, options: RuleNoteOptions, err: (line: string) => void): void {
  const bad = unusable(set);
  if (options.strict && bad.length > 0) {
    for (const e of set.unsupported) err(`not supported: ${e.message}`);
    for (const e of set.broken) err(`rule error: ${e.message}`);
    throw new UserError(`--strict-rules: ${plural(bad.length, 'rule')} cannot be used; nothing scanned`, ExitCode.Usage);
  }
  if (options.quiet) return;
  for (const e of set.unsupported) err(`not supported, rule skipped: ${e.message}`);
  for (const e of set.broken) err(`rule error, rule skipped: ${e.message}`);
  if (set.broken.some((e) => e.problem.startsWith('unresolved placeholder'))) {
    err('give placeholder values with --placeholder NAME=VALUE (repeatable) or --placeholders FILE');
  }
  if (set.skipped.length > 0) {
    const n = set.skipped.length;
    err(`skipped ${plural(n, 'rule')} whose logsource is not Okta: ${nameList(set.skipped)}`);
  }
  if (options.userRules) {
    const mine = set.rules.length - set.builtin;
    err(`${plural(mine, 'rule')} loaded from --rules${set.builtin > 0 ? ` (and ${set.builtin} built-in)` : ''}`);
  }
  const slow = options.hunt ? fullParseRules(set.rules) : [];
  if (slow.length > 0) {
    err(
      `${slow.length} rule${slow.length === 1 ? ' has' : 's have'} no literal value for the byte pre-filter, so --hunt parses every record ` +
        `(several times slower on large exports, like --validate): ${nameList(slow)}`,
    );
  }
}
