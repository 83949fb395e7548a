// The benchmark run's profiles, --stats parsing, DuckDB peer options, and its loud failure when the peer disagrees with the CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cachedManifest, corpusName, main, parsedRecords, peerLayout, peerWindowArgs, reportedPeakMiB, type BenchRow } from '../../bench/run.js';
import { generate } from '../../bench/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-bench-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { vi.restoreAllMocks(); });

describe('helpers', () => {
  it('reads records parsed and peak RSS from the --stats line', () => {
    const stats = 'okta-revoke-scan: stats: 4.62 s, 232 MB/s, 475,000 events, 34,543 parsed in 2 passes (1 read split over 2 threads), peak RSS 214 MiB\n';
    expect(parsedRecords(stats)).toBe(34543);
    expect(reportedPeakMiB(stats)).toBe(214);
    expect(parsedRecords('nothing')).toBeNull();
    expect(reportedPeakMiB('nothing')).toBeNull();
  });

  it('names heavy corpora apart from light ones and keeps the light names', async () => {
    expect(corpusName('1GiB', 'ndjson', 1, 200)).toBe('okta-1GiB-s1-r200.ndjson');
    expect(corpusName('1GiB', 'pretty', 1, 200, 'heavy')).toBe('okta-heavy-1GiB-s1-r200.pretty.json');
    const path = join(dir, 'c.ndjson');
    await generate({ out: path, profile: 'heavy', events: 500, revocations: 2, seed: 1 });
    expect(cachedManifest(path, 'ndjson', 1, 'heavy')?.profile).toBe('heavy');
    expect(cachedManifest(path, 'ndjson', 1)).toBeNull();
  });

  it('gives the peer the CLI\'s window options, and a layout for the formats it reads', () => {
    expect(peerWindowArgs(['--rules', 'x', '--before', '2h', '--max-window-events=5', '--after'])).toEqual(['--before', '2h', '--max-window-events=5']);
    expect([peerLayout('ndjson'), peerLayout('pretty'), peerLayout('array'), peerLayout('gzip'), peerLayout('onelinearray')]).toEqual(['ndjson', 'array', 'array', null, null]);
  });
});

describe('main with the DuckDB peer', () => {
  // A CLI whose windows are all empty, and peers that agree with it (no window events) or do not.
  const cli = join(dir, 'cli.mjs');
  writeFileSync(cli, `import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
for (const l of text.split('\\n').filter(Boolean)) { const e = JSON.parse(l); if (e.eventType === 'system.api_token.revoke') console.log(JSON.stringify({ id: e.uuid, window: { events: [] } })); }
console.error('okta-revoke-scan: stats: 0.01 s, 1 MB/s, 9 events, 7 parsed in 2 passes, peak RSS 50 MiB');
`);
  const peer = (name: string, line: string): string => {
    const p = join(dir, name);
    writeFileSync(p, `import { writeFileSync } from 'node:fs';\nconst a = process.argv.slice(2);\nwriteFileSync(a[a.indexOf('--out') + 1], ${JSON.stringify(line)});\nconsole.log('{"rows":0}');\n`);
    return p;
  };
  const run = async (peerPath: string) => {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
    const code = await main(['--profile', 'heavy', '--sizes', '1MiB', '--formats', 'ndjson', '--runs', '1', '--revocations', '10', '--out-dir', join(dir, 'out'), '--cli', cli, '--peer', peerPath, '--json']);
    return { code, rows: (JSON.parse(out) as { rows: BenchRow[] }).rows, err };
  };

  it('times the whole job, the one-minute window, the rules-only run and the peer, and checks the peer', async () => {
    const r = await run(peer('agree.mjs', ''));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.tool, x.variant, x.ok, x.parsed])).toEqual([
      ['okta-revoke-scan', 'whole', true, 7], ['okta-revoke-scan', '--before 1m', true, 7], ['okta-revoke-scan', '--no-window', true, 7],
      ['duckdb', 'links', true, null], ['duckdb', 'originals', true, null],
    ]);
    expect(r.err).toContain('DuckDB links on okta-heavy-1MiB-s1-r10.ndjson: the same 0 (revocation, event, links) as ours');
  });

  it('fails loudly when the peer\'s link set differs from the CLI\'s', async () => {
    const r = await run(peer('disagree.mjs', '{"revocation":"r","uuid":"u","links":["ip"]}\n'));
    expect(r.code).toBe(1);
    const duck = r.rows.filter((x) => x.tool === 'duckdb');
    expect(duck.every((x) => !x.ok && x.outputLines === 1 && x.expectedLines === 0)).toBe(true);
    expect(r.err).toMatch(/THE DUCKDB PEER DISAGREES on okta-heavy-1MiB-s1-r10\.ndjson \(links\): link sets differ: 0 only ours, 1 only DuckDB's/);
    expect(r.err).toContain('theirs only: r u ip');
  });
});
