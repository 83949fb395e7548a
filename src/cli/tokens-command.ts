// `okta-revoke-scan tokens [options] <export...>`: the token inventory, read and reported like a scan.
import { commandParser } from './command-parser.js';
import { plural } from '../text/plural.js';
import { ExitCode, UsageError, UserError } from '../errors.js';
import type { InputFormat } from '../input/sniff.js';
import { reason } from '../input/sources.js';
import { filterTokensBySeverity, flaggedAtLeast } from '../inventory/filter.js';
import type { InventoryOptions } from '../inventory/options.js';
import type { Severity } from '../model/severity.js';
import type { TokenInventory } from '../model/token.js';
import type { ReportOptions } from '../report/reporter.js';
import { loadTokenReporter, type TokenFormatName } from '../report/tokens/reporter.js';
import { inventoryScan, type InventoryScanStats } from '../scan/inventory-scan.js';
import { prewarmWorker } from '../scan/fast/parallel.js';
import { checkRange, describeEnd, parseBound, type TimeRange } from '../scan/time-range.js';
import { useColor } from './color.js';
import { examplesText } from './example-text.js';
import { exitCodesBrief, TOKENS_EXAMPLES, TOKENS_NOTES, TOKENS_SUMMARY } from './help-sections.js';
import { printInputProblems } from './input-problems.js';
import { writeChunk, type Io } from './io.js';
import { TOKENS_OPTIONS } from './option-table.js';
import { eventsPath, timeZone } from './options.js';
import { OutputError, refuseInput, type OutputFile } from './output-file.js';
import { progressBarFor } from './progress-plan.js';
import type { ProgressBar } from './progress.js';
import { openInputs } from './open-inputs.js';
import { parseWith } from './yargs-parse.js';
import { addOptions, helpWidth } from './yargs-table.js';

/** Parsed `tokens` command line. */
export interface TokensCommandOptions {
  /** Tells these options from the scan's and the rules command's. */
  tokens: true;
  inputs: string[];
  format: TokenFormatName | undefined;
  /** `-o FILE`, or undefined for stdout (also `-o -`). */
  output: string | undefined;
  color: boolean | undefined;
  progress: boolean | undefined;
  quiet: boolean;
  stats: boolean;
  failOnFlags: boolean;
  strict: boolean;
  validate: boolean;
  maxRecordMb: number;
  inputFormat: InputFormat;
  eventsPath: string[] | null;
  range: TimeRange;
  timeZone: string | undefined;
  threads: number;
  parallelMinMb: number;
  minSeverity: Severity | null;
  inventory: InventoryOptions;
  debug: boolean;
}

