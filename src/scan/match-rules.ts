// The loaded rules against one event: which of them it matched, and counts per rule.
import type { RuleRef } from '../model/report.js';
import type { SigmaRule } from '../rules/index.js';

/** `{id, title, level}` of every rule in `rules` that matches `doc`, in rule order. */
export function matchingRules(rules: readonly SigmaRule[], doc: Record<string, unknown>): RuleRef[] {
  const out: RuleRef[] = [];
  for (const rule of rules) {
    if (rule.matches(doc)) out.push({ id: rule.id, title: rule.title, level: rule.level });
  }
  return out;
}

/** Records (findings or detections) per rule id, in the order the ids are first met. */
export function countByRule(records: readonly { rules: readonly RuleRef[] }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) for (const { id } of r.rules) counts.set(id, (counts.get(id) ?? 0) + 1);
  // fromEntries defines own properties, so an id like `__proto__` is counted like any other.
  return Object.fromEntries(counts);
}
