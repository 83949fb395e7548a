// The CLI as a function: arguments and io in, exit code out. Never throws for user errors.
import { ExitCode, UsageError, UserError } from '../errors.js';
import { reason, type SkippedInput } from '../input/sources.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanReport } from '../model/report.js';
import type { ReportOptions } from '../report/reporter.js';
import { loadReporter } from '../report/index.js';
import { safeText } from '../report/sanitize.js';
import { prewarmWorker, releaseWarmWorker } from '../scan/fast/parallel.js';
import type { OriginalStore } from '../scan/originals.js';
import { scan, type ScanStats } from '../scan/scan.js';
import { describeEnd } from '../scan/time-range.js';
import { filterBySeverity } from '../signals/filter.js';
import { formatDuration } from '../window/duration.js';
import { plural } from '../text/plural.js';
import { REVOKE_EVENT } from '../events/event-types.js';
import { useColor } from './color.js';
import { formatDiagnostic } from '../scan/diagnostics.js';
import { printInputProblems } from './input-problems.js';
import { writeChunk, type Io } from './io.js';
import { OutputError, refuseInput, type OutputFile } from './output-file.js';
import { parseArgs, type CliOptions } from './options.js';
import { reportRuleSet } from './rules/rule-notes.js';
import { loadRuleSet } from './rules/rule-set.js';
import type { RulesCommandOptions } from './rules/rules-command.js';
import type { SqlCommandOptions } from './sql-command.js';
import type { TokensCommandOptions } from './tokens-command.js';
import type { ProgressBar } from './progress.js';
import { progressBarFor } from './progress-plan.js';
import { openInputs } from './open-inputs.js';
import { packageVersion } from './version.js';
import { skippedLines, withSkipped } from './skipped-inputs.js';

/** How many possible lost revocations are named one by one on stderr. */
const SHOW_LOST = 20;

const NAME = 'okta-revoke-scan';

/** Runs the CLI. `io.registerCleanup` lets the caller remove temp files on Ctrl-C. */
export async function run(argv: string[], io: Io & { registerCleanup?: (fn: () => Promise<void>) => () => void }): Promise<ExitCode> {
  // Messages carry file names and parser messages that quote the input: never raw controls on stderr.
  const err = (line: string) => io.stderr.write(`${NAME}: ${safeText(line)}\n`);
  // `rules list|test …`, `sql` and `tokens …` are commands of their own; anything else is a scan (a file named rules: ./rules).
  const rulesCommand = argv[0] === 'rules';
  const sqlCommand = argv[0] === 'sql';
  const tokensCommand = argv[0] === 'tokens';
  let options: CliOptions | RulesCommandOptions | SqlCommandOptions | TokensCommandOptions;
  try {
    const width = io.stdout.isTTY ? io.stdout.columns : undefined;
    // The rules commands (and the table code they print with) and the query writer load only when asked for.
    const parsed = rulesCommand
      ? await (await import('./rules/rules-command.js')).parseRulesArgs(argv.slice(1), packageVersion(), width)
      : sqlCommand
        ? await (await import('./sql-command.js')).parseSqlArgs(argv.slice(1), packageVersion(), width)
        : tokensCommand
          ? await (await import('./tokens-command.js')).parseTokensArgs(argv.slice(1), packageVersion(), width)
          : await parseArgs(argv, packageVersion(), width);
    if (parsed.kind === 'print') {
      await writeChunk(io.stdout, parsed.text);
      return ExitCode.Ok;
    }
    options = parsed.options;
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      io.stderr.write(`Run '${NAME}${rulesCommand ? ' rules' : sqlCommand ? ' sql' : tokensCommand ? ' tokens' : ''} --help' for usage.\n`);
      return ExitCode.Usage;
    }
    throw e;
  }
  // -o: the temporary report file, removed unless the run completes (also on Ctrl-C, via registerCleanup).
  const output: { file?: OutputFile; unregister?: () => void } = {};
  try {
    if ('dialect' in options) return await (await import('./sql-command.js')).runSqlCommand(options, io);
    if ('tokens' in options) return await (await import('./tokens-command.js')).runTokensCommand(options, io, err, output);
    return 'command' in options
      ? await (await import('./rules/rules-command.js')).runRulesCommand(options, io, err)
      : await scanAndReport(options, io, err, output);
  } catch (e) {
    if (e instanceof UserError) {
      err(e.message);
      return e.exitCode;
    }
    if (isBrokenPipe(e)) return ExitCode.Ok;
    err(`internal error: ${(e as Error | null | undefined)?.message ?? String(e)}`);
    if (options.debug) io.stderr.write(`${(e as Error | null | undefined)?.stack ?? ''}\n`);
    else io.stderr.write('This is a bug; please report it with the command line used (--debug prints the stack).\n');
    return ExitCode.Internal;
  } finally {
    releaseWarmWorker();
    await output.file?.abort();
    output.unregister?.();
  }
}

