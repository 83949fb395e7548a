// Nothing skipped in silence (issue 17): folders read by content, --include/--exclude, epoch times, lost revocations, Elasticsearch responses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { schemaErrors, validateReport } from '../helpers/schema.js';

const PLAIN = 'samples/okta-export.ndjson';
const PRETTY = 'samples/okta-export-pretty.json';
const PANTHER = 'test/fixtures/panther-api-key-revoked/input.ndjson';
const tmp = mkdtempSync(join(tmpdir(), 'ors-skipped-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lines = readFileSync(PLAIN, 'utf8').trim().split('\n');
const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const revoke = events.find((e) => e.eventType === 'system.api_token.revoke')!;
const signIn = events.find((e) => e.eventType === 'user.session.start')!;

interface Input { path: string; format: string; events: number; skipped?: string; error?: string }
interface Report {
  inputs: Input[];
  summary: Record<string, unknown>;
  findings: { id: string; published: string }[];
  diagnostics: { file: string; line?: number; reason: string; namesRevocation?: true }[];
}

async function json(argv: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(['--format', 'json', ...argv]);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  const report = JSON.parse(r.stdout || '{}') as Report;
  if (r.stdout) expect(validateReport(report), schemaErrors(validateReport.errors)).toBe(true);
  return { code: r.code, report, stderr: r.stderr };
}

/** A folder of exports under every name a responder meets, and files that are not logs. */
function evidenceFolder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'ocsf'), { recursive: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, 'okta.log'), readFileSync(PLAIN)); // 3 revocations
  writeFileSync(join(dir, 'export.JSON'), readFileSync(PRETTY)); // 1
  writeFileSync(join(dir, 'export.ndjson.gzip'), gzipSync(readFileSync(PANTHER))); // 1
  writeFileSync(join(dir, 'ocsf', 'API_Activity.raw'), JSON.stringify(signIn, null, 4)); // 0, one event
  writeFileSync(join(dir, 'README.md'), '# Evidence\n\nsystem.api_token.revoke events from the export.\n');
  writeFileSync(join(dir, '.hidden.ndjson'), `${lines[0]!}\n`);
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, 'screenshot.png'), Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'));
  writeFileSync(join(dir, 'backup.dat'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40)]));
  return dir;
}

describe('folders are read by content', () => {
  it('reads every regular file whatever its name, and lists each file left out with its reason', async () => {
    const dir = evidenceFolder('evidence');
    const { code, report, stderr } = await json([dir]);
    expect(code, stderr).toBe(0);
    expect(report.findings).toHaveLength(5);
    const byName = Object.fromEntries(report.inputs.map((i) => [i.path.slice(dir.length + 1), i]));
    expect(byName['okta.log']).toMatchObject({ format: 'ndjson', events: 46 });
    expect(byName['export.JSON']).toMatchObject({ format: 'array', events: 21 });
    expect(byName['export.ndjson.gzip']).toMatchObject({ format: 'gzip+ndjson', events: 1 });
    expect(byName['ocsf/API_Activity.raw']).toMatchObject({ format: 'ndjson', events: 1 });
    expect(Object.fromEntries(report.inputs.filter((i) => i.skipped).map((i) => [i.path.slice(dir.length + 1), i.skipped]))).toEqual({
      '.git': 'hidden folder',
      '.hidden.ndjson': 'hidden',
      'README.md': 'not a log: a document (.md)',
      'backup.dat': 'a zip archive: unpack it first',
      'screenshot.png': 'not a log: an image (.png)',
    });
    // Inputs are listed in folder order, read or not; `files` counts those read.
    expect(report.inputs.map((i) => i.path.slice(dir.length + 1))).toEqual([
      '.git', '.hidden.ndjson', 'README.md', 'backup.dat', 'export.JSON', 'export.ndjson.gzip', 'ocsf/API_Activity.raw', 'okta.log', 'screenshot.png',
    ]);
    expect(report.summary).toMatchObject({ files: 4, skipped: 5 });
    expect(stderr).toContain('5 files left out, not read:\n');
    expect(stderr).toContain(`  ${join(dir, 'backup.dat')}: a zip archive: unpack it first\n`);
    expect(stderr).toContain(`  ${join(dir, 'README.md')}: not a log: a document (.md)\n`);
    // The README names the revocation event type, but it is not a record: nothing is lost.
    expect(report.summary.unreadRevocations).toBe(0);
  });

  it('--include reads only what matches (hidden and document-named files too); --exclude wins', async () => {
    const dir = evidenceFolder('globs');
    const only = await json(['--include', '*.log', '--include', '.hidden.*', dir]);
    expect(only.report.inputs.filter((i) => !i.skipped).map((i) => i.path.slice(dir.length + 1))).toEqual(['.hidden.ndjson', 'okta.log']);
    expect(only.report.inputs.find((i) => i.path.endsWith('export.JSON'))!.skipped).toBe('not matched by --include');
    expect(only.report.findings).toHaveLength(3);
    const nested = await json(['--include', 'ocsf/**', dir]);
    expect(nested.report.inputs.filter((i) => !i.skipped).map((i) => i.path.slice(dir.length + 1))).toEqual(['ocsf/API_Activity.raw']);
    const without = await json(['--exclude', 'OKTA.LOG', '--exclude', 'ocsf', dir]);
    expect(without.report.findings).toHaveLength(2);
    const skipped = Object.fromEntries(without.report.inputs.filter((i) => i.skipped).map((i) => [i.path.slice(dir.length + 1), i.skipped]));
    expect(skipped).toMatchObject({ 'okta.log': 'excluded by --exclude', ocsf: 'excluded by --exclude' });
    expect((await runCli(['--include', '', dir])).code).toBe(2);
  });

  it('a folder with nothing to read says why, file by file (exit 3)', async () => {
    const dir = join(tmp, 'docs-only');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    const r = await runCli([dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`okta-revoke-scan: ${dir}: no file to read in this folder (1 left out: ${join(dir, 'notes.md')}: not a log: a document (.md))\n`);
    const empty = join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    expect((await runCli([empty])).stderr).toBe(`okta-revoke-scan: ${empty}: folder is empty\n`);
  });

  it('-q keeps the list off stderr; the JSON document still has it', async () => {
    const dir = evidenceFolder('quiet');
    const r = await runCli(['-q', '--format', 'json', dir]);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Report).summary.skipped).toBe(5);
  });
});

