// Loading rules from files and folders: multi-document files, skips, errors, the shipped rules.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRulesDir, loadBuiltinRules, loadRules, RuleError } from '../../src/rules/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const MIXED = resolve(here, '../fixtures/rules/mixed');
const OKTA = resolve(here, '../fixtures/rules/okta');

describe('loadRules', () => {
  it('loads a folder recursively: rules, errors and skips', async () => {
    const { rules, errors, skipped } = await loadRules([MIXED]);
    expect(rules.map((r) => r.title).sort()).toEqual([
      'Okta User Created (Multi-Document Fixture)',
      'Okta User Deactivated (Repeated Fixture)',
    ]);
    const problems = errors.map((e) => `${e.file.slice(MIXED.length + 1)}: ${e.problem}`).sort();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^nested\/okta_broken_modifier\.yaml: unknown modifier 'foo' in selection 'sel'$/);
    expect(problems[1]).toMatch(/^nested\/okta_correlation\.yml: correlation rules are not supported/);
    expect(problems[2]).toMatch(/^okta_invalid_yaml\.yml: invalid YAML: /);
    expect(problems[3]).toMatch(/^okta_repeated_id\.yml: duplicate rule id 3d358eec-af70-4456-9706-f6c912b13658 \(also in .*okta_multi_document\.yml\)$/);
    expect(errors.every((e) => e instanceof RuleError && !e.message.includes('\n'))).toBe(true);
    expect(skipped.map((s) => [s.file.slice(MIXED.length + 1), s.title, s.reason]).sort()).toEqual([
      ['okta_multi_document.yml', 'Windows Rule In An Okta File', 'logsource is not Okta (product: windows)'],
      ['windows_whoami.yml', 'Whoami Execution', 'logsource is not Okta (product: windows)'],
    ]);
  });

  it('applies collection actions in multi-document files', async () => {
    const { rules } = await loadRules([join(MIXED, 'okta_multi_document.yml')]);
    const [created, deactivated] = rules;
    expect(created!.level).toBe('low');
    expect(created!.status).toBe('test');
    expect(created!.logsource).toEqual({ product: 'okta', service: 'okta' });
    expect(created!.matches({ eventType: 'user.lifecycle.create' })).toBe(true);
    expect(deactivated!.id).toBe('63c03599-3605-4219-b3de-ef3738535df5');
    expect(deactivated!.level).toBe('low');
    expect(deactivated!.matches({ eventType: 'user.lifecycle.deactivate' })).toBe(true);
    expect(deactivated!.matches({ eventType: 'user.lifecycle.create' })).toBe(false);
  });

  it('reports paths that cannot be read', async () => {
    const { rules, errors } = await loadRules([join(MIXED, 'no_such_file.yml')]);
    expect(rules).toEqual([]);
    expect(errors[0]!.problem).toBe('cannot read: ENOENT');
  });

  describe('with temporary files', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rules-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads a file given by name whatever its extension, and gives rules without id a fallback id', async () => {
      const file = join(dir, 'rule.sigma');
      await writeFile(
        file,
        'title: A\nlogsource: {service: okta}\ndetection: {s: {eventType: a}, condition: s}\n---\ntitle: B\nlogsource: {product: OKTA}\ndetection: {s: {eventType: b}, condition: s}\n',
      );
      const { rules, errors } = await loadRules([file]);
      expect(errors).toEqual([]);
      expect(rules.map((r) => r.id)).toEqual([`${file}#1`, `${file}#2`]);
    });

    it('skips rules without an Okta product or service', async () => {
      const file = join(dir, 'generic.yml');
      await writeFile(file, 'title: Generic\nlogsource: {category: authentication}\ndetection: {s: {a: b}, condition: s}\n');
      const { rules, skipped } = await loadRules([file]);
      expect(rules).toEqual([]);
      expect(skipped[0]!.reason).toMatch(/names no product or service/);
      await writeFile(file, 'title: Mixed\nlogsource: {product: okta, service: azure}\ndetection: {s: {a: b}, condition: s}\n');
      expect((await loadRules([file])).skipped[0]!.reason).toBe('logsource is not Okta (product: okta, service: azure)');
    });

    it('passes placeholders to the rules', async () => {
      const file = join(dir, 'expand.yml');
      await writeFile(file, "title: E\nlogsource: {product: okta}\ndetection: {s: {'actor.alternateId|expand': '%Admins%'}, condition: s}\n");
      expect((await loadRules([file])).errors[0]!.problem).toMatch(/unresolved placeholder '%Admins%'/);
      const { rules } = await loadRules([file], { placeholders: { Admins: ['root@example.com'] } });
      expect(rules[0]!.matches({ actor: { alternateId: 'root@example.com' } })).toBe(true);
    });
  });
});

describe('built-in rules', () => {
  it('builtinRulesDir is the repository rules/ folder', () => {
    const dir = builtinRulesDir();
    expect(dir).toBe(resolve(here, '../../rules'));
    expect(existsSync(join(dir, 'okta_api_token_revoked.yml'))).toBe(true);
  });

  it('loadBuiltinRules loads exactly the two seed rules', async () => {
    const rules = await loadBuiltinRules();
    expect(rules.map((r) => r.title).sort()).toEqual(['Okta API Token Revoked', 'Okta API Token Revoked by User']);
  });

  it('fixtures of SigmaHQ-style rules all load', async () => {
    const { rules, errors, skipped } = await loadRules([OKTA]);
    expect(errors).toEqual([]);
    expect(skipped).toEqual([]);
    expect(rules).toHaveLength(6);
  });
});