/** A whole number of at least `min`, or a usage error naming the option. */
function wholeNumber(args: Record<string, unknown>, name: string, min: number): number {
  const v = args[name] as number;
  if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name} takes a whole number of at least ${min}`);
  return v;
}

/** Parses the arguments after `tokens`. Throws UsageError for a bad command line. */
export async function parseTokensArgs(
  argv: string[],
  version: string,
  width: number | undefined,
): Promise<{ kind: 'print'; text: string } | { kind: 'tokens'; options: TokensCommandOptions }> {
  const wrap = helpWidth(width);
  const parser = addOptions(
    commandParser('okta-revoke-scan tokens', `Usage: $0 [options] <export...>\n\n${TOKENS_SUMMARY}`, version, wrap)
      .alias('V', 'version')
      .strictOptions()
      .epilog(`${examplesText(TOKENS_EXAMPLES, wrap)}\n\n${exitCodesBrief()}\n\n${TOKENS_NOTES}`),
    TOKENS_OPTIONS,
  );
  const { args, print } = await parseWith(parser, argv);
  if (print !== null) return { kind: 'print', text: print };
  const maxRecordMb = args['max-record-mb'] as number;
  if (!Number.isFinite(maxRecordMb) || maxRecordMb <= 0 || maxRecordMb > 512) throw new UsageError('--max-record-mb must be a number above 0 and at most 512');
  const threads = args.threads as number;
  if (threads !== 1 && threads !== 2) throw new UsageError('--threads takes 1 or 2');
  const parallelMinMb = args['parallel-min-mb'] as number;
  if (!(parallelMinMb >= 0)) throw new UsageError('--parallel-min-mb takes a number of MiB');
  const range: TimeRange = {
    from: args.from === undefined ? null : parseBound(String(args.from), '--from'),
    to: args.to === undefined ? null : parseBound(String(args.to), '--to'),
  };
  checkRange(range);
  const strict = args.strict as boolean;
  return {
    kind: 'tokens',
    options: {
      tokens: true,
      inputs: (args._ as (string | number)[]).map(String),
      format: args.format as TokenFormatName | undefined,
      output: args.output === undefined || String(args.output) === '-' ? undefined : String(args.output),
      color: args.color as boolean | undefined,
      progress: args.progress as boolean | undefined,
      quiet: args.quiet as boolean,
      stats: args.stats as boolean,
      failOnFlags: args['fail-on-flags'] as boolean,
      strict,
      validate: strict || (args.validate as boolean),
      maxRecordMb,
      inputFormat: args['input-format'] as InputFormat,
      eventsPath: eventsPath(args['events-path']),
      range,
      timeZone: timeZone(args.tz),
      threads,
      parallelMinMb,
      minSeverity: (args['min-severity'] as Severity | undefined) ?? null,
      inventory: { maxPlaces: wholeNumber(args, 'max-places', 0), maxValues: wholeNumber(args, 'max-values', 1) },
      debug: args.debug as boolean,
    },
  };
}

/** `3 tokens (1 active, 2 revoked, 0 revoked by Okta, 0 revoke failed; 2 flagged) in 1200 events from 2 inputs (3 duplicates skipped)` */
function closingLine(inventory: TokenInventory): string {
  const s = inventory.summary;
  const statuses = `${s.byStatus.active} active, ${s.byStatus.revoked} revoked, ${s.byStatus['revoked-by-okta']} revoked by Okta, ${s.byStatus['revoke-failed']} revoke failed`;
  return `${plural(s.tokens, 'token')} (${statuses}; ${s.flagged} flagged) in ${plural(s.events, 'event')} from ${plural(s.files, 'input')} (${plural(s.duplicates, 'duplicate')} skipped)`;
}

/**
 * Runs the inventory: reads the inputs (stdin when none is named and stdin is not a terminal),
 * prints input problems on stderr, applies `--min-severity`, writes the report (to `-o` only once
 * it is complete). Exit 3 when an input cannot be read (or any problem with `--strict`), 1 with
 * `--fail-on-flags` when a reported token carries a flag at or above `--min-severity`, else 0.
 */
export async function runTokensCommand(
  options: TokensCommandOptions,
  io: Io & { registerCleanup?: (fn: () => Promise<void>) => () => void },
  err: (line: string) => void,
  output: { file?: OutputFile; unregister?: () => void },
): Promise<ExitCode> {
  const started = performance.now();
  if (options.threads > 1) prewarmWorker(options.inputs, Math.floor(options.parallelMinMb * 1024 * 1024));
  const { resolved, unregister } = await openInputs(options.inputs, io, output, { output: options.output });
  let bar: ProgressBar | null = null;
  // eslint-disable-next-line @typescript-eslint/require-await -- async, so that a throw is a rejection the Ctrl-C handler settles
  const unregisterBar = io.registerCleanup?.(async () => bar?.finish());
  let inventory: TokenInventory;
  let stats: InventoryScanStats;
  try {
    if (options.output !== undefined) await refuseInput(options.output, resolved.sources.map((s) => s.path));
    bar = await progressBarFor(options.progress, io.stderr, io.env, options.quiet, resolved.sources.map((s) => s.path));
    const maxRecordBytes = Math.floor(options.maxRecordMb * 1024 * 1024);
    ({ inventory, stats } = await inventoryScan(resolved.sources, {
      read: { maxRecordBytes, format: options.inputFormat, eventsPath: options.eventsPath },
      validate: options.validate,
      inventory: options.inventory,
      range: options.range,
      threads: options.threads,
      parallelMinBytes: Math.floor(options.parallelMinMb * 1024 * 1024),
      onProgress: bar ? (p) => bar!.update(p) : undefined,
    }));
  } finally {
    bar?.finish();
    unregisterBar?.();
    await resolved.cleanup();
    unregister?.();
  }

  const failedInputs = inventory.inputs.filter((i) => i.error !== undefined);
  printInputProblems({ inputs: inventory.inputs, total: inventory.summary.diagnostics, kept: inventory.diagnostics }, err, io.stderr, options.quiet, { where: '--format json lists up to 1000', strict: options.strict });
  if (options.strict && inventory.summary.diagnostics > 0) {
    err('--strict: input problems are fatal; no report written');
    return ExitCode.Input;
  }
  if (options.minSeverity !== null) {
    const filtered = filterTokensBySeverity(inventory, options.minSeverity);
    inventory = filtered.inventory;
    if (!options.quiet && filtered.hidden > 0) err(`${plural(filtered.hidden, 'token')} without a flag at or above --min-severity ${options.minSeverity} not reported`);
  }

  const sink = output.file?.sink ?? io.stdout;
  const isTTY = sink.isTTY === true;
  const format = options.format ?? (isTTY ? 'table' : 'ndjson');
  const reportOptions: ReportOptions = { color: format === 'table' && useColor(options.color, io.env, isTTY), width: isTTY ? sink.columns : undefined };
  if (options.timeZone !== undefined) reportOptions.timeZone = options.timeZone;
  const reporter = await loadTokenReporter(format);
  try {
    for (const chunk of reporter(inventory, reportOptions)) await writeChunk(sink, chunk);
    await output.file?.commit();
  } catch (e) {
    throw output.file && !(e instanceof UserError) ? new OutputError(`cannot write ${options.output}: ${reason(e)}`) : e;
  }

  if (!options.quiet && stats.range) {
    const r = stats.range;
    err(`time range ${describeEnd(r.from)} to ${describeEnd(r.to)}${r.newest === null ? '' : ` (newest event ${describeEnd(r.newest)})`}: only calls inside it are counted`);
  }
  if (!options.quiet && format !== 'table') err(closingLine(inventory));
  if (options.stats) {
    const secs = (performance.now() - started) / 1000;
    const rss = process.resourceUsage().maxRSS / 1024;
    err(`stats: ${secs.toFixed(2)} s, ${(stats.bytes / 1e6 / secs).toFixed(0)} MB/s, ${inventory.summary.events} events, ${stats.parsed} parsed in ${stats.passes} pass${stats.passes === 1 ? '' : 'es'}, peak RSS ${rss.toFixed(0)} MiB`);
  }
  if (failedInputs.length > 0) return ExitCode.Input;
  if (options.failOnFlags && inventory.tokens.some((t) => flaggedAtLeast(t, options.minSeverity ?? 'info'))) return ExitCode.Findings;
  return ExitCode.Ok;
}