describe('epoch times', () => {
  it('reads published as epoch milliseconds or seconds, numbers or digit strings', async () => {
    const ms = Date.parse(revoke.published as string);
    const variants = [ms, ms / 1000, String(ms), String(ms / 1000)].map((published, i) => JSON.stringify({ ...revoke, uuid: `epoch-${i}`, published }));
    const path = join(tmp, 'epoch.ndjson');
    writeFileSync(path, variants.join('\n') + '\n');
    const { code, report } = await json([path]);
    expect(code).toBe(0);
    expect(report.findings.map((f) => [f.id, f.published])).toEqual([0, 1, 2, 3].map((i) => [`epoch-${i}`, revoke.published]));
    expect(report.diagnostics).toEqual([]);
  });
});

describe('a record that names the revocation event type and is dropped is never quiet', () => {
  const bad = [
    JSON.stringify({ ...revoke, uuid: 'no-time', published: undefined }),
    JSON.stringify({ ...revoke, uuid: 'bad-time', published: 'yesterday' }),
    JSON.stringify({ message: '{"eventType": "system.api_token.revoke", "published": cut' }),
    '{"eventType": "system.api_token.revoke", "published": "2024-03-05T16:18:30.905Z", broken',
  ];
  it('is named on its own line even with -q, and --fail-on-findings exits 1', async () => {
    const path = join(tmp, 'lost.ndjson');
    writeFileSync(path, [lines[0], ...bad].join('\n') + '\n');
    const r = await runCli(['-q', '--fail-on-findings', '--format', 'ndjson', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const said = r.stderr.trim().split('\n');
    expect(said).toEqual([
      `okta-revoke-scan: possible revocation lost: ${path}:2: no published time`,
      `okta-revoke-scan: possible revocation lost: ${path}:3: published is not a time ("yesterday")`,
      expect.stringMatching(new RegExp(`^okta-revoke-scan: possible revocation lost: ${path}:4: message holds broken JSON text`)),
      `okta-revoke-scan: possible revocation lost: ${path}:5: input ends inside a record (export cut short?); it was skipped`,
      'okta-revoke-scan: 4 records naming system.api_token.revoke could not be read as events: check them by hand; --fail-on-findings exits 1',
    ]);
    const { report } = await json([path]);
    expect(report.summary.unreadRevocations).toBe(4);
    expect(report.diagnostics.every((d) => d.namesRevocation === true)).toBe(true);
    // Without --fail-on-findings the run still reads as a success of the scan itself.
    expect((await runCli(['-q', path])).code).toBe(0);
  });

  it('a dropped record that does not name it is an ordinary diagnostic', async () => {
    const path = join(tmp, 'ordinary.ndjson');
    writeFileSync(path, [lines[0], JSON.stringify({ ...signIn, published: 'never' })].join('\n') + '\n');
    const r = await runCli(['-q', '--fail-on-findings', '--validate', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a record nested 200,000 levels deep that names it is skipped and called out', async () => {
    const depth = 200_000;
    const path = join(tmp, 'deep.ndjson');
    writeFileSync(path, `${lines[0]}\n{"eventType":"system.api_token.revoke","published":"2024-03-05T16:18:30.905Z","x":${'['.repeat(depth)}${']'.repeat(depth)}}\n`);
    const r = await runCli(['-q', '--fail-on-findings', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/possible revocation lost: .*deep\.ndjson:2: nested more than \d+ levels deep; skipped/);
  });
});

describe('Elasticsearch search responses', () => {
  const hit = (e: Record<string, unknown>, i: number) => ({ _index: 'okta-2024.03', _id: `h${i}`, _score: 1, _source: e });
  const response = (es: Record<string, unknown>[]) => ({ took: 4, timed_out: false, _shards: { total: 1 }, hits: { total: { value: es.length, relation: 'eq' }, max_score: 1, hits: es.map(hit) } });

  it('a saved response (pretty) is a document of hits', async () => {
    const path = join(tmp, 'search.json');
    writeFileSync(path, JSON.stringify(response(events), null, 2));
    const { code, report } = await json([path]);
    expect(code).toBe(0);
    expect(report.inputs[0]).toMatchObject({ format: 'document(hits.hits)', events: 46 });
    expect(report.findings).toHaveLength(3);
  });

  it('responses one per line (scroll pages) are read too', async () => {
    const path = join(tmp, 'pages.ndjson');
    writeFileSync(path, [response(events.slice(0, 30)), response(events.slice(30))].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { report } = await json([path]);
    expect(report.inputs[0]!.events).toBe(46);
    expect(report.findings).toHaveLength(3);
  });
});
