// The rules a run uses: the built-in ones and those of --rules, with every rule that could not be used.
import { realpath, stat } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { loadBuiltinRules, loadRules, RuleError, type SigmaRule, type SkippedRule } from '../../rules/index.js';
import { resolvePlaceholders } from './placeholders.js';
import type { RuleOptions } from './rule-options.js';

/** What loading the rules of a command line gave. */
export interface RuleSet {
  /** Rules to run: the built-in ones first, then those of `--rules` in load order. */
  rules: SigmaRule[];
  /** How many of `rules` are built-in. */
  builtin: number;
  /** Rules that are not valid or that this engine cannot run (unknown modifier, unresolved placeholder, …). */
  broken: RuleError[];
  /** Valid Sigma of a kind this tool does not run: correlation rules and filters. */
  unsupported: RuleError[];
  /** Rules for another log source (not Okta). */
  skipped: SkippedRule[];
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return ra === rb;
}

/**
 * Loads the built-in rules (unless `--no-builtin-rules`) and the `--rules` paths with the
 * placeholder values of the command line. Broken, unsupported and non-Okta rules are returned,
 * never thrown; a `--rules` path that does not exist, a bad placeholder option, or no rules at all
 * are usage errors. A `--rules` path naming the shipped rules again does not load them twice.
 */
export async function loadRuleSet(options: RuleOptions): Promise<RuleSet> {
  if (!options.builtin && options.paths.length === 0) {
    throw new UsageError('--no-builtin-rules leaves no rules to run: give --rules PATH');
  }
  for (const p of options.paths) {
    const exists = await stat(p).then(() => true, (e: unknown) => (e as NodeJS.ErrnoException).code !== 'ENOENT');
    if (!exists) throw new UsageError(`--rules ${p}: no such file or folder`);
  }
  const placeholders = await resolvePlaceholders(options.placeholderFiles, options.placeholders);
  const builtins = options.builtin ? await loadBuiltinRules() : [];
  const set: RuleSet = { rules: [...builtins], builtin: builtins.length, broken: [], unsupported: [], skipped: [] };
  if (options.paths.length === 0) return set;
  const loaded = await loadRules(options.paths, { placeholders });
  const builtinById = new Map(builtins.map((r) => [r.id, r]));
  for (const rule of loaded.rules) {
    const same = builtinById.get(rule.id);
    if (same === undefined) set.rules.push(rule);
    else if (!(await sameFile(same.file, rule.file))) {
      set.broken.push(new RuleError(rule.file, rule.title, `duplicate rule id ${rule.id} (also the built-in rule ${JSON.stringify(same.title)})`));
    }
  }
  for (const e of loaded.errors) (e.unsupported ? set.unsupported : set.broken).push(e);
  set.skipped = loaded.skipped;
  return set;
}
