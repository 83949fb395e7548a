// The scan's command line: yargs set up from the option table, then values checked; parsing never exits the process.
import { commandParser } from './command-parser.js';
import { UsageError } from '../errors.js';
import type { InputFormat } from '../input/sniff.js';
import type { FolderFilter } from '../input/sources.js';
import type { FormatName } from '../report/index.js';
import { checkRange, parseBound, type TimeRange } from '../scan/time-range.js';
import { parseDuration } from '../window/duration.js';
import { examplesText } from './example-text.js';
import { exitCodesBrief, SCAN_EXAMPLES, SCAN_NOTES, SCAN_SUMMARY } from './help-sections.js';
import { SCAN_OPTIONS } from './option-table.js';
import { readRuleOptions, type RuleOptions } from './rules/rule-options.js';
import { parseWith, type ArgValue } from './yargs-parse.js';
import { signalCliOptions, type SignalCliOptions } from './signal-options.js';
import { addOptions, helpWidth } from './yargs-table.js';

/** An output format. */
export type Format = FormatName;

/** Parsed command line. */
export interface CliOptions extends SignalCliOptions {
  inputs: string[];
  format: Format | undefined;
  failOnFindings: boolean;
  strict: boolean;
  validate: boolean;
  color: boolean | undefined;
  quiet: boolean;
  stats: boolean;
  maxRecordMb: number;
  debug: boolean;
  /** Window settings, or null with --no-window. */
  window: { before: number; after: number; maxEvents: number; beforeText: string; afterText: string } | null;
  /** Timeline rows per window in the table (0 = all). */
  limit: number;
  /** `--progress` / `--no-progress`; undefined: a bar for large inputs when stderr is a terminal. */
  progress: boolean | undefined;
  /** `-o FILE`: write the report there (atomically) instead of stdout; undefined for stdout (also `-o -`). */
  output: string | undefined;
  /** Threads for large plain files. */
  threads: number;
  parallelMinMb: number;
  /** `--include` / `--exclude` globs for files found in folders. */
  folders: FolderFilter;
  /** `--input-format` (auto: from the content). */
  inputFormat: InputFormat;
  /** `--events-path a.b.c` split at dots, or null. */
  eventsPath: string[] | null;
  /** `--from` / `--to`. */
  range: TimeRange;
  /** `--tz`: IANA zone of the table's time column, or undefined for UTC. */
  timeZone: string | undefined;
  /** Which Sigma rules to run (`--rules`, `--no-builtin-rules`, placeholders, `--strict-rules`). */
  rules: RuleOptions;
  /** `--hunt`: report every other event a rule matches as a detection. */
  hunt: boolean;
}

/** Result of parsing: options to run with, or text to print (help, version) and an exit code. */
export type ParseResult = { kind: 'run'; options: CliOptions } | { kind: 'print'; text: string };

