// Loading rule files and folders (multi-document YAML, collection actions) and the shipped rules.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { ruleDocuments } from './collection.js';
import { compileRuleAt } from './compile.js';
import { RuleError } from './errors.js';
import { isMap, notOktaReason, ruleTitle } from './metadata.js';
import type { CompileOptions, LoadResult, SigmaRule } from './types.js';

const RULE_EXTENSIONS = new Set(['.yml', '.yaml']);

/** Rule files under a folder, recursively, sorted; hidden entries skipped; links followed once. */
async function walk(dir: string, seen: Set<string>, out: string[]): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = (await readdir(dir)).sort();
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    const st = await stat(full).catch(() => null);
    if (st?.isDirectory()) await walk(full, seen, out);
    else if (st?.isFile() && RULE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(full);
  }
}

/**
 * Loads Sigma rules from files and folders (recursively, `.yml`/`.yaml`; files given by name are
 * read whatever their extension). Every document of a multi-document file is a rule, after Sigma
 * collection actions. Rules whose logsource is not Okta are skipped with a reason; broken rules,
 * unreadable paths and duplicate ids are reported in `errors`. Nothing here throws for bad rules.
 */
export async function loadRules(paths: string[], options: CompileOptions = {}): Promise<LoadResult> {
  const result: LoadResult = { rules: [], errors: [], skipped: [] };
  const files: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    try {
      const st = await stat(p);
      if (st.isDirectory()) await walk(p, seen, files);
      else files.push(p);
    } catch (e) {
      result.errors.push(new RuleError(p, null, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    }
  }
  const ids = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      result.errors.push(new RuleError(file, null, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
      continue;
    }
    for (const { raw, index } of await ruleDocuments(text, file, result.errors)) {
      const isMeta = isMap(raw) && ('correlation' in raw || 'filter' in raw || raw.type === 'correlation' || raw.type === 'filter');
      const skip = isMeta ? null : notOktaReason(raw);
      if (skip !== null) {
        result.skipped.push({ file, title: ruleTitle(raw), reason: skip });
        continue;
      }
      let rule: SigmaRule;
      try {
        rule = compileRuleAt(raw, file, index, options);
      } catch (e) {
        if (e instanceof RuleError) {
          result.errors.push(e);
          continue;
        }
        throw e;
      }
      const other = ids.get(rule.id);
      if (other !== undefined) {
        result.errors.push(new RuleError(file, rule.title, `duplicate rule id ${rule.id} (also in ${other})`));
        continue;
      }
      ids.set(rule.id, file);
      result.rules.push(rule);
    }
  }
  return result;
}

/**
 * Absolute path of the shipped `rules/` folder: the nearest folder above this module that holds a
 * package.json, joined with `rules` (works from `src/rules/` and from `dist/src/rules/`).
 */
export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}

/** Loads the shipped rules; throws when any of them fails to load or none is found. */
export async function loadBuiltinRules(): Promise<SigmaRule[]> {
  const dir = builtinRulesDir();
  const { rules, errors, skipped } = await loadRules([dir]);
  const problems = [...errors.map((e) => e.message), ...skipped.map((s) => `${s.file}: skipped: ${s.reason}`)];
  if (problems.length > 0) throw new Error(`built-in rules failed to load:\n${problems.join('\n')}`);
  if (rules.length === 0) throw new Error(`no built-in rules found in ${dir}`);
  return rules;
}
