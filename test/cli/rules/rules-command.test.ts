// CLI: `rules list` and `rules test`, and how `rules` as the first word coexists with scanning files.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { stripAnsi } from '../../helpers/ansi.js';
import { runCli } from '../../helpers/run-cli.js';

const SAMPLE = 'samples/okta-export.ndjson';
const STYLE = 'test/fixtures/rules/sigmahq-style';
const MIXED = 'test/fixtures/rules/mixed';

interface ListDoc {
  schemaVersion: number;
  rules: { id: string; title: string; level: string; status: string | null; file: string; builtin: boolean; literals: string[] | null }[];
  problems: { kind: string; file: string; title: string | null; problem: string }[];
  skipped: { file: string; title: string | null; reason: string }[];
}

describe('rules list', () => {
  it('JSON (the default when piped): every loaded rule with its file and pre-filter literals', async () => {
    const r = await runCli(['rules', 'list', '--rules', STYLE]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ListDoc;
    expect(doc.rules).toHaveLength(27);
    expect(doc.rules[0]).toMatchObject({ title: 'Okta API Token Revoked', builtin: true, literals: ['system.api_token.revoke'] });
    expect(doc.rules.find((x) => x.title === 'Okta API Token Issued')).toEqual({
      id: expect.any(String),
      title: 'Okta API Token Issued',
      level: 'medium',
      status: 'test',
      file: `${STYLE}/okta_api_token_created.yml`,
      builtin: false,
      literals: ['system.api_token.create'],
    });
    expect(doc.rules.filter((x) => x.literals === null).map((x) => x.title)).toEqual(['Okta Activity Through an Anonymising Proxy']);
    expect([doc.problems, doc.skipped]).toEqual([[], []]);
    expect(r.stderr).toBe('');
  });

  it('table: one row per rule, "full parse" for rules without literals, then the counts', async () => {
    const r = await runCli(['rules', 'list', '--rules', STYLE, '--format', 'table'], { columns: 200 });
    const out = stripAnsi(r.stdout);
    expect(out).toMatch(/│ Rule +│ Level +│ Status +│ File +│ Pre-filter +│/);
    expect(out).toMatch(/│ Okta API Token Issued +│ medium │ test +│ test\/fixtures\/rules\/sigmahq-style\/okta_api_token_created\.yml +│ system\.api_token\.create +│/);
    expect(out).toMatch(/│ Okta API Token Revoked +│ medium │ experimental │ built-in okta_api_token_revoked\.yml +│/);
    expect(out).toMatch(/│ Okta Activity Through an Anonymising Proxy +│ low +│ experimental │ .* │ full parse +│/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('27 rules loaded (2 built-in), 1 without pre-filter literals');
  });

  it('exits 2 when a rule cannot be used, after listing the others and naming the problems', async () => {
    const r = await runCli(['rules', 'list', '--rules', MIXED, '--no-builtin-rules']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as ListDoc;
    expect(doc.rules.map((x) => x.title)).toEqual(['Okta User Created (Multi-Document Fixture)', 'Okta User Deactivated (Repeated Fixture)']);
    expect(doc.problems.map((p) => [p.kind, p.title])).toEqual([
      ['unsupported', 'Many Okta API Tokens Revoked'],
      ['error', 'Okta Broken Modifier'],
      ['error', null],
      ['error', 'Okta Rule With A Duplicate Id'],
    ]);
    expect(doc.skipped).toHaveLength(2);
    expect(r.stderr).toMatch(/rule error, rule skipped: .*okta_broken_modifier\.yaml: "Okta Broken Modifier": unknown modifier 'foo'/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('okta-revoke-scan: 4 rules cannot be used (see above)');
  });
});

describe('rules test', () => {
  interface TestDoc {
    inputs: { path: string; events: number }[];
    events: number;
    matched: number;
    rules: { title: string; matches: number; events: { uuid: string; published: string; eventType: string; actor: string | null; outcome: string | null; file: string; line?: number; offset: number }[] }[];
  }

  it('JSON: for every rule, each event it matched with where it is', async () => {
    const r = await runCli(['rules', 'test', '--rules', STYLE, SAMPLE]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as TestDoc;
    expect([doc.events, doc.matched]).toEqual([46, 13]);
    const issued = doc.rules.find((x) => x.title === 'Okta API Token Issued')!;
    expect(issued.matches).toBe(2);
    expect(issued.events[0]).toEqual({
      uuid: expect.any(String),
      published: '2024-03-04T15:10:05.630Z',
      eventType: 'system.api_token.create',
      actor: 'ann@corp.example',
      outcome: 'SUCCESS',
      file: SAMPLE,
      line: expect.any(Number),
      offset: expect.any(Number),
    });
    expect(doc.rules.find((x) => x.title === 'Okta API Token Revoked')!.matches).toBe(3);
    expect(doc.rules.filter((x) => x.matches === 0)).toHaveLength(19);
  });

  it('table: match counts, then the events of each rule that matched, at most --limit', async () => {
    const r = await runCli(['rules', 'test', '--rules', STYLE, '--format', 'table', '--limit', '1', SAMPLE], { columns: 200 });
    const out = stripAnsi(r.stdout);
    expect(out).toMatch(/│ Okta API Token Issued +│ medium │ .*okta_api_token_created\.yml +│ 2 +│/);
    expect(out).toContain('\nOkta API Token Issued: 2 matches\n');
    expect(out).toMatch(/│ 2024-03-04 15:10:05Z │ system\.api_token\.create +│ ann@corp\.example +│ SUCCESS +│ samples\/okta-export\.ndjson:\d+ +│/);
    expect(out).toContain('… 1 more (use --format json)\n');
    expect(out.trimEnd().split('\n').at(-1)).toBe('46 events read, 13 matched by at least one rule; 19 of 27 rules matched nothing');
  });

  it('reads stdin, reports unreadable inputs (exit 3) and broken rules (exit 2)', async () => {
    const stdin = await runCli(['rules', 'test', '-'], { stdin: `${JSON.stringify({ uuid: 'u', published: '2024-01-01T00:00:00Z', eventType: 'system.api_token.revoke' })}\n` });
    expect((JSON.parse(stdin.stdout) as TestDoc).rules[0]!.matches).toBe(1);
    const missing = await runCli(['rules', 'test', 'no-such-export.ndjson']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no-such-export.ndjson');
    expect((await runCli(['rules', 'test', '--rules', MIXED, SAMPLE])).code).toBe(2);
  });
});

describe('the rules command and the default command', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('a file named rules is scanned as ./rules; "rules" alone is the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ors-rules-name-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(SAMPLE, join(dir, 'rules'));
    process.chdir(dir);
    const scan = await runCli(['./rules']);
    expect(scan.code).toBe(0);
    expect(scan.stdout.trim().split('\n')).toHaveLength(4); // the incident, then the three findings
    const command = await runCli(['rules']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("okta-revoke-scan: name a command: list or test\nRun 'okta-revoke-scan rules --help' for usage.\n");
    const late = await runCli(['--format', 'json', 'rules']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('the rules command comes first (okta-revoke-scan rules list|test …); to scan a file or folder named rules, write ./rules');
    const second = await runCli(['missing.ndjson', 'rules']);
    expect([second.code, second.stderr]).toEqual([3, 'okta-revoke-scan: cannot read missing.ndjson: no such file or directory\n']);
  });

  it('the scan still takes its exports as before', async () => {
    const r = await runCli([SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4); // the incident, then the three findings
  });

  it('has its own help and rejects unknown commands', async () => {
    const help = await runCli(['rules', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('okta-revoke-scan rules list');
    expect(help.stdout).toContain('okta-revoke-scan rules test <exports..>');
    expect(help.stdout).toContain('--strict-rules');
    const unknown = await runCli(['rules', 'run']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown argument: run/);
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/okta-revoke-scan rules +List the loaded rules, or test them on exports/);
    expect(main.stdout).toContain('--hunt');
  });
});
