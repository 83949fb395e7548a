// The README's jq recipes, run for real against samples/okta-export.ndjson (needs jq; skipped without it).
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shRecipes } from '../helpers/doc-recipes.js';

const hasJq = spawnSync('jq', ['--version']).status === 0;

/** `# comment` → command, from the first sh block under the heading (default "Recipes with jq"). */
function recipes(headingText = 'Recipes with jq'): Map<string, string> {
  return shRecipes('README.md', headingText);
}

/** Runs a recipe on the sample with the built CLI; returns stdout lines. */
function run(command: string): string[] {
  // `-q` goes after the command word (`tokens`), which must come first.
  const sh = command.replace(/^okta-revoke-scan ((?:tokens )?)((?:--[\w-]+ [\w.-]+ )*)export\.ndjson/, 'node bin/okta-revoke-scan.js $1-q $2samples/okta-export.ndjson');
  expect(sh).not.toBe(command);
  return execFileSync('bash', ['-o', 'pipefail', '-c', sh], { encoding: 'utf8' }).trimEnd().split('\n').filter(Boolean);
}

describe.runIf(hasJq)('README jq recipes on samples/okta-export.ndjson', () => {
  const all = recipes();
  const find = (start: string): string => {
    const hit = [...all].find(([title]) => title.startsWith(start));
    if (!hit) throw new Error(`no recipe titled "${start}…"`);
    return hit[1];
  };

  it('every recipe is checked here', () => expect(all.size).toBe(9));

  it("the incident's addresses: the attacker's first, with both tokens and Dana Kim", () => {
    expect(run(find("The story first: each incident's addresses"))).toEqual([
      '198.51.100.23\tRomania\t9\t3\t00Tbk5yN3cR8mL2vZ5d7,00Tci7dPlY3kT9wQx5d7\tann@corp.example,dana.kim@corp.example',
      '192.0.2.141\tUnited States\t6\t2\t\tben.baker@corp.example',
      '192.0.2.33\tUnited States\t5\t3\t\tann@corp.example',
      '203.0.113.10\tUnited States\t2\t3\t00Tci7dPlY3kT9wQx5d7\tann@corp.example',
      '203.0.113.11\tUnited States\t1\t3\t00Tci7dPlY3kT9wQx5d7\tann@corp.example',
    ]);
  });

  it('names of every revoked token', () => {
    expect(run(find('Names of every revoked token'))).toEqual(['ci-deploy', 'ci-deploy', 'backup-sync']);
  });

  it('tokens revoked by a person: successful ones only, with who did it', () => {
    expect(run(find('Tokens revoked by a person'))).toEqual([
      '2024-03-05T16:18:30.905Z\tci-deploy\tann@corp.example',
      '2024-03-05T16:19:12.274Z\tbackup-sync\tann@corp.example',
    ]);
  });

  it('every address each token was used from: the CI runners and the attacker, not the revokers', () => {
    expect(run(find('Every address each revoked token was used from'))).toEqual([
      'backup-sync\t198.51.100.23\tRomania',
      'ci-deploy\t198.51.100.23\tRomania',
      'ci-deploy\t203.0.113.10\tUnited States',
      'ci-deploy\t203.0.113.11\tUnited States',
    ]);
  });

  it('the timeline of one token as CSV: a header, then one window in time order', () => {
    const [header, ...rows] = run(find('The timeline of one token'));
    expect(header).toBe('"published","links","eventType","actor","ip","outcome"');
    expect(rows.length).toBe(16);
    const times = rows.map((r) => r.slice(1, 25));
    expect(times).toEqual([...times].sort());
    expect(rows.some((r) => r.includes('"user.account.privilege.grant"'))).toBe(true);
  });

  it('failed revocation attempts: Ben Baker', () => {
    const lines = run(`${find('Failed revocation attempts')} | jq -r .revokedBy.alternateId`);
    expect(lines).toEqual(['ben.baker@corp.example']);
  });

  it('severity high on the sample: the three revocations of the attack chain', () => {
    expect(run(`${find('Findings of severity high')} | jq -r .token.name`)).toEqual(['ci-deploy', 'ci-deploy', 'backup-sync']);
  });

  it('what is unusual about each revocation of severity medium or high', () => {
    const rows = run(find('What is unusual about each revocation')).map((r) => r.split('\t'));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['high', 'ci-deploy'], ['high', 'ci-deploy'], ['high', 'backup-sync']]);
    for (const r of rows) expect(r[2]!.split(',')).toContain('privileged-action');
    expect(rows[2]![2]!.split(',')).toContain('no-baseline');
  });

  it('the events behind one signal: the grant, MFA reset, persistence token and backdoor user, per window', () => {
    const rows = run(find('The events behind one signal')).map((r) => JSON.parse(r) as string[]);
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 4).map((r) => r[1])).toEqual(['user.account.privilege.grant', 'user.mfa.factor.reset_all', 'system.api_token.create', 'user.lifecycle.create']);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['198.51.100.23']));
  });

  it('severity high selects the findings whose severity is high', () => {
    // The filter alone, on findings that carry a severity (added by the signals stage).
    const filter = find('Findings of severity high').replace(/^okta-revoke-scan export\.ndjson \| /, '');
    const records = ['high', 'medium', 'high', 'low'].map((severity, i) => ({ kind: 'revocation', id: `f${i}`, severity }));
    const input = [{ kind: 'incident', id: 'incident-1', severity: 'high' }, ...records].map((r) => JSON.stringify(r)).join('\n');
    const out = execFileSync('bash', ['-c', `${filter} | jq -c '{id}'`], { input, encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['{"id":"f0"}', '{"id":"f2"}']);
  });
});

describe.runIf(hasJq)('README token inventory recipe on samples/okta-export.ndjson', () => {
  const all = recipes('Token inventory');

  it('is the one recipe of the section', () => expect([...all.keys()]).toEqual(['Tokens used from more than one country in the last week of the export, with those countries']));

  it('tokens used from more than one country in the last week: the stolen CI token, from the US and Romania', () => {
    expect(run([...all.values()][0]!)).toEqual(['ci-deploy\t00Tci7dPlY3kT9wQx5d7\tRomania, United States']);
  });

  it('the filter selects tokens with addresses in two countries or more, not one country twice', () => {
    const filter = [...all.values()][0]!.replace(/^okta-revoke-scan tokens --from 7d export\.ndjson \| /, '');
    const token = (id: string, countries: (string | null)[]) => JSON.stringify({ id, name: id, addresses: countries.map((country, i) => ({ ip: `203.0.113.${i}`, country, asn: null, calls: 1 })) });
    const input = [token('a', ['Japan', 'Japan']), token('b', ['Japan', null]), token('c', ['Japan', 'Chile']), token('d', [])].join('\n');
    expect(execFileSync('bash', ['-c', filter], { input, encoding: 'utf8' })).toBe('c\tc\tChile, Japan\n');
  });
});
