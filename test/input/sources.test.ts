// Stdin spooling in a real child process: the temp copy is gone after success, errors and Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/okta-revoke-scan.js');
const SAMPLE = readFileSync('samples/okta-export.ndjson');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A private temp folder for one child (TMPDIR), so leftovers are the child's own. */
function privateTmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'ors-spool-test-'));
  made.push(d);
  return d;
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
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.on('error', () => {}); // the child may exit before reading everything
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
    expect(r.stdout.trim().split('\n')).toHaveLength(4); // the incident, then the three findings
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

describe.runIf(process.platform !== 'win32')('named pipes and process substitution', () => {
  it('reads <(…) inputs like files (both passes), next to a plain file, and leaves no spool behind', async () => {
    const tmp = privateTmp();
    const plain = await runBin(['--format', 'json', 'samples/okta-export.ndjson', 'samples/okta-export-pretty.json'], tmp, (c) => c.stdin!.end());
    // `<(…)` is a /dev/fd path to a pipe: readable once, without positions
    const piped = await new Promise<Child>((done, fail) => {
      const child = spawn('bash', ['-c', `"${process.execPath}" "${BIN}" --format json <(cat samples/okta-export.ndjson) samples/okta-export-pretty.json`], { env: { ...process.env, TMPDIR: tmp } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', fail);
      child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    });
    expect(piped.code, piped.stderr).toBe(0);
    const findings = (r: Child) => (JSON.parse(r.stdout) as { findings: unknown[] }).findings;
    expect(findings(piped)).toEqual(findings(plain));
    expect(findings(piped)).toHaveLength(4);
    expect(piped.stderr).toMatch(/4 revocations in 67 events from 2 inputs/);
    expect(leftovers(tmp)).toEqual([]);
  });
});
