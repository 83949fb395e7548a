// `npm run bench`: generates (cached) corpora, times the CLI (and optionally jq) on them, checks answers.
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, parseSize } from './generate.js';
import type { Manifest } from './manifest.js';
import { measureCommand, median, type RunMeasure } from './measure.js';
import { memoryMain } from './memory.js';
import { sqlMain } from './sql.js';
import type { ExportFormat } from './writer.js';

/** A corpus layout the benchmark knows: an export format, possibly gzipped. */
export type BenchFormat = ExportFormat | 'gzip';

/** One measured row of the results table. */
export interface BenchRow {
  tool: 'okta-revoke-scan' | 'jq';
  file: string;
  format: BenchFormat;
  sizeMB: number;
  events: number;
  runs: number;
  wallS: number;
  mbPerS: number;
  eventsPerS: number;
  peakRssMiB: number | null;
  outputLines: number;
  expectedLines: number;
  ok: boolean;
  problem: string | null;
}

const EXT: Record<BenchFormat, string> = { ndjson: 'ndjson', pretty: 'pretty.json', array: 'array.json', onelinearray: 'oneline.json', gzip: 'ndjson.gz' };

/** The repository root: the nearest folder above this module holding package.json. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** File name of a cached corpus, e.g. `okta-1GiB-s1-r200.pretty.json`. */
export function corpusName(size: string, format: BenchFormat, seed: number, revocations: number): string {
  return `okta-${size}-s${seed}-r${revocations}.${EXT[format]}`;
}

/** The manifest of `path` if it exists and was made with these parameters, else null. */
export function cachedManifest(path: string, format: BenchFormat, seed: number): Manifest | null {
  const mpath = `${path}.manifest.json`;
  if (!existsSync(path) || !existsSync(mpath)) return null;
  try {
    const m = JSON.parse(readFileSync(mpath, 'utf8')) as Manifest;
    const fmt = format === 'gzip' ? 'ndjson' : format;
    return m.seed === seed && m.format === fmt && m.gzip === (format === 'gzip') ? m : null;
  } catch {
    return null;
  }
}

/** The jq command that selects revocations in `format`; null for gzip (jq cannot read it, and a pipeline's RSS would be the shell's). */
export function jqArgs(format: BenchFormat, file: string): [string, string[]] | null {
  const sel = 'select(.eventType=="system.api_token.revoke")';
  if (format === 'gzip') return null;
  if (format === 'ndjson') return ['jq', ['-c', sel, file]];
  return ['jq', ['-c', `.[] | ${sel}`, file]];
}

/** The most telling line of a stderr tail: the first that names an error, else the last non-empty one. */
export function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '(no stderr)';
}

/** Turns `runs` measurements of one command on one corpus into a table row. */
export function summarizeRuns(tool: BenchRow['tool'], file: string, format: BenchFormat, m: Manifest, runs: RunMeasure[]): BenchRow {
  const wallS = median(runs.map((r) => r.wallMs)) / 1000;
  const peaks = runs.map((r) => r.peakRssBytes).filter((x): x is number => x !== null);
  const sizeMB = m.bytes / 1e6;
  const lines = runs.map((r) => r.stdoutLines);
  const bad = runs.find((r) => r.exitCode !== 0);
  let problem: string | null = null;
  if (bad) problem = `exit ${bad.exitCode ?? bad.signal}: ${errorLine(bad.stderrTail)}`;
  else if (lines.some((n) => n !== m.revocationCount)) problem = `printed ${lines.join('/')} lines, manifest has ${m.revocationCount} revocations`;
  return {
    tool, file, format, sizeMB: +sizeMB.toFixed(1), events: m.events, runs: runs.length, wallS: +wallS.toFixed(2),
    mbPerS: +(sizeMB / wallS).toFixed(1), eventsPerS: Math.round(m.events / wallS),
    peakRssMiB: peaks.length ? +(Math.max(...peaks) / 1048576).toFixed(1) : null,
    outputLines: lines[0] ?? 0, expectedLines: m.revocationCount, ok: problem === null, problem,
  };
}

