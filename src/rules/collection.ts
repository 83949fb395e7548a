// Multi-document rule files: YAML documents and Sigma collection actions (global, reset, repeat).
import { cachedDocuments } from './builtin-cache.js';
import { RuleError } from './errors.js';
import { isMap, ruleTitle } from './metadata.js';

/** `dest` updated with `src`, recursively for maps (pySigma's `deep_dict_update`); copies. */
function deepMerge(dest: Record<string, unknown>, src: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...dest };
  for (const [k, v] of Object.entries(src)) {
    out[k] = isMap(v) ? deepMerge(isMap(out[k]) ? out[k] : {}, v) : v;
  }
  return out;
}

/** One rule document: its content and its 1-based position (null in a single-document file). */
export interface RuleDocument {
  raw: unknown;
  index: number | null;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim().replace(/:$/, '');
}

/**
 * The rule documents of one YAML text with Sigma collection actions applied: `action: global`
 * sets a template merged into the following rules, `action: reset` clears it, `action: repeat`
 * repeats the previous rule with changes. Problems are added to `errors`. The text of a shipped
 * rule file is not parsed again: its documents come from the build's cache (see builtin-cache.ts),
 * so a run with only the built-in rules never loads the YAML parser (30-40 ms of every start).
 */
export async function ruleDocuments(text: string, file: string, errors: RuleError[]): Promise<RuleDocument[]> {
  return cachedDocuments(text) ?? parseRuleDocuments(text, file, errors, await import('yaml'));
}

/** {@link ruleDocuments} with the YAML parser given: what the build's cache holds for each shipped file. */
export function parseRuleDocuments(text: string, file: string, errors: RuleError[], yaml: typeof import('yaml')): RuleDocument[] {
  const docs = yaml.parseAllDocuments(text.replace(/^\uFEFF/, ''));
  const list = Array.isArray(docs) ? docs : [docs];
  const out: RuleDocument[] = [];
  let global: Record<string, unknown> = {};
  let previous: Record<string, unknown> | null = null;
  list.forEach((doc, i) => {
    const index = i + 1;
    const where = list.length > 1 ? ` (document ${index})` : '';
    if (doc.errors.length > 0) {
      errors.push(new RuleError(file, null, `invalid YAML${where}: ${firstLine(doc.errors[0]!.message)}`));
      return;
    }
    let raw: unknown;
    try {
      raw = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      errors.push(new RuleError(file, null, `invalid YAML${where}: ${firstLine((e as Error).message)}`));
      return;
    }
    if (raw === null || raw === undefined) return; // empty document, e.g. after a final ---
    if (!isMap(raw) || !('action' in raw)) {
      const merged = isMap(raw) ? deepMerge(raw, global) : raw;
      out.push({ raw: merged, index });
      if (isMap(merged)) previous = merged;
      return;
    }
    const { action, ...rest } = raw;
    if (action === 'global') {
      global = rest;
      previous = rest;
    } else if (action === 'reset') {
      global = {};
    } else if (action === 'repeat') {
      if (previous === null) {
        errors.push(new RuleError(file, ruleTitle(raw), `action 'repeat'${where} has no previous rule to repeat`));
        return;
      }
      previous = deepMerge(previous, rest);
      out.push({ raw: previous, index });
    } else {
      errors.push(new RuleError(file, ruleTitle(raw), `unknown collection action '${String(action)}'${where}`));
    }
  });
  return list.length > 1 ? out : out.map((d) => ({ ...d, index: null }));
}
