// yargs definition of the command line: options, groups, examples; parsing never exits the process.
import { availableParallelism } from 'node:os';
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import { INPUT_FORMATS, type InputFormat } from '../input/detect.js';
import { formatNames, type FormatName } from '../report/index.js';
import { checkRange, parseBound, type TimeRange } from '../scan/time-range.js';
import { parseDuration } from '../window/duration.js';
import { addRuleOptions, readRuleOptions, type RuleOptions } from './rule-options.js';
import { parseWith } from './yargs-parse.js';
import { signalCliOptions, withSignalOptions, type SignalCliOptions } from './signal-options.js';

/** Output formats. */
export const FORMATS = formatNames;
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

const EPILOG = `Exit codes: 0 done (findings or not), 1 findings with --fail-on-findings, 2 usage error,
3 unreadable input (missing file, no JSON at all, or any diagnostic with --strict).

Input format comes from the content, not the file name: NDJSON/JSONL, JSON arrays (compact,
pretty, or several pages one after another), single objects, Okta Event Hook deliveries, documents
with the events under "events" or "data" (or --events-path), events wrapped as JSON text (message,
Elastic event.original, Splunk _raw), CSV with a header row; gzip is detected by its magic bytes.
Folders are read recursively (*.json, *.ndjson, *.jsonl, *.csv, optionally .gz); - reads stdin.
Times are printed in UTC; --from/--to take a time with Z or an offset, or a duration before the
newest event (--from 7d). To scan a file or folder named rules, write ./rules.`;

const OUTPUT_EPILOG = `Output: table for people; ndjson (one finding per line) and json (one document) for jq and
scripts, described by the JSON Schemas in schema/; csv (one row per window event, safe to open
in a spreadsheet); timesketch (JSONL for Timesketch import). -o writes FILE only once the report
is complete: a FILE that is an input or cannot be created is exit 2, a write that fails later 3.

Environment: NO_COLOR turns colours off, FORCE_COLOR on (--color/--no-color win over both);
CI (set) turns the progress bar off. The bar is drawn on stderr, never on stdout.`;

