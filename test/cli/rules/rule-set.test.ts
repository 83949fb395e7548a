// The rule set of a command line: built-in rules, --rules paths, placeholders, and what could not be used.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleOptions } from '../../../src/cli/rules/rule-options.js';
import { loadRuleSet } from '../../../src/cli/rules/rule-set.js';
import { UsageError } from '../../../src/errors.js';
import { builtinRulesDir } from '../../../src/rules/index.js';

const MIXED = 'test/fixtures/rules/mixed';
const STYLE = 'test/fixtures/rules/sigmahq-style';
const PLACEHOLDER = 'test/fixtures/rules/placeholders/okta_sign_in_by_watchlisted_user.yml';
const options = (patch: Partial<RuleOptions> = {}): RuleOptions => ({ paths: [], builtin: true, strict: false, placeholders: [], placeholderFiles: [], ...patch });
const dir = mkdtempSync(join(tmpdir(), 'ors-rs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRuleSet', () => {
  it('is the two built-in rules by default', async () => {
    const set = await loadRuleSet(options());
    expect(set.rules.map((r) => r.title)).toEqual(['Okta API Token Revoked', 'Okta API Token Revoked by User']);
    expect(set.builtin).toBe(2);
  });

  it('adds the --rules rules after the built-in ones, or uses them alone', async () => {
    const set = await loadRuleSet(options({ paths: [STYLE] }));
    expect(set.rules).toHaveLength(27);
    expect(set.rules.slice(0, 2).map((r) => r.title)).toEqual(['Okta API Token Revoked', 'Okta API Token Revoked by User']);
    const alone = await loadRuleSet(options({ paths: [STYLE], builtin: false }));
    expect([alone.rules.length, alone.builtin]).toEqual([25, 0]);
  });

  it('sorts what cannot be used: unsupported (correlation), broken, not for Okta', async () => {
    const set = await loadRuleSet(options({ paths: [MIXED] }));
    expect(set.unsupported.map((e) => [e.title, e.problem])).toEqual([['Many Okta API Tokens Revoked', expect.stringMatching(/^correlation rules are not supported/)]]);
    expect(set.broken.map((e) => e.file.replace(`${MIXED}/`, '')).sort()).toEqual(['nested/okta_broken_modifier.yaml', 'okta_invalid_yaml.yml', 'okta_repeated_id.yml']);
    expect(set.skipped.map((s) => s.title).sort()).toEqual(['Whoami Execution', 'Windows Rule In An Okta File']);
    expect(set.rules).toHaveLength(4);
  });

  it('does not load the shipped rules twice when --rules names them', async () => {
    const set = await loadRuleSet(options({ paths: [builtinRulesDir()] }));
    expect([set.rules.length, set.broken.length]).toEqual([2, 0]);
  });

  it('reports another rule that reuses a built-in id', async () => {
    const copy = join(dir, 'copy.yml');
    writeFileSync(copy, 'title: My Copy\nid: d2b000a9-03c3-43d2-9992-47a4d1f2102b\nlogsource: {product: okta}\ndetection: {s: {eventType: x}, condition: s}\n');
    const set = await loadRuleSet(options({ paths: [copy] }));
    expect(set.broken.map((e) => e.message)).toEqual([`${copy}: "My Copy": duplicate rule id d2b000a9-03c3-43d2-9992-47a4d1f2102b (also the built-in rule "Okta API Token Revoked")`]);
    expect(set.rules).toHaveLength(2);
  });

  it('compiles placeholders with the values given; without them the rule is broken', async () => {
    const without = await loadRuleSet(options({ paths: [PLACEHOLDER] }));
    expect(without.broken.map((e) => e.problem)).toEqual([expect.stringMatching(/^unresolved placeholder '%watchlist%'/)]);
    const given = await loadRuleSet(options({ paths: [PLACEHOLDER], placeholders: ['watchlist=dana*'] }));
    expect(given.broken).toEqual([]);
    expect(given.rules[2]!.matches({ eventType: 'user.session.start', actor: { alternateId: 'dana.kim@corp.example' } })).toBe(true);
    expect(given.rules[2]!.matches({ eventType: 'user.session.start', actor: { alternateId: 'ann@corp.example' } })).toBe(false);
  });

  it('refuses a command line with nothing to run or a path that does not exist', async () => {
    await expect(loadRuleSet(options({ builtin: false }))).rejects.toThrow(/--no-builtin-rules leaves no rules to run/);
    await expect(loadRuleSet(options({ paths: ['no/such/rules'] }))).rejects.toThrow(new UsageError('--rules no/such/rules: no such file or folder'));
  });
});
