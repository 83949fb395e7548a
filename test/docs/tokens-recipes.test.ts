// The jq recipes of docs/tokens.md, run for real on the every-flag fixture (needs jq).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shRecipes } from '../helpers/doc-recipes.js';

const hasJq = spawnSync('jq', ['--version']).status === 0;
const FIXTURE = 'test/fixtures/tokens-every-flag';
const INPUTS = readdirSync(FIXTURE).filter((f) => f.startsWith('export-')).sort().map((f) => join(FIXTURE, f)).join(' ');

/** `# comment` → command, from the sh block under "Recipes with jq". */
function recipes(): Map<string, string> {
  return shRecipes('docs/tokens.md', 'Recipes with jq');
}

/** Runs a recipe with the built CLI on the fixture's three exports; stdout lines. */
function run(command: string): string[] {
  const sh = command.replace(/^okta-revoke-scan tokens ((?:-?-[\w-]+ [\w.-]+ )*)export\.ndjson/, `node bin/okta-revoke-scan.js tokens -q $1${INPUTS}`);
  expect(sh).toContain(FIXTURE);
  return execFileSync('bash', ['-o', 'pipefail', '-c', sh], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe.runIf(hasJq)('docs/tokens.md recipes on the every-flag fixture', () => {
  const all = recipes();
  const find = (start: string): string => [...all].find(([title]) => title.startsWith(start))![1];

  it('every recipe is checked here', () => expect(all.size).toBe(4));

  it('more than one country in the last week: scim-sync (the proxy calls of ci-deploy are older)', () => {
    expect(run(find('Tokens used from more than one country'))).toEqual(['scim-sync\t00Tscimsync000000007\tBrazil, Japan, United States']);
  });

  it('live tokens unused for 30 days: the dormant and the never used one', () => {
    expect(run(find('Live tokens nobody has used'))).toEqual(['legacy-sync-v2\tsoren.k@corp.example\t2024-04-02T10:00:00.000Z', 'old-unused\tmaya.patel@corp.example\tnever']);
  });

  it('tokens made by tokens: backup-sync, by ci-deploy', () => {
    expect(run(find('Tokens made by other tokens'))).toEqual(['backup-sync\t00Tbackupsync0000002\t00Tci1deploy00000001']);
  });

  it('counts by status', () => {
    expect(JSON.parse(run(find('Counts by status')).join('\n'))).toEqual({ active: 7, revoked: 1, 'revoked-by-okta': 1, 'revoke-failed': 1 });
  });
});