async function scanAndReport(
  options: CliOptions,
  io: Io & { registerCleanup?: (fn: () => Promise<void>) => () => void },
  err: (line: string) => void,
  output: { file?: OutputFile; unregister?: () => void },
): Promise<ExitCode> {
  const started = performance.now();
  // A large plain input will be read by two threads: the second one loads while rules do.
  if (options.threads > 1) prewarmWorker(options.inputs, Math.floor(options.parallelMinMb * 1024 * 1024));
  const ruleSet = await loadRuleSet(options.rules);
  reportRuleSet(ruleSet, { strict: options.rules.strict, hunt: options.hunt, quiet: options.quiet, userRules: options.rules.paths.length > 0 }, err);
  const { resolved, unregister } = await openInputs(options.inputs, io, output, {
    output: options.output,
    folders: options.folders,
    // Someone at a terminal may not know the scan is waiting on a pipe or a redirect.
    onStdin: () => {
      if (io.stderr.isTTY && !options.quiet) err('reading events from stdin… (name exports or folders to read files instead)');
    },
  });
  let report: ScanReport;
  let stats: ScanStats;
  // Window events are read again from their inputs while the report is written: a spooled
  // stdin copy is removed, and the inputs closed, only after that.
  let originals: OriginalStore;
  let scanned = false;
  let bar: ProgressBar | null = null;
  // Ctrl-C during the scan erases the bar too, so the shell prompt starts on a clean line.
  // eslint-disable-next-line @typescript-eslint/require-await -- async, so that a throw is a rejection the Ctrl-C handler settles
  const unregisterBar = io.registerCleanup?.(async () => bar?.finish());
  try {
    // Files found in input folders (or a symlink to one) are inputs too.
    if (options.output !== undefined) await refuseInput(options.output, resolved.sources.map((s) => s.path));
    bar = await progressBarFor(options.progress, io.stderr, io.env, options.quiet, resolved.sources.map((s) => s.path));
    const maxRecordBytes = Math.floor(options.maxRecordMb * 1024 * 1024);
    ({ report, stats, originals } = await scan(resolved.sources, {
      read: { maxRecordBytes, format: options.inputFormat, eventsPath: options.eventsPath },
      rules: ruleSet.rules,
      validate: options.validate,
      window: options.window,
      range: options.range,
      threads: options.threads,
      parallelMinBytes: Math.floor(options.parallelMinMb * 1024 * 1024),
      hunt: options.hunt,
      signals: options.signals,
      onProgress: bar ? (p) => bar!.update(p) : undefined,
    }));
    scanned = true;
  } finally {
    bar?.finish();
    unregisterBar?.();
    if (!scanned) {
      await resolved.cleanup();
      unregister?.();
    }
  }
  try {
    return await writeReport(options, io, err, output, withSkipped(report!, resolved.skipped), stats!, originals!, started, resolved.skipped);
  } finally {
    originals!.close();
    await resolved.cleanup();
    unregister?.();
  }
}