/** Parses `argv` (without node and script). Throws UsageError for a bad command line. */
export async function parseArgs(argv: string[], version: string, width: number | undefined): Promise<ParseResult> {
  const parser = yargs()
    // The help is written in English: yargs' own words (Options:, Commands:) too, whatever $LANG.
    .locale('en')
    .scriptName('okta-revoke-scan')
    .usage('Usage: $0 [options] <export...>\n\nFind every Okta API token revocation in System Log exports and report who revoked it.')
    .version(version)
    .help('help')
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(width ? Math.min(width, 110) : 100)
    .strictOptions()
    .exitProcess(false)
    .fail((msg, err) => {
      throw new UsageError(msg ?? err?.message ?? 'invalid command line');
    })
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      describe: 'Output format (default: table on a terminal, ndjson when piped)',
      group: 'Output:',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      requiresArg: true,
      describe: 'Write the report to FILE instead of stdout (- = stdout): written to a temporary file beside it and renamed when complete; never overwrites an input',
      group: 'Output:',
    })
    .option('color', { type: 'boolean', describe: 'Force colours on or off (default: on for a terminal unless NO_COLOR)', group: 'Output:' })
    .option('progress', {
      type: 'boolean',
      describe: 'Progress bar on stderr while reading (default: for inputs over 32 MiB when stderr is a terminal, not with --quiet or in CI)',
      group: 'Output:',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No summary or diagnostics on stderr', group: 'Output:' })
    .option('stats', { type: 'boolean', default: false, describe: 'Print timing, throughput and peak memory on stderr', group: 'Output:' })
    .option('fail-on-findings', { type: 'boolean', default: false, describe: 'Exit 1 when at least one revocation is found', group: 'Exit status:' })
    .option('strict', { type: 'boolean', default: false, describe: 'Treat any input problem as fatal (exit 3); implies --validate', group: 'Exit status:' })
    .option('validate', {
      type: 'boolean',
      default: false,
      describe: 'Parse every record, not only those the byte pre-filter selects: every malformed record is reported and duplicates are counted exactly (slower)',
      group: 'Input:',
    })
    .option('max-record-mb', { type: 'number', default: 128, describe: 'Skip (and report) records larger than this many MiB', group: 'Input:' })
    .option('input-format', {
      choices: INPUT_FORMATS,
      default: 'auto',
      describe: 'Read every input as this shape instead of detecting it: ndjson (records one after another), array, document (events under --events-path or events/data), csv',
      group: 'Input:',
    })
    .option('events-path', { type: 'string', describe: 'Where JSON documents keep their event array, e.g. hits.hits or response.events', group: 'Input:' })
    .option('from', { type: 'string', describe: 'Report revocations (and --hunt detections) at or after this time (2024-03-05T00:00:00Z, or 7d = 7 days before the newest event)', group: 'Time:' })
    .option('to', { type: 'string', describe: 'Report revocations (and --hunt detections) at or before this time (same forms as --from)', group: 'Time:' })
    .option('tz', { type: 'string', describe: 'Time zone of the table time column (IANA name, e.g. Europe/Berlin); JSON outputs stay UTC', group: 'Time:' })
    .option('before', { type: 'string', default: '24h', describe: 'Window before each revocation (90m, 36h, 7d, 2w)', group: 'Activity window:' })
    .option('after', { type: 'string', default: '0', describe: 'Window after each revocation', group: 'Activity window:' })
    .option('window', { type: 'boolean', default: true, describe: 'Rebuild activity windows (--no-window: rules only, one pass)', group: 'Activity window:' })
    .option('limit', { type: 'number', default: 50, describe: 'Timeline rows per window, and detection rows, in the table (0 = all)', group: 'Activity window:' })
    .option('max-window-events', {
      type: 'number',
      default: 10000,
      describe: 'Most events kept per window; older ones are dropped and counted (bounds memory)',
      group: 'Activity window:',
    })
    .option('threads', {
      type: 'number',
      default: Math.min(2, availableParallelism()),
      describe: 'Read large plain NDJSON and pretty-array files with this many threads (1 or 2)',
      group: 'Input:',
    })
    .option('hunt', {
      type: 'boolean',
      default: false,
      describe: 'Also report every other event a loaded rule matches, as kind "detection" records',
      group: 'Rules:',
    })
    .command('rules', 'List the loaded rules, or test them on exports: okta-revoke-scan rules list|test --help')
    .command('sql', 'Print the SQL query that reduces a table of events (DuckDB, ClickHouse, PostgreSQL, Trino/Athena, Spark) to what a scan needs: okta-revoke-scan sql --help')
    .option('parallel-min-mb', { type: 'number', default: 64, hidden: true })
    .option('debug', { type: 'boolean', default: false, hidden: true })
    .example('$0 export.ndjson', 'Table of every revocation in an export')
    .example('$0 logs/ backup.json.gz', 'Several inputs: folders, gzip, overlapping files (deduplicated)')
    .example('$0 export.json | jq -r .token.name', 'Names of revoked tokens (NDJSON when piped)')
    .example("$0 export.json | jq 'select(.revokedBy.kind == \"user\")'", 'Revocations made by a person')
    .example('gunzip -c export.json.gz | $0 -', 'Read stdin')
    .example('$0 --format json export.ndjson > report.json', 'One JSON document with inputs, summary and findings')
    .example('$0 --before 7d --after 1h export.ndjson', 'Wider activity windows around each revocation')
    .example('$0 hooks.ndjson okta.csv splunk-export.json', 'Event Hook deliveries, CSV and SIEM exports in one run')
    .example('$0 --events-path hits.hits es-response.json', 'Events under a key the tool does not guess')
    .example('$0 --from 7d --tz Europe/Berlin export.ndjson', 'Revocations of the last 7 days of the export, local times')
    .example('$0 --rules sigma/rules/identity/okta --hunt export.ndjson', 'Run your Sigma rules: their hits in the windows, and every other hit')
    .example('$0 -f csv -o revocations.csv export.ndjson', 'Spreadsheet: one row per window event, formula-safe')
    .example('$0 -f timesketch -o timeline.jsonl logs/', 'Timeline for Timesketch: revocations and their window events, tagged')
    .example('$0 -q --no-progress -o report.ndjson export.json.gz', 'Quiet run for scripts; the report appears only when complete')
    .epilog(`${EPILOG}\n\n${OUTPUT_EPILOG}`);
  addRuleOptions(parser);
  withSignalOptions(parser);

  const { args, print } = await parseWith(parser, argv);
  if (print !== null) return { kind: 'print', text: print };
  const command = (args._ as unknown[])[0];
  if (command === 'rules' || command === 'sql') {
    const usage = command === 'rules' ? 'rules list|test …' : 'sql --dialect …';
    throw new UsageError(`the ${command} command comes first (okta-revoke-scan ${usage}); to scan a file or folder named ${command}, write ./${command}`);
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
    before: parseDuration(args.before as string, '--before'),
    after: parseDuration(args.after as string, '--after'),
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

/** `--events-path a.b.c` → ["a", "b", "c"]; an empty or dotted-only path is a usage error. */
function eventsPath(v: unknown): string[] | null {
  if (v === undefined) return null;
  const parts = String(v).split('.').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new UsageError(`--events-path takes keys separated by dots, e.g. events or hits.hits (got '${String(v)}')`);
  return parts;
}

/** `--tz`: a zone Intl knows (canonical spelling), or undefined for UTC. */
function timeZone(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const name = String(v).trim();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--tz takes an IANA time zone such as UTC, Europe/Berlin or America/New_York (got '${String(v)}')`);
  }
}
