// Small things a first day trips on (issue 17): messages, any-case choices, counts, dates, --tz, stdin, Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';
const PRETTY = 'samples/okta-export-pretty.json';
const tmp = mkdtempSync(join(tmpdir(), 'ors-small-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('messages', () => {
  it('an unknown format is one line naming the choices; any letter case is a choice', async () => {
    const r = await runCli(['--format', 'xml', PLAIN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("okta-revoke-scan: --format takes one of table, ndjson, json, csv, timesketch, html; got 'xml'\nRun 'okta-revoke-scan --help' for usage.\n");
    expect((await runCli(['-f', 'XML', PLAIN])).code).toBe(2);
    const json = await runCli(['-f', 'JSON', PLAIN]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('findings');
    expect((await runCli(['--min-severity', 'HIGH', '--format', 'Ndjson', PLAIN])).code).toBe(0);
  });

  it('a binary input is named with its first bytes escaped once', async () => {
    const path = join(tmp, 'blob.bin');
    writeFileSync(path, Buffer.from([0, 1, 2, 0x62, 0x69, 0x6e]));
    const r = await runCli([path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('(starts with "\\x00\\x01\\x02bin")');
    expect(r.stderr).not.toContain('\\\\');
  });

  it('--strict does not say bad records are skipped before saying they are fatal', async () => {
    const path = join(tmp, 'one-bad.ndjson');
    writeFileSync(path, `${readFileSync(PLAIN, 'utf8')}{"eventType": "x"}\n`);
    const r = await runCli(['--strict', path]);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('skipped');
    expect(r.stderr).toContain('--strict: input problems are fatal; no report written');
  });
});

describe('counts mean one thing', () => {
  it('one event is an event; events count records, repeats are counted among the events used', async () => {
    const one = join(tmp, 'one.ndjson');
    writeFileSync(one, readFileSync(PLAIN, 'utf8').split('\n').find((l) => l.includes('"system.api_token.revoke"'))! + '\n');
    expect((await runCli(['--format', 'ndjson', one])).stderr).toContain('1 revocation in 1 event from 1 input; 0 repeated events skipped (of the events used; --validate counts every one)');
  });

  it('the same file given twice is read once and said so', async () => {
    const r = await runCli(['--format', 'json', PLAIN, PLAIN]);
    expect(r.stderr).toContain(`  ${PLAIN}: the same file as ${PLAIN}: read once`);
    const doc = JSON.parse(r.stdout) as { summary: { files: number; events: number; duplicates: number; skipped: number } };
    expect(doc.summary).toMatchObject({ files: 1, events: 46, duplicates: 0, skipped: 1 });
  });

  it("samples/README's promise: 21 records, 1 duplicate that --validate counts", async () => {
    const readme = readFileSync('samples/README.md', 'utf8');
    expect(readme).toContain('A default run reports `21 events, 0\nduplicates`');
    const plain = JSON.parse((await runCli(['--format', 'json', PRETTY])).stdout) as { summary: { events: number; duplicates: number } };
    expect(plain.summary).toMatchObject({ events: 21, duplicates: 0 });
    const validated = JSON.parse((await runCli(['--format', 'json', '--validate', PRETTY])).stdout) as { summary: { events: number; duplicates: number } };
    expect(validated.summary).toMatchObject({ events: 21, duplicates: 1 });
  });
});

describe('time', () => {
  it('a date is a UTC day: --from its first millisecond, --to its last', async () => {
    const ids = async (argv: string[]) => (JSON.parse((await runCli(['--format', 'json', ...argv, PLAIN])).stdout) as { findings: unknown[] }).findings.length;
    expect(await ids(['--from', '2024-03-05'])).toBe(3);
    expect(await ids(['--to', '2024-03-05'])).toBe(3);
    expect(await ids(['--to', '2024-03-04'])).toBe(0);
    expect(await ids(['--from', '2024-03-06'])).toBe(0);
    expect((await runCli(['--from', '2024-02-30', PLAIN])).code).toBe(2);
  });

  it('a relative time says what it counts back from, in the message and in --help', async () => {
    const r = await runCli(['--format', 'json', '--from', '2d', PLAIN]);
    expect(r.stderr).toContain('(counted back from the newest event in the input, 2024-03-06T15:45:30.250Z, not from now)');
    expect((await runCli(['--help'])).stdout).toMatch(/7d = 7 days before the newest event\s+in the input \(not before now\)/);
  });

  it('--tz with a format other than the table is said once', async () => {
    const r = await runCli(['--format', 'csv', '--tz', 'Europe/Oslo', PLAIN]);
    expect(r.stderr.match(/--tz applies to the table only: csv times stay UTC/g)).toHaveLength(1);
    expect((await runCli(['--format', 'table', '--tz', 'Europe/Oslo', PLAIN])).stderr).not.toContain('--tz');
  });
});

describe('waiting and stopping', () => {
  it('reading stdin with no input named says so when stderr is a terminal', async () => {
    const text = readFileSync(PLAIN, 'utf8');
    const seen = await runCli(['--format', 'ndjson'], { stdin: text, stderrTty: true });
    expect(seen.stderr).toContain('okta-revoke-scan: reading events from stdin… (name exports or folders to read files instead)\n');
    expect((await runCli(['--format', 'ndjson'], { stdin: text })).stderr).not.toContain('reading events from stdin');
    expect((await runCli(['-q', '--format', 'ndjson'], { stdin: text, stderrTty: true })).stderr).toBe('');
  });

  it('Ctrl-C says what is left: no report written (built CLI, child process)', async () => {
    const child = spawn(process.execPath, [resolve('bin/okta-revoke-scan.js')], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.write(readFileSync(PLAIN).subarray(0, 1000)); // stdin stays open: the scan waits for the rest
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toBe('okta-revoke-scan: interrupted; no report written\n');
  });
});

describe('--stats', () => {
  it('says where the wall time went: each pass, the windows and signals, the report', async () => {
    const r = await runCli(['--stats', '--format', 'ndjson', PLAIN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stats: pass 1 \d+\.\d\d s, pass 2 \d+\.\d\d s, windows and signals \d+\.\d\d s, report \d+\.\d\d s\n/);
    const rules = await runCli(['--stats', '--no-window', '--format', 'ndjson', PLAIN]);
    expect(rules.stderr).toMatch(/stats: pass 1 \d+\.\d\d s, report \d+\.\d\d s\n/);
  });
});
