// `npm run bench`: generates (cached) corpora of both profiles, times the CLI, jq and the DuckDB peer on them, checks answers, prints the ratios; --sql measures the SQL reducer.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, parseSize } from './generate.js';
import type { Manifest } from './manifest.js';
import { SCHEMA_VERSION } from '../src/model/report.js';
import { measureCommand, median, type RunMeasure } from './measure.js';
import { compareSets, readPeerLinks } from './link-sets.js';
import { memoryMain } from './memory.js';
import { parseProfile, PROFILES, type Profile } from './profile.js';
import { summaryLines, type ProfileFigures, type RatioRow } from './ratios.js';
import { readReportWindows, type WindowStats } from './report-windows.js';
import { sqlMain } from './sql.js';
import type { ExportFormat } from './writer.js';

/** A corpus layout the benchmark knows: an export format, possibly gzipped. */
export type BenchFormat = ExportFormat | 'gzip';

/** One measured row of the results table. */
export interface BenchRow extends RatioRow {
  profile: Profile;
  file: string;
  format: BenchFormat;
  sizeMB: number;
  events: number;
  runs: number;
  mbPerS: number;
  eventsPerS: number;
  outputLines: number;
  expectedLines: number;
  /** False when nothing checked the answer (the DuckDB peer without the CLI to compare with). */
  checked: boolean;
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

/** File name of a cached corpus, e.g. `okta-1GiB-s1-r200.pretty.json` (light) or `okta-heavy-1GiB-s1-r200.ndjson`. */
export function corpusName(size: string, format: BenchFormat, seed: number, revocations: number, profile: Profile = 'light'): string {
  return `okta-${profile === 'light' ? '' : `${profile}-`}${size}-s${seed}-r${revocations}.${EXT[format]}`;
}

/** The manifest of `path` if it exists and was made with these parameters, else null. */
export function cachedManifest(path: string, format: BenchFormat, seed: number, profile: Profile = 'light'): Manifest | null {
  const mpath = `${path}.manifest.json`;
  if (!existsSync(path) || !existsSync(mpath)) return null;
  try {
    const m = JSON.parse(readFileSync(mpath, 'utf8')) as Manifest;
    const fmt = format === 'gzip' ? 'ndjson' : format;
    return m.seed === seed && m.format === fmt && m.gzip === (format === 'gzip') && (m.profile ?? 'light') === profile ? m : null;
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

/** The DuckDB peer's layout for `format`; null where it is not run (gzip, a single-line array). */
export function peerLayout(format: BenchFormat): 'ndjson' | 'array' | null {
  return format === 'ndjson' ? 'ndjson' : format === 'pretty' || format === 'array' ? 'array' : null;
}

/** The most telling line of a stderr tail: the first that names an error, else the last non-empty one. */
export function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '(no stderr)';
}

/** Records parsed as the CLI's `--stats` line says (`… 34,543 parsed in 2 passes …`); null when absent. */
export function parsedRecords(stderr: string): number | null {
  const m = /([\d,]+) parsed in \d+ pass/.exec(stderr);
  return m ? Number(m[1]!.replaceAll(',', '')) : null;
}

/** The peak RSS the CLI's `--stats` line reports, in MiB; null when absent. */
export function reportedPeakMiB(stderr: string): number | null {
  const m = /peak RSS (\d+) MiB/.exec(stderr);
  return m ? Number(m[1]) : null;
}

/** How every incident line of the CLI's NDJSON starts (`{"schemaVersion":1,"kind":"incident"`). */
const INCIDENT_LINE = JSON.stringify({ schemaVersion: SCHEMA_VERSION, kind: 'incident' }).slice(0, -1);

/** What a row measured beyond the tool, file and format. */
export interface RowOptions {
  profile?: Profile;
  /** Default: `whole` for the CLI, `select` for jq. */
  variant?: string;
  /** Lines the command must print; default the manifest's revocation count. */
  expectedLines?: number;
}

/**
 * Turns `runs` measurements of one command on one corpus into a table row. The peak RSS is the
 * largest of the polled VmHWM and what `--stats` reported (polling can miss the last moments).
 */
export function summarizeRuns(tool: BenchRow['tool'], file: string, format: BenchFormat, m: Manifest, runs: RunMeasure[], o: RowOptions = {}): BenchRow {
  const wallS = median(runs.map((r) => r.wallMs)) / 1000;
  const peaks = runs.map((r) => Math.max(r.peakRssBytes ?? 0, (reportedPeakMiB(r.stderrTail) ?? 0) * 1048576)).filter((x) => x > 0);
  const sizeMB = m.bytes / 1e6;
  const lines = runs.map((r) => r.stdoutLines);
  const expected = o.expectedLines ?? m.revocationCount;
  const bad = runs.find((r) => r.exitCode !== 0);
  let problem: string | null = null;
  if (bad) problem = `exit ${bad.exitCode ?? bad.signal}: ${errorLine(bad.stderrTail)}`;
  else if (lines.some((n) => n !== expected)) problem = `printed ${lines.join('/')} lines, ${o.expectedLines === undefined ? `manifest has ${m.revocationCount} revocations` : `expected ${expected}`}`;
  return {
    profile: o.profile ?? 'light', tool, variant: o.variant ?? (tool === 'jq' ? 'select' : 'whole'), file, format, sizeMB: +sizeMB.toFixed(1), events: m.events, runs: runs.length, wallS: +wallS.toFixed(2),
    mbPerS: +(sizeMB / wallS).toFixed(1), eventsPerS: Math.round(m.events / wallS),
    peakRssMiB: peaks.length ? +(Math.max(...peaks) / 1048576).toFixed(1) : null, parsed: runs.map((r) => parsedRecords(r.stderrTail)).find((x) => x !== null) ?? null,
    outputLines: lines[0] ?? 0, expectedLines: expected, checked: true, ok: problem === null, problem,
  };
}

/** The results as an aligned text table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const head = ['profile', 'tool', 'run', 'file', 'size MB', 'wall s', 'MB/s', 'events/s', 'peak RSS MiB', 'parsed', 'lines', 'check'];
  const check = (r: BenchRow): string => (!r.checked ? 'unchecked' : r.ok ? 'ok' : r.problem?.startsWith('exit') ? 'ERROR' : 'MISMATCH');
  const body = rows.map((r) => [r.profile, r.tool, r.variant, r.file, r.sizeMB.toFixed(1), r.wallS.toFixed(2), r.mbPerS.toFixed(1), String(r.eventsPerS), r.peakRssMiB === null ? 'n/a' : r.peakRssMiB.toFixed(1), r.parsed === null ? '' : String(r.parsed), `${r.outputLines}/${r.expectedLines}`, check(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const right = new Set([4, 5, 6, 7, 8, 9, 10]);
  const fmt = (cells: string[]): string => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}

/** The window options among the CLI arguments the DuckDB peer must share for its answer to compare. */
export function peerWindowArgs(cliArgs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cliArgs.length; i++) {
    const a = cliArgs[i]!;
    const name = a.split('=')[0]!;
    if (!['--before', '--after', '--max-window-events'].includes(name)) continue;
    if (a.includes('=')) out.push(a);
    else if (i + 1 < cliArgs.length) out.push(a, cliArgs[++i]!);
  }
  return out;
}

const USAGE = `usage: npm run bench -- [--profile light,heavy] [--sizes 1GiB[,4GiB]] [--formats ndjson,pretty[,array,onelinearray,gzip]]
  [--runs 3] [--seed 1] [--revocations 200] [--out-dir bench/out] [--cli bin/okta-revoke-scan.js]
  [--jq] [--no-duckdb] [--peer dist/bench/duckdb-peer.js] [--no-variants] [--no-cli] [--keep] [--json] [-- extra CLI args…]
  Per profile and size: the CLI's whole job on each format; on the first format also --before 1m and --no-window;
  jq's plain select (--jq); the DuckDB peer with uuids and links only (NDJSON and arrays) and with originals (NDJSON),
  whose window link sets must equal the CLI's; then the ratios of issue 16. Reports and peer outputs are
  deleted after the comparison unless --keep.
       npm run bench -- --memory [--profile light] [--sizes 256MiB,4GiB] [--keep] [--runs 3]
  peak RSS (median of --runs) of plain NDJSON scans (at most 150 MiB, the largest within 10% of the smallest) and of
  an export whose events all fall in one window; generated files over 1 GiB are deleted unless --keep
       npm run bench -- --sql [--sizes 1GiB] [--out-dir /tmp/okta-revoke-scan-bench]
  DuckDB runs the reducer query (okta-revoke-scan sql) over a generated export in both layouts; the CLI scans
  each result and the whole file, and their findings are compared (run once; the corpus is kept for later runs)`;

/** One profile and size: its corpora, measurements and checks. */
interface Step {
  profile: Profile;
  size: string;
  bytes: number;
}

/** Runs the benchmark; returns the exit code (1 when any answer is wrong or a run failed). */
export async function main(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const passthrough = dash < 0 ? [] : argv.slice(dash + 1);
  const { values: v } = parseArgs({
    args: dash < 0 ? argv : argv.slice(0, dash),
    options: {
      sizes: { type: 'string' }, memory: { type: 'boolean', default: false }, sql: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, formats: { type: 'string', default: 'ndjson,pretty' }, runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' }, revocations: { type: 'string', default: '200' }, 'out-dir': { type: 'string' }, profile: { type: 'string' },
      cli: { type: 'string' }, jq: { type: 'boolean', default: false }, 'no-cli': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      'no-duckdb': { type: 'boolean', default: false }, 'no-variants': { type: 'boolean', default: false }, peer: { type: 'string' },
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
  const profiles = (v.profile ?? (v.memory ? 'light' : PROFILES.join(','))).split(',').map(parseProfile);
  const outDir = resolve(v['out-dir'] ?? (v.sql ? join(tmpdir(), 'okta-revoke-scan-bench') : join(root, 'bench', 'out')));
  mkdirSync(outDir, { recursive: true });
  const log = (s: string): void => { process.stderr.write(s + '\n'); };
  const sizes = (v.sizes ?? (v.memory ? '256MiB,4GiB' : '1GiB')).split(',').map((s) => s.trim());
  if (v.sql) return sqlMain({ size: sizes[0]!, outDir, cli, root, seed, revocations, log });
  if (v.memory) {
    if (profiles.length !== 1) throw new Error('--memory takes one --profile');
    return memoryMain({ sizes, outDir, cli, root, seed, revocations, keep: v.keep, log, runs: Math.max(1, Number(v.runs)), profile: profiles[0]! });
  }
  const withCli = !v['no-cli'];
  const withPeer = !v['no-duckdb'];
  const peer = resolve(v.peer ?? defaultPeer(root));
  if (withPeer && !existsSync(peer)) {
    process.stderr.write(`bench: the DuckDB peer is missing: ${peer} does not exist (npm run build, or pass --no-duckdb)\n`);
    return 2;
  }
  const peerArgs = peerWindowArgs(passthrough);
  const scratch: string[] = [];

  const rows: BenchRow[] = [];
  const figures: ProfileFigures[] = [];
  const steps: Step[] = profiles.flatMap((profile) => sizes.map((size) => ({ profile, size, bytes: parseSize(size) })));
  for (const { profile, size, bytes } of steps) {
    const stepRows: BenchRow[] = [];
    const stepStart = rows.length;
    let windows: WindowStats | null = null;
    let first: Manifest | null = null;
    for (const [fi, format] of formats.entries()) {
      const name = corpusName(size, format, seed, revocations, profile);
      const path = join(outDir, name);
      let m = cachedManifest(path, format, seed, profile);
      if (!m) {
        log(`bench: generating ${path} …`);
        const t0 = performance.now();
        m = await generate({ out: path, profile, size: bytes, seed, revocations, format: format === 'gzip' ? 'ndjson' : format, gzip: format === 'gzip' });
        log(`bench: ${m.events} events, ${(m.fileBytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      first ??= m;
      const timed = async (tool: BenchRow['tool'], variant: string, cmd: string, args: string[], expectedLines?: number): Promise<BenchRow> => {
        const measured: RunMeasure[] = [];
        for (let i = 0; i < runs; i++) {
          log(`bench: ${tool} ${variant} ${name} run ${i + 1}/${runs}`);
          // The CLI's NDJSON begins with one line per incident: the lines checked are its findings.
          measured.push(await measureCommand(cmd, args, tool === 'okta-revoke-scan' ? { cwd: root, skipLines: INCIDENT_LINE } : { cwd: root }));
        }
        const row = summarizeRuns(tool, name, format, m, measured, { profile, variant, expectedLines });
        stepRows.push(row);
        return row;
      };
      if (withCli) await timed('okta-revoke-scan', 'whole', process.execPath, [cli, path, '--format', 'ndjson', '--stats', ...passthrough]);
      const jq = v.jq ? jqArgs(format, path) : null;
      if (jq) await timed('jq', 'select', ...jq);
      else if (v.jq) log(`bench: jq skipped for ${format}`);
      if (withCli && fi === 0 && !v['no-variants']) {
        await timed('okta-revoke-scan', '--before 1m', process.execPath, [cli, path, '--format', 'ndjson', '--stats', ...passthrough, '--before', '1m']);
        await timed('okta-revoke-scan', '--no-window', process.execPath, [cli, path, '--format', 'ndjson', '--stats', ...passthrough, '--no-window']);
      }
      const layout = withPeer ? peerLayout(format) : null;
      if (withPeer && !layout) log(`bench: the DuckDB peer skipped for ${format}`);
      // One more (untimed) run keeps the CLI's report: its windows, and the link set the peer must give.
      let ours: Awaited<ReturnType<typeof readReportWindows>> | null = null;
      const originals = layout === 'ndjson';
      if (withCli && (fi === 0 || layout)) {
        const report = join(outDir, `${name}.report.ndjson`);
        scratch.push(report);
        log(`bench: okta-revoke-scan ${name} → ${report} (the windows to compare)`);
        const r = await runToFile(process.execPath, [cli, path, '--format', 'ndjson', ...passthrough], report, root);
        if (r !== 0) log(`bench: *** okta-revoke-scan exited ${r} writing its report ***`);
        ours = await readReportWindows(report, originals);
        if (fi === 0) windows = ours.stats;
      }
      for (const variant of layout ? (originals ? ['links', 'originals'] : ['links']) : []) {
        const out = join(outDir, `${name}.duckdb-${variant}.ndjson`);
        scratch.push(out);
        const args = [peer, path, '--out', out, '--layout', layout!, ...peerArgs, ...(variant === 'originals' ? ['--originals'] : [])];
        const row = await timed('duckdb', variant, process.execPath, args, 1);
        if (!row.ok) {
          log(`bench: *** the DuckDB peer failed on ${name} (${variant}): ${row.problem} ***`);
          continue;
        }
        const theirs = await readPeerLinks(out);
        row.outputLines = theirs.links.size;
        row.expectedLines = ours?.set.links.size ?? 0;
        if (!ours) {
          row.checked = false;
          continue;
        }
        const diff = compareSets(ours.set.links, theirs.links);
        const texts = variant === 'originals' && ours.set.originals && theirs.originals ? compareSets(ours.set.originals, theirs.originals) : null;
        if (!diff.equal || (texts && !texts.equal)) {
          row.ok = false;
          row.problem = !diff.equal ? `link sets differ: ${diff.onlyOurs} only ours, ${diff.onlyTheirs} only DuckDB's` : `originals differ: ${texts!.onlyOurs} only ours, ${texts!.onlyTheirs} only DuckDB's`;
          log(`bench: *** THE DUCKDB PEER DISAGREES on ${name} (${variant}): ${row.problem} ***`);
          for (const e of [...diff.examples, ...(texts?.examples ?? [])]) log(`bench:     ${e}`);
        } else log(`bench: DuckDB ${variant} on ${name}: the same ${ours.set.links.size} (revocation, event, links) as ours${texts ? ', and the same originals' : ''}`);
      }
      for (const row of stepRows) if (!row.ok && row.tool !== 'duckdb') log(`bench: *** ${row.tool} ${row.variant} on ${row.file}: ${row.problem} ***`);
      rows.push(...stepRows.splice(0));
    }
    if (first) figures.push({ profile, size, events: first.events, revocations: first.revocationCount, windows, rows: rows.slice(stepStart) });
  }
  if (!v.keep) for (const f of scratch) rmSync(f, { force: true });
  const summary = figures.flatMap(summaryLines);
  process.stdout.write(v.json ? JSON.stringify({ rows, profiles: figures.map(({ rows: _r, ...f }) => f), summary }, null, 2) + '\n' : formatTable(rows) + '\n' + summary.join('\n') + '\n');
  const failed = rows.filter((r) => !r.ok);
  if (failed.length) log(`bench: FAILED: ${failed.length} of ${rows.length} measurements gave wrong answers or errors`);
  return failed.length ? 1 : 0;
}

/** The compiled DuckDB peer beside this module (dist/bench), or in dist/bench when this module runs from source. */
function defaultPeer(root: string): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), 'duckdb-peer.js');
  return existsSync(here) ? here : join(root, 'dist', 'bench', 'duckdb-peer.js');
}

/** Runs `command args…` with stdout written to `out`; resolves with the exit code. */
function runToFile(command: string, args: string[], out: string, cwd: string): Promise<number | null> {
  return new Promise((resolveExit, reject) => {
    const fd = openSync(out, 'w');
    const child = spawn(command, args, { cwd, stdio: ['ignore', fd, 'ignore'] });
    child.on('error', (err) => { closeSync(fd); reject(err); });
    child.on('close', (code) => { closeSync(fd); resolveExit(code); });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
