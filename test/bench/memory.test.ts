// Memory mode of the benchmark: the bounds it enforces, its table, and the worst-case window export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAX_PEAK_MIB, memoryTable, memoryVerdict, type MemoryRow } from '../../bench/memory-report.js';
import { writeWorstWindow } from '../../bench/window-worst.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-bench-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (input: string, peakRssMiB: number, exit: number | null = 0): MemoryRow => ({ input, sizeMiB: 1, args: '', wallS: 1, peakRssMiB, exit });

describe('memoryVerdict', () => {
  it('accepts flat peaks under the ceiling', () => {
    expect(memoryVerdict([row('256MiB', 120), row('4GiB', 131)])).toBeNull();
  });

  it('refuses growth beyond 10%, a peak over the ceiling, and a failed run', () => {
    expect(memoryVerdict([row('256MiB', 100), row('4GiB', 111)])).toMatch(/4GiB peaked at 111\.0 MiB, more than 1\.1 × the 100\.0 MiB of 256MiB/);
    expect(memoryVerdict([row('256MiB', MAX_PEAK_MIB + 1)])).toMatch(/more than 150/);
    expect(memoryVerdict([row('256MiB', 90, 3)])).toMatch(/exited 3/);
  });
});

describe('memoryTable', () => {
  it('aligns one line per run', () => {
    const lines = memoryTable([row('a.ndjson', 99.44), { ...row('worst.ndjson', 1234.5), args: '--max-window-events 1000' }]).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^a\.ndjson\s+1\s+-\s+1\.00\s+99\.4\s+0$/);
    expect(lines[3]).toContain('--max-window-events 1000');
  });
});

describe('writeWorstWindow', () => {
  it('puts every event of the file into the one window, and --max-window-events bounds it', async () => {
    const out = join(dir, 'worst.ndjson');
    const w = await writeWorstWindow(out, 600_000, process.cwd());
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(w.events);
    const r = await runCli(['--format', 'json', out]);
    const [f] = (JSON.parse(r.stdout) as { findings: { window: { eventCount: number; dropped: number; events: unknown[] } }[] }).findings;
    expect(f!.window.eventCount).toBe(w.linked);
    expect(f!.window.dropped).toBe(0);
    const capped = await runCli(['--format', 'json', '--max-window-events', '50', out]);
    const [g] = (JSON.parse(capped.stdout) as { findings: { window: { eventCount: number; dropped: number; events: unknown[] } }[] }).findings;
    expect(g!.window).toMatchObject({ eventCount: w.linked, dropped: w.linked - 50 });
    expect(g!.window.events).toHaveLength(50);
  });
});

describe('memoryMain', () => {
  it('measures exports, the same findings padded to a larger size, and the worst window; deletes nothing small', async () => {
    const { memoryMain } = await import('../../bench/memory.js');
    const out = mkdtempSync(join(dir, 'run-'));
    const lines: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await memoryMain({ sizes: ['1MiB', '3MiB'], outDir: out, cli: join(process.cwd(), 'bin', 'okta-revoke-scan.js'), root: process.cwd(), seed: 3, revocations: 5, keep: false, worstSize: 1 << 20, runs: 1, log: (l) => lines.push(l) });
    const table = stdout.mock.calls.map((c) => c[0]).join('');
    stdout.mockRestore();
    expect(table).toMatch(/okta-1MiB-s3-r5\.ndjson/);
    expect(table).toMatch(/padded-3MiB-from-1MiB\.ndjson/);
    expect(table.match(/worst-window-1MiB\.ndjson/g)).toHaveLength(3);
    expect(table).not.toMatch(/\s(?!0\b)\d+\s*$/m); // every run exited 0
    expect(lines.at(-1)).toMatch(code === 0 ? /^bench: memory ok/ : /^bench: MEMORY BOUND BROKEN/);
    const padded = readFileSync(join(out, 'padded-3MiB-from-1MiB.ndjson'), 'utf8');
    expect(padded.startsWith(readFileSync(join(out, 'okta-1MiB-s3-r5.ndjson'), 'utf8'))).toBe(true);
    expect(padded.length).toBeGreaterThan(2.5 * 1024 * 1024);
  });
});
