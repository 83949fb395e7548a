// Stdin spooling in a real child process: the temp copy is gone after success, errors and Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/okta-revoke-scan.js');
const SAMPLE = readFileSync('samples/okta-export.ndjson');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A private temp folder for one child (TMPDIR), so leftovers are the child's own. */
function privateTmp(): string {
  return mkdtempSync(join(tmpdir(), 'ors-spool-test-'));
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('okta-revoke-scan-'));
}

/** Starts the CLI; `feed` writes to its stdin; resolves when it has exited. */
function runBin(args: string[], tmp: string, feed: (child: ReturnType<typeof spawn>) => void): Promise<Child> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c));
    child.stderr!.on('data', (c: Buffer) => (stderr += c));
    child.stdin!.on('error', () => {}); // the child may exit before reading everything
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    feed(child);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stdin spooling (built CLI, child process)', () => {
  it('removes the temp copy after a successful run', async () => {
    const tmp = privateTmp();
    const r = await runBin(['-', '--format', 'ndjson'], tmp, (c) => c.stdin!.end(SAMPLE));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(leftovers(tmp)).toEqual([]);
  });

  it('removes it when the input holds no JSON (exit 3) and when - is given twice', async () => {
    const tmp = privateTmp();
    const garbage = await runBin(['-'], tmp, (c) => c.stdin!.end('this is not JSON\n'));
    expect(garbage.code).toBe(3);
    expect(garbage.stderr).toMatch(/^okta-revoke-scan: -: not a JSON export/m);
    const twice = await runBin(['-', '-'], tmp, (c) => c.stdin!.end(SAMPLE));
    expect(twice.code).toBe(3);
    expect(twice.stderr).toMatch(/only once/);
    expect(leftovers(tmp)).toEqual([]);
  });

  it('removes it on Ctrl-C in the middle of reading stdin from a slow writer', async () => {
    const tmp = privateTmp();
    let spooling: string[] = [];
    const r = await runBin(['-'], tmp, (child) => {
      void (async () => {
        // Half the export, then wait (a slow pipe) until the spool file exists, then SIGINT.
        child.stdin!.write(SAMPLE.subarray(0, SAMPLE.length >> 1));
        for (let i = 0; i < 400 && spooling.length === 0; i++) {
          await sleep(25);
          spooling = leftovers(tmp).filter((d) => readdirSync(join(tmp, d)).includes('stdin'));
        }
        await sleep(50);
        child.kill('SIGINT');
      })();
    });
    expect(spooling).toHaveLength(1);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(leftovers(tmp)).toEqual([]);
  });
});