/** Diagnostics, the report and the closing lines of a finished scan; the exit code. */
async function writeReport(
  options: CliOptions,
  io: Io,
  err: (line: string) => void,
  output: { file?: OutputFile },
  scanned: ScanReport,
  stats: ScanStats,
  originals: OriginalStore,
  started: number,
  skipped: readonly SkippedInput[],
): Promise<ExitCode> {
  let report = scanned;
  if (!options.quiet) {
    for (const [i, l] of skippedLines(skipped).entries()) {
      if (i === 0) err(l);
      else io.stderr.write(`${safeText(l)}\n`);
    }
  }

  const failedInputs = report.inputs.filter((i) => i.error !== undefined);
  // With --strict the problems are fatal (said below), so they are not called skipped.
  printInputProblems({ inputs: report.inputs, total: report.summary.diagnostics, kept: report.diagnostics }, err, io.stderr, options.quiet, { where: '--format json lists up to 1000', strict: options.strict });
  // A record that names the revocation event type and was still dropped is never quiet, even with -q.
  const lost = inInputOrder(report.diagnostics.filter((d) => d.namesRevocation));
  for (const d of lost.slice(0, SHOW_LOST)) err(`possible revocation lost: ${formatDiagnostic(d)}`);
  const unread = report.summary.unreadRevocations;
  if (unread > 0) {
    err(`${plural(unread, 'record')} naming ${REVOKE_EVENT} could not be read as ${unread === 1 ? 'an event' : 'events'}${unread > SHOW_LOST ? ` (first ${SHOW_LOST} above)` : ''}: check ${unread === 1 ? 'it' : 'them'} by hand${options.failOnFindings ? '; --fail-on-findings exits 1' : ''}`);
  }
  if (options.strict && report.summary.diagnostics > 0) {
    err('--strict: input problems are fatal; no report written');
    return ExitCode.Input;
  }

  if (options.minSeverity !== null) {
    const filtered = filterBySeverity(report, options.minSeverity);
    report = filtered.report;
    if (!options.quiet && filtered.hidden > 0) err(`${plural(filtered.hidden, 'revocation')} below --min-severity ${options.minSeverity} not reported`);
  }

  const sink = output.file?.sink ?? io.stdout;
  const isTTY = sink.isTTY === true;
  const format = options.format ?? (isTTY ? 'table' : 'ndjson');
  const color = format === 'table' && useColor(options.color, io.env, isTTY);
  const width = isTTY ? sink.columns : undefined;
  // The one place originals held by reference are read: as the reporter writes them.
  originals.expectReport(report);
  const reportOptions: ReportOptions = { color, width, limit: options.limit, originals, baseline: formatDuration(options.signals.baseline) };
  if (options.timeZone !== undefined) reportOptions.timeZone = options.timeZone;
  if (options.timeZone !== undefined && format !== 'table' && !options.quiet) err(`--tz applies to the table only: ${format} times stay UTC`);
  const reporter = await loadReporter(format);
  io.onReport?.(output.file ? 'file' : 'stdout');
  const writing = performance.now();
  let reportMs: number;
  try {
    for (const chunk of reporter(report, reportOptions)) await writeChunk(sink, chunk);
    reportMs = performance.now() - writing;
    await output.file?.commit();
  } catch (e) {
    throw output.file && !(e instanceof UserError) ? new OutputError(`cannot write ${options.output}: ${reason(e)}`) : e;
  }

  if (!options.quiet && stats.range) {
    const r = stats.range;
    // A relative bound counts back from the newest event of the input, not from now: say so.
    const relative = [options.range.from, options.range.to].some((b) => b?.kind === 'before-newest');
    const newest = r.newest === null ? '' : relative ? ` (counted back from the newest event in the input, ${describeEnd(r.newest)}, not from now)` : ` (newest event ${describeEnd(r.newest)})`;
    err(`time range ${describeEnd(r.from)} to ${describeEnd(r.to)}${newest}: revocations outside it are not reported`);
  }

  if (!options.quiet && format !== 'table') {
    const s = report.summary;
    const hunted = s.detections === undefined ? '' : ` and ${plural(s.detections, 'detection')}`;
    // `events` counts event records, repeats included; repeats are counted among the events the scan
    // used (every record only with --validate, which parses them all).
    const among = options.validate ? '' : ' (of the events used; --validate counts every one)';
    err(`${plural(s.findings, 'revocation')}${hunted} in ${plural(s.events, 'event')} from ${plural(s.files, 'input')}; ${plural(s.duplicates, 'repeated event')} skipped${among}`);
  }
  if (options.stats) {
    const secs = (performance.now() - started) / 1000;
    const rss = process.resourceUsage().maxRSS / 1024;
    err(`stats: ${secs.toFixed(2)} s, ${(stats.bytes / 1e6 / secs).toFixed(0)} MB/s, ${report.summary.events} events, ${stats.parsed} parsed in ${plural(stats.passes, 'pass', 'passes')}${statsNotes(stats)}, peak RSS ${rss.toFixed(0)} MiB`);
    err(`stats: ${phaseLine(stats, reportMs)}`);
  }
  if (failedInputs.length > 0) return ExitCode.Input;
  if (options.failOnFindings && (report.findings.length > 0 || report.summary.unreadRevocations > 0)) return ExitCode.Findings;
  return ExitCode.Ok;
}

/** Diagnostics by input (in order of first appearance), then by position in it (readers report before records are parsed). */
function inInputOrder(ds: Diagnostic[]): Diagnostic[] {
  const files = new Map<string, number>();
  for (const d of ds) if (!files.has(d.file)) files.set(d.file, files.size);
  const at = (d: Diagnostic) => d.offset ?? d.line ?? 0;
  return [...ds].sort((a, b) => files.get(a.file)! - files.get(b.file)! || at(a) - at(b));
}


function isBrokenPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE';
}

/** `pass 1 0.41 s, pass 2 0.90 s, windows 0.05 s, report 1.20 s`: where the wall time went. */
function phaseLine({ phases, passes }: ScanStats, reportMs: number): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const parts = [`pass 1 ${s(phases.pass1)}`];
  if (passes > 1) parts.push(`pass 2 ${s(phases.pass2)}`, `windows and signals ${s(phases.windows)}`);
  parts.push(`report ${s(reportMs)}`);
  return parts.join(', ');
}

/** `(2 reads split over 2 threads, 1 input read again through its record index)`, or nothing. */
function statsNotes(stats: ScanStats): string {
  const notes: string[] = [];
  if (stats.split) notes.push(`${plural(stats.split, 'read')} split over 2 threads`);
  if (stats.indexed) notes.push(`${plural(stats.indexed, 'input')} read again through ${stats.indexed === 1 ? 'its' : 'their'} record index`);
  return notes.length ? ` (${notes.join(', ')})` : '';
}
