// Two-thread scans give byte-identical output to one-thread scans (built CLI, real worker threads).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.js';

const BIN = 'bin/okta-revoke-scan.js';
const dir = mkdtempSync(join(tmpdir(), 'ors-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(file: string, threads: number, extra: string[] = ['--validate']): string {
  return execFileSync('node', [BIN, '--format', 'json', '--threads', String(threads), '--parallel-min-mb', '0', ...extra, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
}

describe('parallel scan', () => {
  const generated = { ndjson: join(dir, 'gen.ndjson'), pretty: join(dir, 'gen.json') };
  const files: string[] = ['samples/okta-export.ndjson', 'samples/okta-export-pretty.json', generated.ndjson, generated.pretty];
  beforeAll(async () => {
    for (const format of ['ndjson', 'pretty'] as const) {
      await generate({ out: generated[format], format, events: 6000, revocations: 12, seed: 7, days: 3, manifest: false });
    }
  });
  it.each(files)('%s: same report with one and two threads', (file) => {
    const one = scan(file, 1);
    const two = scan(file, 2);
    expect(two).toBe(one);
    const stats = spawnSync('node', [BIN, '--stats', '--threads', '2', '--parallel-min-mb', '0', file], { encoding: 'utf8' });
    expect(stats.stderr).toMatch(/split over 2 threads/);
    const doc = JSON.parse(two);
    expect(doc.findings.length).toBeGreaterThan(0);
  });
  it.each(['ndjson', 'pretty'] as const)('%s: the second pass through the record index (both threads\' parts) finds what a second full read finds, with the worker reading ahead or not', (format) => {
    const file = generated[format];
    const gz = `${file}.gz`;
    writeFileSync(gz, gzipSync(readFileSync(file)));
    const twoThreads = scan(file, 2, []);
    const viaIndex = JSON.parse(twoThreads) as { findings: unknown[] };
    const reread = JSON.parse(scan(gz, 2, [])) as { findings: unknown[] };
    expect(viaIndex.findings.length).toBeGreaterThan(0);
    expect(viaIndex.findings).toEqual(reread.findings);
    // The index read by the worker thread while this one parses, or by this thread alone: the same report.
    expect(twoThreads).toBe(scan(file, 1, []));
    const stats = spawnSync('node', [BIN, '--stats', '--threads', '2', '--parallel-min-mb', '0', file], { encoding: 'utf8' });
    expect(stats.stderr).toMatch(/1 read split over 2 threads, 1 input read again through its record index/);
  });
  it('line numbers in the second half are absolute', () => {
    const lines = readFileSync('samples/okta-export.ndjson', 'utf8').split('\n');
    lines[40] = '{"uuid": "broken", "eventType": ';
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, lines.join('\n'));
    const doc = JSON.parse(scan(file, 2));
    expect(doc.diagnostics.map((d: { line: number }) => d.line)).toEqual([41]);
  });
});
