// The hunting recipes of docs/rules.md, run for real on samples/okta-export.ndjson with the SigmaHQ-style fixture rules (needs jq).
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shRecipes } from '../helpers/doc-recipes.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasJq = spawnSync('jq', ['--version']).status === 0;

/** `# comment` → command, from the sh block under "Recipes for hunting with jq". */
function recipes(): Map<string, string> {
  return shRecipes(join(ROOT, 'docs/rules.md'), 'Recipes for hunting with jq');
}

/** Runs a recipe with the built CLI, the fixture rules for `sigma/okta` and the sample for the export; stdout rows split at tabs. */
function run(command: string): string[][] {
  const sh = command
    .replace(/^okta-revoke-scan /, 'node bin/okta-revoke-scan.js -q ')
    .replace(' sigma/okta ', ' test/fixtures/rules/sigmahq-style ')
    .replace(' export.ndjson ', ' samples/okta-export.ndjson ');
  expect(sh).toContain('samples/okta-export.ndjson');
  expect(sh).toContain('test/fixtures/rules/sigmahq-style');
  const out = execFileSync('bash', ['-o', 'pipefail', '-c', sh], { cwd: ROOT, encoding: 'utf8' });
  return out.trimEnd().split('\n').map((l) => l.split('\t'));
}

describe.runIf(hasJq)('docs/rules.md hunting recipes on samples/okta-export.ndjson', () => {
  const all = recipes();
  const find = (start: string): string => [...all].find(([title]) => title.startsWith(start))![1];

  it('every recipe is checked here', () => expect(all.size).toBe(2));

  it('detections only: time, rule titles, event type, actor; never a revocation', () => {
    const rows = run(find('Detections only'));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r).toHaveLength(4);
    expect(rows.map((r) => r[2])).not.toContain('system.api_token.revoke');
    expect(rows[0]).toEqual(['2024-03-04T15:10:05.630Z', 'Okta API Token Issued', 'system.api_token.create', 'ann@corp.example']);
    expect(rows.find((r) => r[2] === 'user.account.privilege.grant')?.[1]).toMatch(/Administrator Role Granted/);
  });

  it('window events a rule matched, per revoked token', () => {
    const rows = run(find('Window events of each revocation'));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['ci-deploy', 'backup-sync']));
    expect(rows.some((r) => r[0] === 'ci-deploy' && r[2] === 'user.mfa.factor.reset_all' && r[3]!.includes('MFA Factor Removed or Reset'))).toBe(true);
  });
});
