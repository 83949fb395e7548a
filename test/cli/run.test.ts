// CLI behaviour: formats, exit codes, stdin, errors without stacks, duplicates across inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../helpers/ansi.js';
import { publicSample } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const PANTHER_REVOKE = publicSample('panther-analysis/rules__okta_rules__okta_api_key_revoked.ndjson');
const tmp = mkdtempSync(join(tmpdir(), 'ors-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const revokeLine = readFileSync(PANTHER_REVOKE, 'utf8').trim();
const revoke = JSON.parse(revokeLine) as Record<string, unknown>;

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** NDJSON records but the incident summaries, which come first. */
const ndjsonLines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r: { kind?: string }) => r.kind !== 'incident');

describe('okta-revoke-scan', () => {
  it('finds the public Panther revocation with both rules, as NDJSON when piped', async () => {
    const r = await runCli([PANTHER_REVOKE]);
    expect(r.code).toBe(0);
    const [f, ...rest] = ndjsonLines(r.stdout);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      schemaVersion: 1,
      kind: 'revocation',
      id: '2a992f80-d1ad-4f62-900e-8c68bb72a21b',
      published: '2021-01-08T21:28:34.875Z',
      token: { id: '00Tpki36zlWjhjQ1u2p4', name: 'test_key' },
      outcome: 'SUCCESS',
      revokedBy: { kind: 'user', id: '00u3q14ei6KUOm4Xi2p4', type: 'User', alternateId: 'user@example.com', displayName: 'Test User' },
    });
    expect(f.rules.map((x: { title: string }) => x.title).sort()).toEqual(['Okta API Token Revoked', 'Okta API Token Revoked by User']);
    expect(f.event).toEqual(revoke);
    expect(r.stderr).toMatch(/1 revocation in 1 event from 1 input/);
  });

  it('an Okta (system) revocation matches only the first rule', async () => {
    const sys = { ...revoke, uuid: 'sys-1', actor: { id: '0oa1', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' } };
    const r = await runCli([file('sys.ndjson', JSON.stringify(sys) + '\n')]);
    const [f] = ndjsonLines(r.stdout);
    expect(f.revokedBy.kind).toBe('system');
    expect(f.rules.map((x: { title: string }) => x.title)).toEqual(['Okta API Token Revoked']);
  });

  it('shows a table on a terminal, with no colour under NO_COLOR', async () => {
    const r = await runCli([PANTHER_REVOKE], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('test_key');
    expect(r.stdout).toBe(stripAnsi(r.stdout));
    const colored = await runCli([PANTHER_REVOKE], { tty: true, env: {} });
    expect(colored.stdout).not.toBe(stripAnsi(colored.stdout));
  });

  it('json: one document with inputs, summary and findings', async () => {
    const r = await runCli(['--format', 'json', PANTHER_REVOKE]);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.inputs).toEqual([{ path: PANTHER_REVOKE, format: 'ndjson', events: 1, duplicates: 0, diagnostics: 0 }]);
    expect(doc.summary).toMatchObject({ files: 1, events: 1, findings: 1, duplicates: 0, diagnostics: 0 });
    expect(doc.findings).toHaveLength(1);
  });

  it('overlapping files and gzip count each event once', async () => {
    const a = file('a.ndjson', revokeLine + '\n');
    const b = file('b.json.gz', gzipSync(JSON.stringify([revoke], null, 2)));
    const r = await runCli(['--format', 'json', a, b]);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toHaveLength(1);
    expect(doc.inputs[1]).toMatchObject({ format: 'gzip+array', duplicates: 1 });
    expect(doc.summary.duplicates).toBe(1);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['-'], { stdin: revokeLine + '\n' });
    expect(r.code).toBe(0);
    expect(ndjsonLines(r.stdout)).toHaveLength(1);
  });

  it('--fail-on-findings exits 1 only with findings', async () => {
    expect((await runCli(['--fail-on-findings', PANTHER_REVOKE])).code).toBe(1);
    const none = file('none.ndjson', JSON.stringify({ ...revoke, uuid: 'x', eventType: 'user.session.start' }) + '\n');
    expect((await runCli(['--fail-on-findings', none])).code).toBe(0);
  });

  it('a missing file is a one-line error, exit 3, no stack', async () => {
    const r = await runCli([join(tmp, 'nope.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a file with no JSON at all is exit 3; findings from other inputs are still written', async () => {
    const empty = file('empty.json', '  \n');
    const r = await runCli([empty, PANTHER_REVOKE]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no JSON/);
    expect(ndjsonLines(r.stdout)).toHaveLength(1);
    expect((await runCli([file('bin.json', 'PK\u0003\u0004garbage')])).code).toBe(3);
  });

  it('bad records are diagnostics: counted, shown, and fatal only with --strict', async () => {
    const input = file('bad.ndjson', [revokeLine, '{"uuid": "cut', 'not json', JSON.stringify({ uuid: 'y', eventType: 'x' })].join('\n') + '\n');
    const r = await runCli(['--validate', input]);
    expect(r.code).toBe(0);
    expect(ndjsonLines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/3 input problems/);
    expect(r.stderr).toMatch(/bad\.ndjson:2: /);
    expect(r.stderr).toMatch(/bad\.ndjson:4: no published time/);
    const strict = await runCli(['--strict', input]);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
  });

  it('usage errors exit 2 with a hint', async () => {
    for (const argv of [['--format', 'xml', PANTHER_REVOKE], ['--before', 'soon', PANTHER_REVOKE], ['--bogus', PANTHER_REVOKE]]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--help/);
    }
    expect((await runCli([])).code).toBe(2);
  });

  it('--help shows examples, --version the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/jq/);
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
