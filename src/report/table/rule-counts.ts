// The rules that made the findings, named by title with how many findings each made (summary.byRule keys them by id).
import type { Finding, RuleRef } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { bySeverity } from './detection-cells.js';
import type { LabelledRow } from './labelled.js';

/** `Okta API Token Revoked 3 · Okta API Token Revoked by User 2`, most severe rule first, then by count. */
export function ruleCountRow(findings: readonly Finding[]): LabelledRow | null {
  const counts = new Map<string, { rule: RuleRef; n: number }>();
  for (const f of findings) {
    for (const rule of f.rules) {
      const c = counts.get(rule.id);
      if (c) c.n++;
      else counts.set(rule.id, { rule, n: 1 });
    }
  }
  if (counts.size === 0) return null;
  const order = bySeverity([...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.rule));
  return { label: 'Rules:', items: order.map((rule) => [{ text: safeText(rule.title) }, { text: ` ${counts.get(rule.id)!.n}`, style: 'dim' }]) };
}

/** Whether every finding matched the same rules: a Rules column would then say the same on every row. */
export function sameRules(findings: readonly Finding[]): boolean {
  const key = (f: Finding) => f.rules.map((r) => r.id).sort().join('\u0000');
  return findings.every((f) => key(f) === key(findings[0]!));
}
