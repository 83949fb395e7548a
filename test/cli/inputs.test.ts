// CLI on every input shape: diagnostics for broken wrappers, tables and documents; --input-format, --from/--to, --tz.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../helpers/ansi.js';
import { runCli } from '../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';
const tmp = mkdtempSync(join(tmpdir(), 'ors-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const events = readFileSync(PLAIN, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const revoke = events.find((e) => e.eventType === 'system.api_token.revoke')!;

function file(name: string, content: string): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

interface Report { inputs: { format: string; events: number }[]; findings: { id: string; published: string; window?: unknown }[]; diagnostics: { line?: number; offset?: number; reason: string }[] }
async function json(argv: string[], stdin?: string): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(['--format', 'json', ...argv], stdin === undefined ? {} : { stdin });
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  return { code: r.code, report: JSON.parse(r.stdout || '{}') as Report, stderr: r.stderr };
}

describe('broken parts of every shape are diagnostics, never crashes', () => {
  it('a delivery with a bad event and a wrapper with broken JSON text', async () => {
    const input = file('mixed-bad.ndjson', [
      JSON.stringify({ eventType: 'com.okta.event_hook', data: { events: [revoke, { uuid: 'no-type', published: '2024-01-01T00:00:00Z' }] } }),
      JSON.stringify({ message: '{"eventType": "system.api_token.revoke", cut' }),
    ].join('\n') + '\n');
    const { code, report } = await json(['--validate', input]);
    expect(code).toBe(0);
    expect(report.findings.map((f) => f.id)).toEqual([revoke.uuid]);
    expect(report.diagnostics.map((d) => [d.line, d.reason.replace(/:.*/s, '')])).toEqual([[1, 'data.events[1]'], [2, 'message holds broken JSON text']]);
    expect(report.inputs[0]).toMatchObject({ format: 'ndjson+event-hook', events: 1 });
  });
  it('a broken CSV row is skipped with its line; the other rows are read', async () => {
    const header = 'uuid,published,eventType,actor.id,actor.type,target0.id,target0.type';
    const row = (u: string) => `${u},2024-03-05T16:18:30.905Z,system.api_token.revoke,00u1,User,00T1,Token`;
    const stray = await json([file('stray.csv', [header, row('r1'), 'r2,2024-03-05"x,y', row('r3')].join('\n') + '\n')]);
    expect(stray.report.findings.map((f) => f.id)).toEqual(['r1', 'r3']);
    expect(stray.report.diagnostics).toEqual([{ file: expect.stringMatching(/stray\.csv$/), line: 3, reason: expect.stringMatching(/^CSV row skipped: Invalid Opening Quote/) }]);
    // An unclosed quote runs to the end of the file: what follows it cannot be told apart from the cell.
    const open = await json([file('open.csv', [header, row('r1'), 'r2,"2024-03-05,oops', row('r3')].join('\n') + '\n')]);
    expect(open.report.findings.map((f) => f.id)).toEqual(['r1']);
    expect(open.report.diagnostics[0]!.reason).toMatch(/Quote Not Closed/);
  });
  it('a document cut short keeps the events before the cut', async () => {
    const text = JSON.stringify({ events: [revoke, ...events.slice(0, 3)] });
    const { report } = await json([file('cut.json', text.slice(0, text.length - 200))]);
    expect(report.findings.map((f) => f.id)).toEqual([revoke.uuid]);
    expect(report.diagnostics.map((d) => d.reason)).toEqual([expect.stringMatching(/document is cut short or not valid JSON/)]);
  });
  it('a wrong --events-path says where it looked; an empty export is just empty', async () => {
    const { report } = await json(['--events-path', 'hits.hits', file('doc.json', JSON.stringify({ took: 3, result: { items: [revoke] } }))]);
    expect(report.findings).toEqual([]);
    expect(report.diagnostics[0]!.reason).toMatch(/no events under hits\.hits/);
    const empty = await json(['--strict', file('empty-doc.json', '{"events": []}')]);
    expect(empty.code).toBe(0);
    expect(empty.report.inputs[0]).toMatchObject({ format: 'document(events)', events: 0 });
  });
  it('text that is neither JSON nor an event table is exit 3', async () => {
    const r = await runCli([file('notes.csv', 'name,age\nann,3\n')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nor CSV with a header row naming eventType and published/);
  });
});

describe('shapes through folders, stdin and --input-format', () => {
  it('folders include CSV files; stdin may be CSV', async () => {
    const dir = join(tmp, 'folder');
    mkdirSync(dir, { recursive: true });
    const csv = readFileSync('test/fixtures/shape-csv/input.csv', 'utf8');
    writeFileSync(join(dir, 'export.csv'), csv);
    expect((await json([dir])).report.findings).toHaveLength(3);
    const piped = await json(['-'], csv);
    expect(piped.report.inputs[0]!.format).toBe('csv');
    expect(piped.report.findings).toHaveLength(3);
  });
  it('gzipped CSV and documents are read like the plain ones', async () => {
    const csv = file('export.csv.gz', '');
    writeFileSync(csv, gzipSync(readFileSync('test/fixtures/shape-csv/input.csv')));
    const r = await json([csv]);
    expect(r.report.inputs[0]!.format).toBe('gzip+csv');
    expect(r.report.findings).toHaveLength(3);
  });
  it('--input-format forces a shape; a bad value is a usage error', async () => {
    const doc = file('forced.json', JSON.stringify({ items: [revoke] }));
    expect((await json(['--input-format', 'document', '--events-path', 'items', doc])).report.findings).toHaveLength(1);
    expect((await runCli(['--input-format', 'xml', doc])).code).toBe(2);
    expect((await runCli(['--events-path', 'a..b', doc])).code).toBe(2);
  });
});

describe('--from / --to', () => {
  it('reports only revocations in the range; windows still see every event', async () => {
    const all = (await json([PLAIN])).report.findings;
    const { report, stderr } = await json(['--from', '2024-03-05T17:18:00+01:00', '--to', '2024-03-05T16:19:00Z', PLAIN]);
    expect(report.findings).toEqual(all.filter((f) => f.published === '2024-03-05T16:18:30.905Z'));
    expect(stderr).toMatch(/time range 2024-03-05T16:18:00\.000Z to 2024-03-05T16:19:00\.000Z/);
  });
  it('relative values count back from the newest event (2024-03-06T15:45:30.250Z)', async () => {
    const { report, stderr } = await json(['--to', '1d', PLAIN]);
    expect(report.findings).toEqual([]);
    expect(stderr).toMatch(/counted back from the newest event in the input, 2024-03-06T15:45:30\.250Z, not from now/);
    expect((await json(['--from', '1d', PLAIN])).report.findings).toHaveLength(3);
    // Documents are parsed whole, so every event's time counts.
    const doc = await json(['--to', '1d', 'test/fixtures/shape-events-doc/input.json']);
    expect(doc.report.findings).toEqual([]);
    expect(doc.stderr).toMatch(/newest event in the input, 2024-03-06T15:45:30\.250Z/);
  });
  it('a time without a zone, or an empty range, is a usage error', async () => {
    for (const argv of [['--from', '2024-03-05T16:00:00'], ['--to', '2024-03-05 16:00'], ['--from', '2024-03-06T00:00:00Z', '--to', '2024-03-05T00:00:00Z']]) {
      const r = await runCli([...argv, PLAIN]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/time zone|later than/);
    }
  });
});

describe('--tz', () => {
  it('changes only the table time column', async () => {
    const t = await runCli(['--format', 'table', '--tz', 'America/New_York', PLAIN], { tty: true, columns: 200, env: { NO_COLOR: '1' } });
    const out = stripAnsi(t.stdout);
    expect(out).toContain('Time (America/New_York)');
    expect(out).toContain('2024-03-05 11:18:30-05:00');
    expect((await runCli(['--format', 'json', '--tz', 'Asia/Tokyo', PLAIN])).stdout).toBe((await runCli(['--format', 'json', PLAIN])).stdout);
  });
  it('an unknown zone is a usage error', async () => {
    const r = await runCli(['--tz', 'Mars/Olympus', PLAIN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--tz takes an IANA time zone/);
  });
});
