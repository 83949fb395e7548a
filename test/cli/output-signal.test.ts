// -o in a real child process: Ctrl-C in the middle of a run removes the temporary report and keeps the old one.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/okta-revoke-scan.js');
const SAMPLE = readFileSync('samples/okta-export.ndjson');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'ors-out-sig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-o and Ctrl-C (built CLI, child process)', () => {
  it('removes the temporary file and leaves the previous report as it was', async () => {
    const target = join(dir, 'report.ndjson');
    writeFileSync(target, 'previous report\n');
    const child = spawn(process.execPath, [BIN, '-o', target, '-'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dir } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.on('error', () => {});
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // A slow writer keeps the run in the middle of reading stdin; the temporary report exists by then.
    child.stdin.write(SAMPLE.subarray(0, 1000));
    let temps: string[] = [];
    for (let i = 0; i < 200 && temps.length === 0; i++) {
      await sleep(25);
      temps = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    }
    expect(temps, stderr).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(dir)).toEqual(['report.ndjson']);
    expect(readFileSync(target, 'utf8')).toBe('previous report\n');
  });
});
