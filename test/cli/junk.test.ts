// Junk never looks clean (issue 17): inputs with no event at all are unreadable (exit 3), a record over the limit streams by.
import { spawnSync } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';
const PRETTY = 'samples/okta-export-pretty.json';
const tmp = mkdtempSync(join(tmpdir(), 'ors-junk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** The sample encrypted (AES-CTR, fixed key): bytes that look random, the same on every run. */
function encrypted(): Buffer {
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16, 1));
  return Buffer.concat([cipher.update(readFileSync(PLAIN)), cipher.final()]);
}

describe('an input that yields no event at all is unreadable', () => {
  it('random bytes that start with {: exit 3 and one line, also with -q --fail-on-findings', async () => {
    const path = file('random.json', Buffer.concat([Buffer.from('{'), encrypted()]));
    const r = await runCli(['-q', '--fail-on-findings', path]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^okta-revoke-scan: ${path}: unreadable: not one Okta event in it, \\d+ problems; the first \\(line \\d+\\): .* \\(not an Okta System Log export, or encrypted or damaged\\?\\)\\n$`));
  });

  it('an encrypted copy: the problems are summed up in that line, not listed; the JSON document keeps them', async () => {
    const path = file('export.ndjson.enc', encrypted());
    const r = await runCli([path]);
    expect(r.code).toBe(3);
    const said = r.stderr.trim().split('\n');
    expect(said[0]).toMatch(/unreadable: not one Okta event in it/);
    expect(r.stderr).not.toMatch(/input problems? \(bad records are skipped/);
    const doc = JSON.parse((await runCli(['--format', 'json', path])).stdout) as { inputs: { error?: string; diagnostics: number }[] };
    expect(doc.inputs[0]!.error).toMatch(/unreadable/);
    expect(doc.inputs[0]!.diagnostics).toBeGreaterThan(10);
  });

  it('records that are all something else: exit 3; other inputs are still reported', async () => {
    const other = file('not-okta.ndjson', '{"level":"info","msg":"started"}\n{"level":"warn","msg":"slow"}\n');
    const r = await runCli(['--format', 'ndjson', other, PRETTY]);
    expect(r.code).toBe(3);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual(['incident', 'revocation']);
    expect(r.stderr).toContain(`okta-revoke-scan: ${other}: unreadable: not one Okta event in it, 2 problems; the first (line 1): no eventType (not an Okta System Log export, or encrypted or damaged?)`);
  });

  it('an empty export is just empty; a good export with a few bad records is not unreadable', async () => {
    expect((await runCli([file('empty-doc.json', '{"events": []}')])).code).toBe(0);
    const lines = readFileSync(PLAIN, 'utf8').trim().split('\n');
    const mostlyGood = file('mostly-good.ndjson', ['{"broken": ', ...lines].join('\n') + '\n');
    expect((await runCli(['-q', mostlyGood])).code).toBe(0);
  });
});

describe('a record over --max-record-mb streams by', () => {
  /** One record holding a `mib` MiB string, gzipped (a decompression bomb of about mib/1000 MiB). */
  async function bomb(name: string, mib: number): Promise<string> {
    const path = join(tmp, name);
    const chunk = Buffer.alloc(1 << 20, 'a');
    function* parts() {
      yield Buffer.from('{"eventType":"system.api_token.revoke","published":"2024-03-05T16:18:30.905Z","x":"');
      for (let i = 0; i < mib; i++) yield chunk;
      yield Buffer.from('"}\n');
    }
    await pipeline(Readable.from(parts()), createGzip({ level: 1 }), createWriteStream(path));
    return path;
  }

  /** Peak RSS (MiB) of the built CLI on `argv`, from --stats, and what it said. */
  function peak(argv: string[]): { mib: number; code: number | null; stderr: string } {
    const r = spawnSync(process.execPath, [resolve('bin/okta-revoke-scan.js'), '--stats', '--format', 'json', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = /peak RSS (\d+) MiB/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    return { mib: Number(m![1]), code: r.status, stderr: r.stderr };
  }

  it('is passed over, never held: peak memory is a normal run plus at most the limit; it is a possible lost revocation', async () => {
    const path = await bomb('bomb.json.gz', 512);
    // The same bytes streamed with a 1 MiB limit: what reading 512 MiB costs without holding anything.
    const streamed = peak(['--max-record-mb', '1', path]);
    const started = performance.now();
    const big = peak(['--max-record-mb', '64', path]);
    const seconds = (performance.now() - started) / 1000;
    expect(big.stderr).toMatch(/possible revocation lost: .*bomb\.json\.gz:1: record larger than 67108864 bytes; skipped/);
    expect(big.code).toBe(3); // nothing else in it: unreadable
    // Before, the 64 MiB read so far were copied into blocks twice their size: 3-4x the limit on top.
    expect(big.mib - streamed.mib, `${streamed.mib} MiB with a 1 MiB limit`).toBeLessThanOrEqual(64 + 24);
    expect(seconds).toBeLessThan(30);
  });

  it('a record a little under the limit, longer than many blocks, is still read whole (plain and gzip)', async () => {
    const lines = readFileSync(PLAIN, 'utf8').trim().split('\n');
    const revoke = JSON.parse(lines.find((l) => l.includes('"system.api_token.revoke"'))!) as Record<string, unknown>;
    const large = JSON.stringify({ ...revoke, uuid: 'large-one', padding: 'p'.repeat(12 << 20) });
    const text = [...lines, large].join('\n') + '\n';
    for (const path of [file('large.ndjson', text), file('large.ndjson.gz', gzipSync(text)), file('large.json', `[\n${[...lines, large].join(',\n')}\n]\n`)]) {
      const r = await runCli(['--format', 'json', '--max-record-mb', '16', path]);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { findings: { id: string }[]; summary: { diagnostics: number } };
      expect(doc.findings.map((f) => f.id), path).toContain('large-one');
      expect(doc.summary.diagnostics).toBe(0);
    }
  });
});
