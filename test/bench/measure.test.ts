// Tests for the benchmark's measuring code: median, VmHWM, child runs, answer checks, the run loop with fake CLIs.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { measureCommand, median, OutputCounter, parseVmHWM, readPeakRss } from '../../bench/measure.js';
import { cachedManifest, corpusName, errorLine, formatTable, jqArgs, main, summarizeRuns, type BenchRow } from '../../bench/run.js';
import type { Manifest } from '../../bench/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { vi.restoreAllMocks(); });
const linux = existsSync('/proc/self/status');

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });
});

describe('VmHWM', () => {
  it('parses the kB value of /proc/<pid>/status into bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200 kB\nVmHWM:\t   83412 kB\nVmRSS:\t   80000 kB\n';
    expect(parseVmHWM(status)).toBe(83412 * 1024);
    expect(parseVmHWM('Name:\tzombie\nState:\tZ (zombie)\n')).toBeNull();
  });

  it.skipIf(!linux)('reads this process\'s own peak RSS; null for a missing pid', () => {
    expect(readPeakRss(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
    expect(readPeakRss(2 ** 22 + 12345)).toBeNull();
  });
});

describe('OutputCounter', () => {
  it('counts bytes and newlines across chunks', () => {
    const c = new OutputCounter();
    c.add(Buffer.from('a\nb'));
    c.add(Buffer.from('c\n\n'));
    expect(c).toMatchObject({ bytes: 6, lines: 3 });
  });

  it('does not count lines that start with the prefix to skip, however the chunks cut them', () => {
    const text = '{"kind":"incident",1}\n{"kind":"finding"}\n{"kind":"inc"}\n{"kind":"incident"\n\n{"kind":"incident",2}\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const c = new OutputCounter(Buffer.from('{"kind":"incident"'));
      c.add(Buffer.from(text.slice(0, cut)));
      c.add(Buffer.from(text.slice(cut)));
      // Counted: the finding, the short `inc` line and the empty line.
      expect(c.lines).toBe(3);
      expect(c.bytes).toBe(text.length);
    }
  });
});

describe('measureCommand', () => {
  it('times a child, counts its output lines and catches its peak RSS', async () => {
    const script = join(dir, 'hog.mjs');
    writeFileSync(script, `const b = Buffer.alloc(300 * 1024 * 1024, 1);\nawait new Promise((r) => setTimeout(r, 150));\nfor (let i = 0; i < 5; i++) console.log('line', i, b[i]);\nconsole.error('done');\n`);
    const r = await measureCommand(process.execPath, [script]);
    expect(r.exitCode).toBe(0);
    expect(r.stdoutLines).toBe(5);
    expect(r.stderrTail).toBe('done\n');
    expect(r.wallMs).toBeGreaterThan(150);
    if (linux) expect(r.peakRssBytes!).toBeGreaterThan(300 * 1024 * 1024);
  });

  it('reports a failing exit code and rejects when the command cannot start', async () => {
    const r = await measureCommand(process.execPath, ['-e', 'process.exit(3)']);
    expect(r.exitCode).toBe(3);
    await expect(measureCommand(join(dir, 'no-such-binary'), [])).rejects.toThrow();
  });
});

describe('answer checks and table', () => {
  const m = { events: 1000, bytes: 2_300_000, revocationCount: 4 } as Manifest;
  const run = (lines: number, exitCode = 0) => ({ wallMs: 100, peakRssBytes: 50 * 1048576, exitCode, signal: null, stdoutBytes: 10, stdoutLines: lines, stderrTail: 'boom' });

  it('summarises the median run and checks the line count against the manifest', () => {
    const ok = summarizeRuns('okta-revoke-scan', 'f.ndjson', 'ndjson', m, [run(4), { ...run(4), wallMs: 300 }, { ...run(4), wallMs: 200 }]);
    expect(ok).toMatchObject({ ok: true, wallS: 0.2, mbPerS: 11.5, eventsPerS: 5000, peakRssMiB: 50, outputLines: 4, expectedLines: 4 });
    expect(summarizeRuns('jq', 'f', 'ndjson', m, [run(3)])).toMatchObject({ ok: false, problem: expect.stringMatching(/printed 3 lines, manifest has 4/) });
    expect(summarizeRuns('jq', 'f', 'ndjson', m, [run(4, 2)])).toMatchObject({ ok: false, problem: expect.stringMatching(/exit 2: boom/) });
  });

  it('picks the line that names the error from a stack trace', () => {
    expect(errorLine('node:internal/x:1\n  throw e;\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find module x\n    at f\n\nNode.js v20\n')).toBe('Error [ERR_MODULE_NOT_FOUND]: Cannot find module x');
    expect(errorLine('just this\n')).toBe('just this');
    expect(errorLine('')).toBe('(no stderr)');
  });

  it('formats an aligned table that flags mismatches', () => {
    const rows: BenchRow[] = [summarizeRuns('okta-revoke-scan', 'a.ndjson', 'ndjson', m, [run(4)]), summarizeRuns('jq', 'a.ndjson', 'ndjson', m, [run(1)]), summarizeRuns('jq', 'b.ndjson', 'ndjson', m, [run(0, 1)])];
    const text = formatTable(rows);
    expect(text).toMatch(/0\/4 {2}ERROR\n$/);
    expect(text.split('\n')[0]).toMatch(/^profile\s+tool\s+run\s+file\s+size MB\s+wall s\s+MB\/s\s+events\/s\s+peak RSS MiB\s+parsed\s+lines\s+check$/);
    expect(text).toContain('4/4  ok');
    expect(text).toContain('1/4  MISMATCH');
  });

  it('names corpora and builds the jq commands from the brief', () => {
    expect(corpusName('1GiB', 'pretty', 1, 200)).toBe('okta-1GiB-s1-r200.pretty.json');
    expect(jqArgs('ndjson', 'x')).toEqual(['jq', ['-c', 'select(.eventType=="system.api_token.revoke")', 'x']]);
    expect(jqArgs('pretty', 'x')).toEqual(['jq', ['-c', '.[] | select(.eventType=="system.api_token.revoke")', 'x']]);
    expect(jqArgs('gzip', 'x')).toBeNull();
  });
});

describe('main', () => {
  const capture = () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return () => out;
  };
  const args = ['--profile', 'light', '--no-duckdb', '--no-variants', '--sizes', '2MiB', '--formats', 'ndjson,pretty', '--runs', '1', '--revocations', '10', '--out-dir', join(dir, 'out'), '--json'];

  it('generates and caches corpora, runs a correct fake CLI and passes extra args through', async () => {
    const fake = join(dir, 'good-cli.mjs');
    writeFileSync(fake, `import { readFileSync } from 'node:fs';
const [file, ...rest] = process.argv.slice(2);
if (!rest.includes('--extra')) process.exit(9);
const text = readFileSync(file, 'utf8');
const events = text.startsWith('[') ? JSON.parse(text) : text.split('\\n').filter(Boolean).map((l) => JSON.parse(l));
for (const e of events) if (e.eventType === 'system.api_token.revoke') console.log(JSON.stringify({ id: e.uuid }));
`);
    const out = capture();
    expect(await main([...args, '--cli', fake, '--', '--extra'])).toBe(0);
    const rows = (JSON.parse(out()) as { rows: BenchRow[] }).rows;
    expect(rows.map((r) => [r.format, r.ok, r.outputLines])).toEqual([['ndjson', true, 10], ['pretty', true, 10]]);
    const path = join(dir, 'out', corpusName('2MiB', 'pretty', 1, 10));
    expect(cachedManifest(path, 'pretty', 1)?.revocationCount).toBe(10);
    expect(cachedManifest(path, 'pretty', 2)).toBeNull();
  });

  it('exits 1 loudly when the CLI prints the wrong number of revocations', async () => {
    const bad = join(dir, 'bad-cli.mjs');
    writeFileSync(bad, `console.log('{}');\n`);
    const out = capture();
    expect(await main([...args, '--cli', bad])).toBe(1);
    expect((JSON.parse(out()) as { rows: BenchRow[] }).rows.every((r) => !r.ok && r.outputLines === 1)).toBe(true);
  });

  it('exits 2 with a clear message when the CLI does not exist', async () => {
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
    expect(await main([...args, '--cli', join(dir, 'missing.js')])).toBe(2);
    expect(err).toMatch(/the CLI is missing: .*missing\.js does not exist/);
  });
});