/** Parses `argv` (without node and script). Throws UsageError for a bad command line. */
export async function parseArgs(argv: string[], version: string, width: number | undefined): Promise<ParseResult> {
  const wrap = helpWidth(width);
  const parser = commandParser('okta-revoke-scan', `Usage: $0 [options] <export...>\n\n${SCAN_SUMMARY}`, version, wrap)
    .alias('V', 'version')
    .strictOptions()
    .command('rules', 'List the loaded rules, or test them on exports: okta-revoke-scan rules list|test --help')
    .command('sql', 'Print the SQL query that reduces a table of events (DuckDB, ClickHouse, PostgreSQL, Trino/Athena, Spark) to what a scan needs: okta-revoke-scan sql --help')
    .command('tokens', 'List every API token the exports know, with flags worth a look: okta-revoke-scan tokens --help')
    .epilog(`${examplesText(SCAN_EXAMPLES, wrap)}\n\n${exitCodesBrief()}\n\n${SCAN_NOTES}`);
  addOptions(parser, SCAN_OPTIONS);

  const { args, print } = await parseWith(parser, argv);
  if (print !== null) return { kind: 'print', text: print };
  const command = (args._ as unknown[])[0];
  if (command === 'rules' || command === 'sql') {
    const usage = command === 'rules' ? 'rules list|test …' : 'sql --dialect …';
    throw new UsageError(`the ${command} command comes first (okta-revoke-scan ${usage}); to scan a file or folder named ${command}, write ./${command}`);
  }
  if ((args._ as unknown[])[0] === 'tokens') {
    throw new UsageError('the tokens command comes first (okta-revoke-scan tokens [options] <export...>); to scan a file or folder named tokens, write ./tokens');
  }
  const maxRecordMb = args['max-record-mb'] as number;
  if (!Number.isFinite(maxRecordMb) || maxRecordMb <= 0 || maxRecordMb > 512) {
    throw new UsageError('--max-record-mb must be a number above 0 and at most 512');
  }
  const strict = args.strict as boolean;
  const threads = args.threads as number;
  if (threads !== 1 && threads !== 2) throw new UsageError('--threads takes 1 or 2');
  const parallelMinMb = args['parallel-min-mb'] as number;
  if (!(parallelMinMb >= 0)) throw new UsageError('--parallel-min-mb takes a number of MiB');
  const limit = args.limit as number;
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError('--limit takes a whole number (0 = all)');
  const maxEvents = args['max-window-events'] as number;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new UsageError('--max-window-events takes a whole number of at least 1');
  const window = args.window === false ? null : {
    before: parseDuration(String(args.before), '--before'),
    after: parseDuration(String(args.after), '--after'),
    maxEvents,
    beforeText: String(args.before).trim(),
    afterText: String(args.after).trim(),
  };
  const range: TimeRange = {
    from: args.from === undefined ? null : parseBound(String(args.from), '--from'),
    to: args.to === undefined ? null : parseBound(String(args.to), '--to'),
  };
  checkRange(range);
  return {
    kind: 'run',
    options: {
      inputs: (args._ as (string | number)[]).map(String),
      format: args.format as Format | undefined,
      failOnFindings: args['fail-on-findings'] as boolean,
      strict,
      validate: strict || (args.validate as boolean),
      color: args.color as boolean | undefined,
      quiet: args.quiet as boolean,
      stats: args.stats as boolean,
      maxRecordMb,
      debug: args.debug as boolean,
      window,
      limit,
      progress: args.progress as boolean | undefined,
      output: args.output === undefined || String(args.output) === '-' ? undefined : String(args.output),
      threads,
      parallelMinMb,
      folders: { include: globs(args, 'include'), exclude: globs(args, 'exclude') },
      inputFormat: args['input-format'] as InputFormat,
      eventsPath: eventsPath(args['events-path']),
      range,
      timeZone: timeZone(args.tz),
      rules: readRuleOptions(args),
      hunt: args.hunt as boolean,
      ...signalCliOptions(args, window !== null),
    },
  };
}

/** A repeatable glob option's patterns (yargs gives one string, or an array when repeated); an empty one is a usage error. */
function globs(args: Record<string, unknown>, name: string): string[] {
  const v = args[name];
  if (v === undefined) return [];
  const list = (Array.isArray(v) ? v : [v]).map(String);
  if (list.some((s) => s.trim() === '')) throw new UsageError(`--${name} needs a pattern, e.g. '*.log'`);
  return list;
}

/** `--events-path a.b.c` → ["a", "b", "c"]; an empty or dotted-only path is a usage error. */
export function eventsPath(v: ArgValue): string[] | null {
  if (v === undefined) return null;
  const parts = String(v).split('.').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new UsageError(`--events-path takes keys separated by dots, e.g. events or hits.hits (got '${String(v)}')`);
  return parts;
}

/** `--tz`: a zone Intl knows (canonical spelling), or undefined for UTC. */
export function timeZone(v: ArgValue): string | undefined {
  if (v === undefined) return undefined;
  const name = String(v).trim();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--tz takes an IANA time zone such as UTC, Europe/Berlin or America/New_York (got '${String(v)}')`);
  }
}
