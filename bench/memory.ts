// `npm run bench -- --memory`: peak RSS must not grow with the input; what the worst window costs.
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { generate, parseSize } from './generate.js';
import type { Manifest } from './manifest.js';
import { measureCommand, type RunMeasure } from './measure.js';
import type { Profile } from './profile.js';
import { MAX_PEAK_MIB, memoryTable, memoryVerdict, type MemoryRow } from './memory-report.js';
import { writeWorstWindow } from './window-worst.js';

/** Generated files above this size are deleted after the run unless --keep (the disk is limited). */
const DELETE_ABOVE = 1 << 30;
const MIB = 1024 * 1024;

/** Settings of the memory run. */
export interface MemoryOptions {
  sizes: string[];
  outDir: string;
  cli: string;
  root: string;
  seed: number;
  revocations: number;
  keep: boolean;
  /** Generator profile of the exports (default light). */
  profile?: Profile;
  /** Size of the export whose events all fall in one window (default 256 MiB). */
  worstSize?: number;
  /** Runs per input; the row is their median (peak RSS moves a few MiB from run to run with garbage collection). */
  runs?: number;
  log(line: string): void;
}

/**
 * `base` followed by generated events published two days after its last one, outside every
 * window, up to `size` bytes: the same findings and windows as `base`, from a larger input.
 */
async function padded(base: string, size: number, out: string): Promise<void> {
  const m = JSON.parse(readFileSync(`${base}.manifest.json`, 'utf8')) as Manifest;
  const filler = `${out}.filler`;
  const start = new Date(Date.parse(m.last) + 2 * 86_400_000).toISOString();
  await generate({ out: filler, size: Math.max(1, size - m.bytes), seed: m.seed, revocations: 0, start, manifest: false });
  const w = createWriteStream(out);
  await pipeline(createReadStream(base), w, { end: false });
  await pipeline(createReadStream(filler), w);
  rmSync(filler);
}

/**
 * Runs the CLI on `path`. The peak is the larger of the polled VmHWM and the CLI's own `--stats`
 * figure (its maxRSS just before exit): polling every 20 ms misses a peak in the last moments.
 */
async function measure(opts: MemoryOptions, path: string, args: string[]): Promise<MemoryRow> {
  const m: RunMeasure = await measureCommand(process.execPath, [opts.cli, path, '--format', 'ndjson', '--quiet', '--stats', ...args], { cwd: opts.root });
  const reported = /peak RSS (\d+) MiB/.exec(m.stderrTail);
  return {
    input: path.slice(opts.outDir.length + 1),
    sizeMiB: statSync(path).size / MIB,
    args: args.join(' '),
    wallS: m.wallMs / 1000,
    peakRssMiB: Math.max((m.peakRssBytes ?? 0) / MIB, reported ? Number(reported[1]) : 0),
    exit: m.exitCode,
  };
}

/** {@link measure} `opts.runs` times (default 3): the median wall time and peak RSS. */
async function measureMedian(opts: MemoryOptions, path: string, args: string[]): Promise<MemoryRow> {
  const rows: MemoryRow[] = [];
  for (let i = 0; i < Math.max(1, opts.runs ?? 3); i++) rows.push(await measure(opts, path, args));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ...rows[0]!, wallS: median(rows.map((r) => r.wallS)), peakRssMiB: median(rows.map((r) => r.peakRssMiB)), exit: rows.find((r) => r.exit !== 0)?.exit ?? 0 };
}

/** Runs the memory checks; returns the exit code (1 when a bound is broken). */
export async function memoryMain(opts: MemoryOptions): Promise<number> {
  const plain: MemoryRow[] = [];
  const same: MemoryRow[] = [];
  const made: string[] = [];
  const profile = opts.profile ?? 'light';
  const exports = opts.sizes.map((size) => join(opts.outDir, `okta-${profile === 'light' ? '' : `${profile}-`}${size}-s${opts.seed}-r${opts.revocations}.ndjson`));
  for (const [i, size] of opts.sizes.entries()) {
    const path = exports[i]!;
    if (!existsSync(path) || !existsSync(`${path}.manifest.json`)) {
      opts.log(`bench: generating ${path} …`);
      await generate({ out: path, profile, size: parseSize(size), seed: opts.seed, revocations: opts.revocations });
      made.push(path);
    }
    opts.log(`bench: memory of a plain scan of ${size}`);
    plain.push(await measureMedian(opts, path, []));
    if (i === 0) {
      same.push(plain[0]!);
      continue;
    }
    // The same findings from a larger input: what "memory does not grow with the input" means.
    const pad = join(opts.outDir, `padded-${profile === 'light' ? '' : `${profile}-`}${size}-from-${opts.sizes[0]}.ndjson`);
    if (!existsSync(pad)) {
      opts.log(`bench: generating ${pad} (${opts.sizes[0]} export + events outside every window) …`);
      await padded(exports[0]!, parseSize(size), pad);
      made.push(pad);
    }
    same.push(await measureMedian(opts, pad, []));
  }
  // Worst case: every event of a 256 MiB export in one window, at three window limits.
  const worstSize = opts.worstSize ?? 256 * MIB;
  const worst = join(opts.outDir, `worst-window-${Math.round(worstSize / MIB)}MiB.ndjson`);
  if (!existsSync(worst)) await writeWorstWindow(worst, worstSize, opts.root);
  const windows: MemoryRow[] = [];
  for (const max of ['1000', '10000', '50000']) {
    opts.log(`bench: worst-case window, --max-window-events ${max}`);
    windows.push(await measureMedian(opts, worst, ['--max-window-events', max]));
  }
  for (const p of made) {
    if (!opts.keep && statSync(p).size > DELETE_ABOVE) {
      rmSync(p);
      rmSync(`${p}.manifest.json`, { force: true });
      opts.log(`bench: deleted ${p} (--keep keeps it)`);
    }
  }
  process.stdout.write(memoryTable([...plain, ...same.slice(1), ...windows]));
  // Generated exports of different sizes spread the same 200 revocations over different spans, so
  // their windows differ (the report is most of the growth); the bound is checked on the same findings.
  const verdict = memoryVerdict(same);
  const exportsNote = memoryVerdict(plain);
  if (exportsNote) opts.log(`bench: note, generated exports (different windows): ${exportsNote}`);
  opts.log(verdict ? `bench: MEMORY BOUND BROKEN: ${verdict}` : `bench: memory ok: same findings from ${opts.sizes[0]} to ${opts.sizes.at(-1)}, peak RSS flat and at most ${MAX_PEAK_MIB} MiB`);
  return verdict ? 1 : 0;
}