/** The results as an aligned text table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const head = ['tool', 'file', 'size MB', 'wall s', 'MB/s', 'events/s', 'peak RSS MiB', 'lines', 'check'];
  const body = rows.map((r) => [r.tool, r.file, r.sizeMB.toFixed(1), r.wallS.toFixed(2), r.mbPerS.toFixed(1), String(r.eventsPerS), r.peakRssMiB === null ? 'n/a' : r.peakRssMiB.toFixed(1), `${r.outputLines}/${r.expectedLines}`, r.ok ? 'ok' : r.problem?.startsWith('exit') ? 'ERROR' : 'MISMATCH']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const right = new Set([2, 3, 4, 5, 6, 7]);
  const fmt = (cells: string[]): string => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}

const USAGE = `usage: npm run bench -- [--sizes 1GiB[,4GiB]] [--formats ndjson,pretty[,array,onelinearray,gzip]]
  [--runs 3] [--seed 1] [--revocations 200] [--out-dir bench/out] [--cli bin/okta-revoke-scan.js]
  [--jq] [--no-cli] [--json] [-- extra CLI args…]
       npm run bench -- --memory [--sizes 256MiB,4GiB] [--keep] [--runs 3]
  peak RSS (median of --runs) of plain NDJSON scans (at most 150 MiB, the largest within 10% of the smallest) and of
  an export whose events all fall in one window; generated files over 1 GiB are deleted unless --keep
       npm run bench -- --sql [--sizes 1GiB] [--out-dir /tmp/okta-revoke-scan-bench]
  DuckDB runs the reducer query (okta-revoke-scan sql) over a generated export in both layouts; the CLI scans
  each result and the whole file, and their findings are compared (run once; the corpus is kept for later runs)`;

/** Runs the benchmark; returns the exit code (1 when any answer is wrong or a run failed). */
export async function main(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const passthrough = dash < 0 ? [] : argv.slice(dash + 1);
  const { values: v } = parseArgs({
    args: dash < 0 ? argv : argv.slice(0, dash),
    options: {
      sizes: { type: 'string' }, memory: { type: 'boolean', default: false }, sql: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, formats: { type: 'string', default: 'ndjson,pretty' }, runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' }, revocations: { type: 'string', default: '200' }, 'out-dir': { type: 'string' },
      cli: { type: 'string' }, jq: { type: 'boolean', default: false }, 'no-cli': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const root = repoRoot();
  const cli = resolve(v.cli ?? join(root, 'bin', 'okta-revoke-scan.js'));
  if (!v['no-cli'] && !existsSync(cli)) {
    process.stderr.write(`bench: the CLI is missing: ${cli} does not exist (write/build it first, or pass --no-cli to time jq only)\n`);
    return 2;
  }
  const seed = Number(v.seed);
  const revocations = Number(v.revocations);
  const runs = Math.max(1, Number(v.runs));
  const formats = v.formats.split(',').map((f) => f.trim()) as BenchFormat[];
  for (const f of formats) if (!(f in EXT)) throw new Error(`unknown format ${f}; one of ${Object.keys(EXT).join(', ')}`);
  const outDir = resolve(v['out-dir'] ?? (v.sql ? join(tmpdir(), 'okta-revoke-scan-bench') : join(root, 'bench', 'out')));
  mkdirSync(outDir, { recursive: true });
  const log = (s: string): void => { process.stderr.write(s + '\n'); };
  const sizes = (v.sizes ?? (v.memory ? '256MiB,4GiB' : '1GiB')).split(',').map((s) => s.trim());
  if (v.sql) return sqlMain({ size: sizes[0]!, outDir, cli, root, seed, revocations, log });
  if (v.memory) return memoryMain({ sizes, outDir, cli, root, seed, revocations, keep: v.keep, log, runs: Math.max(1, Number(v.runs)) });

  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const bytes = parseSize(size);
    for (const format of formats) {
      const path = join(outDir, corpusName(size, format, seed, revocations));
      let m = cachedManifest(path, format, seed);
      if (!m) {
        log(`bench: generating ${path} …`);
        const t0 = performance.now();
        m = await generate({ out: path, size: bytes, seed, revocations, format: format === 'gzip' ? 'ndjson' : format, gzip: format === 'gzip' });
        log(`bench: ${m.events} events, ${(m.fileBytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const tools: [BenchRow['tool'], string, string[]][] = [];
      if (!v['no-cli']) tools.push(['okta-revoke-scan', process.execPath, [cli, path, '--format', 'ndjson', ...passthrough]]);
      const jq = v.jq ? jqArgs(format, path) : null;
      if (jq) tools.push(['jq', ...jq]);
      else if (v.jq) log(`bench: jq skipped for ${format}`);
      for (const [tool, cmd, args] of tools) {
        const measured: RunMeasure[] = [];
        for (let i = 0; i < runs; i++) {
          log(`bench: ${tool} ${corpusName(size, format, seed, revocations)} run ${i + 1}/${runs}`);
          measured.push(await measureCommand(cmd, args, { cwd: root }));
        }
        const row = summarizeRuns(tool, corpusName(size, format, seed, revocations), format, m, measured);
        if (!row.ok) log(`bench: *** ${tool} on ${row.file}: ${row.problem} ***`);
        rows.push(row);
      }
    }
  }
  process.stdout.write(v.json ? JSON.stringify(rows, null, 2) + '\n' : formatTable(rows));
  const failed = rows.filter((r) => !r.ok);
  if (failed.length) log(`bench: FAILED: ${failed.length} of ${rows.length} measurements gave wrong answers or errors`);
  return failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
