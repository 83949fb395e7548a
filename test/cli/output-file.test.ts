// -o FILE: atomic replacement, inputs never overwritten (also through links), temp file removed on failure.
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeChunk } from '../../src/cli/io.js';
import { openOutput, refuseInput } from '../../src/cli/output-file.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

const SAMPLE = 'samples/okta-export.ndjson';
const made: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ors-out-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('openOutput', () => {
  it('leaves the target untouched until commit, then replaces it whole', async () => {
    const dir = fresh();
    const target = join(dir, 'report.ndjson');
    writeFileSync(target, 'old report\n');
    const out = await openOutput(target, []);
    await writeChunk(out.sink, 'new ');
    await writeChunk(out.sink, 'report\n');
    expect(readFileSync(target, 'utf8')).toBe('old report\n');
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^\.report\.ndjson\.\d+-[0-9a-f]{8}\.tmp$/), 'report.ndjson']);
    await out.commit();
    expect(readFileSync(target, 'utf8')).toBe('new report\n');
    expect(readdirSync(dir)).toEqual(['report.ndjson']);
    await out.abort(); // no-op after commit
    expect(readFileSync(target, 'utf8')).toBe('new report\n');
  });

  it('queues chunks of a reporter\'s size without waiting for the disk, and writes them all in order', async () => {
    const target = join(fresh(), 'big.ndjson');
    const out = await openOutput(target, []);
    const chunks = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}${'é'.repeat(8 * 1024)}\n`);
    // 40 chunks of 16 KB (650 KB in all): none asks the writer to wait for a drain.
    expect(chunks.map((c) => out.sink.write(c))).toEqual(chunks.map(() => true));
    await out.commit();
    expect(readFileSync(target, 'utf8')).toBe(chunks.join(''));
  });

  it('a replaced file keeps its permission bits (a private report stays private)', async () => {
    const target = join(fresh(), 'private.json');
    writeFileSync(target, 'old\n', { mode: 0o600 });
    const out = await openOutput(target, []);
    await writeChunk(out.sink, 'new\n');
    await out.commit();
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('abort removes the temporary file and keeps the old target', async () => {
    const dir = fresh();
    const target = join(dir, 'report.csv');
    writeFileSync(target, 'old\n');
    const out = await openOutput(target, []);
    await writeChunk(out.sink, 'half a rep');
    await out.abort();
    await out.abort();
    expect(readdirSync(dir)).toEqual(['report.csv']);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
  });

  it('refuses an input, a symlink to an input and a hard link to one', async () => {
    const dir = fresh();
    const input = join(dir, 'export.ndjson');
    writeFileSync(input, '{}\n');
    symlinkSync(input, join(dir, 'sym.ndjson'));
    linkSync(input, join(dir, 'hard.ndjson'));
    for (const target of [input, join(dir, 'sym.ndjson'), join(dir, 'hard.ndjson'), join(dir, '.', 'export.ndjson')]) {
      await expect(refuseInput(target, [input]), target).rejects.toThrow(UsageError);
    }
    await expect(refuseInput(join(dir, 'new.ndjson'), [input])).resolves.toBeUndefined();
    await expect(openOutput(join(dir, 'sym.ndjson'), [input])).rejects.toThrow(/is an input/);
    expect(readFileSync(input, 'utf8')).toBe('{}\n');
  });

  it('through a symlink, replaces the file it points to and keeps the link', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'reports'));
    const real = join(dir, 'reports', 'march.json');
    writeFileSync(real, 'old\n');
    symlinkSync(real, join(dir, 'latest.json'));
    const out = await openOutput(join(dir, 'latest.json'), []);
    expect(dirname(out.tempPath)).toBe(realpathSync(join(dir, 'reports')));
    await writeChunk(out.sink, 'new\n');
    await out.commit();
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['march.json']);
  });

  it('refuses devices and pipes: they are not files a report can be renamed over', async () => {
    await expect(openOutput('/dev/null', [])).rejects.toThrow(/not a regular file/);
  });

  it('refuses a folder and a folder it cannot write in', async () => {
    const dir = fresh();
    await expect(openOutput(dir, [])).rejects.toThrow(/is a folder/);
    await expect(openOutput(join(dir, 'missing', 'r.json'), [])).rejects.toThrow(/cannot write in/);
  });
});

describe('okta-revoke-scan -o', () => {
  it('writes the same bytes as stdout would, and nothing to stdout', async () => {
    const dir = fresh();
    for (const format of ['ndjson', 'json', 'csv', 'timesketch', 'table']) {
      const target = join(dir, `r.${format}`);
      const viaFile = await runCli(['-f', format, '-o', target, SAMPLE]);
      const viaStdout = await runCli(['-f', format, SAMPLE]);
      expect(viaFile.code, viaFile.stderr).toBe(0);
      expect(viaFile.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe(viaStdout.stdout);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is NDJSON by default even when stdout is a terminal', async () => {
    const target = join(fresh(), 'r');
    const r = await runCli(['-o', target, SAMPLE], { tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(target, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).kind)).toEqual(['incident', 'revocation', 'revocation', 'revocation']);
  });

  it('refuses to overwrite an input (exit 2) and leaves it intact', async () => {
    const dir = fresh();
    const input = join(dir, 'export.ndjson');
    writeFileSync(input, readFileSync(SAMPLE));
    symlinkSync(input, join(dir, 'link.ndjson'));
    for (const target of [input, join(dir, 'link.ndjson')]) {
      const r = await runCli(['-o', target, dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is an input/);
    }
    expect(readFileSync(input)).toEqual(readFileSync(SAMPLE));
    expect(readdirSync(dir).sort()).toEqual(['export.ndjson', 'link.ndjson']);
  });

  it('with --strict and input problems, writes no report and keeps the old file', async () => {
    const dir = fresh();
    const input = join(dir, 'bad.ndjson');
    writeFileSync(input, `${readFileSync(SAMPLE, 'utf8')}{"broken\n`);
    const target = join(dir, 'out.json');
    writeFileSync(target, 'previous\n');
    const r = await runCli(['--strict', '-o', target, input]);
    expect(r.code).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.ndjson', 'out.json']);
  });

  it('-o - is stdout, as usual for command-line tools', async () => {
    const r = await runCli(['-o', '-', SAMPLE]);
    const plain = await runCli([SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(existsSync('-')).toBe(false);
  });

  it('-o without a file name is a usage error', async () => {
    expect((await runCli([SAMPLE, '-o'])).code).toBe(2);
  });
});
