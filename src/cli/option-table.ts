// The command-line options as one table: `--help` (through yargs) and the manual page are both made from it.
import { availableParallelism } from 'node:os';
import { INPUT_FORMATS } from '../input/sniff.js';
import { DEFAULT_INVENTORY_OPTIONS } from '../inventory/options.js';
import { formatNames } from '../report/index.js';
import { tokenFormatNames } from '../report/tokens/reporter.js';
import { DEFAULT_SIGNAL_OPTIONS } from '../signals/options.js';
import { SEVERITIES } from '../model/severity.js';
import { formatDuration } from '../window/duration.js';

/** One command-line option: what yargs needs for parsing and `--help`, and what the manual page adds. */
export interface OptionSpec {
  /** Long name without the dashes, e.g. `max-record-mb`. */
  readonly name: string;
  /** One-letter alias, e.g. `f` for `-f`. */
  readonly alias?: string;
  /** How yargs reads the value. An option with `choices` is a string limited to them. */
  readonly type: 'string' | 'number' | 'boolean';
  /** The only values accepted. */
  readonly choices?: readonly string[];
  /** Default value, as yargs shows it in `--help`. */
  readonly default?: string | number | boolean;
  /** The default in the manual page when it depends on the machine (e.g. its number of cores). */
  readonly manualDefault?: string;
  /** `--help` heading, with its colon (`Output:`); no group: yargs' own `Options:`. */
  readonly group?: string;
  /** The one-line text of `--help`. */
  readonly describe: string;
  /** The manual page's text, when it says more than `describe`. */
  readonly manual?: string;
  /** Name of the value in the manual page, e.g. `FILE`, `DURATION`. */
  readonly arg?: string;
  /** The option needs a value (`-o` alone is an error, not an empty file name). */
  readonly requiresArg?: boolean;
  /** Left out of `--help` and the manual page (tuning knobs for tests). */
  readonly hidden?: boolean;
}

/**
 * Options that choose the Sigma rules: the scan and the `rules` command take them alike. Path
 * options are plain strings (repeat the option for more than one), so `--rules dir export.ndjson`
 * never takes the export for a rule path.
 */
export const RULE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'rules',
    type: 'string',
    requiresArg: true,
    arg: 'PATH',
    group: 'Rules:',
    describe: 'Sigma rules to run: a YAML file (multi-document too) or a folder, read recursively; repeatable',
    manual:
      'Sigma rules to run as well as the built-in ones: a YAML file (multi-document files too) or a folder, read recursively (`*.yml`, `*.yaml`). Repeat for more paths. Rules whose `logsource` names another product are skipped and named on stderr; a path that does not exist is a usage error (exit 2). Naming the shipped `rules/` folder does not load it twice.',
  },
  {
    name: 'builtin-rules',
    type: 'boolean',
    default: true,
    group: 'Rules:',
    describe: 'Run the two built-in revocation rules as well (--no-builtin-rules: only the --rules ones)',
    manual:
      'Run only the `--rules` rules, not the two built-in revocation rules: then only revocations those rules match are findings (usually none), which suits `--hunt`.',
  },
  {
    name: 'strict-rules',
    type: 'boolean',
    default: false,
    group: 'Rules:',
    describe: 'A rule that cannot be used (broken, correlation or filter rule) is fatal (exit 2) instead of skipped',
    manual:
      'A rule that cannot be used (broken, or a Sigma correlation or filter rule, which this tool does not run) is fatal: exit 2 before anything is scanned. Without it such rules are named on stderr and skipped.',
  },
  {
    name: 'placeholder',
    type: 'string',
    requiresArg: true,
    arg: 'NAME=VALUE',
    group: 'Rules:',
    describe: 'Value of a %name% placeholder of the expand modifier, as name=value; repeat for more values',
    manual:
      'A value of the `%NAME%` placeholder of the Sigma `expand` modifier (Sigma wildcards work). Repeat for more values. Replaces that name\'s values from `--placeholders` files.',
  },
  {
    name: 'placeholders',
    type: 'string',
    requiresArg: true,
    arg: 'FILE',
    group: 'Rules:',
    describe: 'YAML or JSON file mapping placeholder names to lists of values',
    manual: 'A YAML or JSON file mapping placeholder names to lists of values, e.g. `watchlist: [ann@corp.example, \'*@contractor.example\']`.',
  },
];

/** Where `--debug` is described: the scan and the `rules` command print an internal error alike. */
const DEBUG: OptionSpec = {
  name: 'debug',
  type: 'boolean',
  default: false,
  describe: 'Print the stack trace of an internal error (exit 70)',
  manual: 'On an internal error (exit 70, a bug), print its stack trace on stderr, to put in a bug report.',
};

/** The options of a scan (`okta-revoke-scan [options] <export...>`), in `--help` order. */
export const SCAN_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    alias: 'f',
    type: 'string',
    choices: formatNames,
    arg: 'FORMAT',
    group: 'Output:',
    describe: 'Output format (default: table on a terminal, ndjson when piped)',
    manual:
      'Output format: `table` for people (the default when stdout is a terminal), `ndjson` the incident summaries then one finding per line (the default otherwise, and with `-o`), `json` one document, `csv` one row per window event, `timesketch` JSONL for Timesketch, `html` one self-contained page for people (incidents, each revocation with an SVG timeline and its events; open it in a browser, nothing is loaded from anywhere).',
  },
  {
    name: 'output',
    alias: 'o',
    type: 'string',
    requiresArg: true,
    arg: 'FILE',
    group: 'Output:',
    describe: 'Write the report to FILE instead of stdout (- = stdout): written to a temporary file beside it and renamed when complete; never overwrites an input',
    manual:
      'Write the report to FILE instead of stdout (`-` is stdout). It is written to a temporary file beside FILE and renamed over it only when complete: a run that fails or is interrupted leaves FILE as it was. FILE is refused (exit 2) when it is an input (also through links), a folder, not a regular file, or cannot be created; a write that fails later is exit 3.',
  },
  {
    name: 'color',
    type: 'boolean',
    group: 'Output:',
    describe: 'Force colours on or off (default: on for a terminal unless NO_COLOR)',
    manual: 'Force the table\'s colours on or off. Default: on when stdout is a terminal; `NO_COLOR` and `FORCE_COLOR` are honoured, and these options win over both.',
  },
  {
    name: 'progress',
    type: 'boolean',
    group: 'Output:',
    describe: 'Progress bar on stderr while reading (default: for inputs over 32 MiB when stderr is a terminal, not with --quiet or in CI)',
    manual:
      'Force the progress bar on stderr on or off. Default: shown for inputs of 32 MiB or more when stderr is a terminal, not with `--quiet`, not when `CI` is set, not on a `TERM=dumb` terminal. It never touches stdout.',
  },
  {
    name: 'quiet',
    alias: 'q',
    type: 'boolean',
    default: false,
    group: 'Output:',
    describe: 'No summary or diagnostics on stderr',
    manual: 'Nothing on stderr but errors: no summary, no diagnostics, no progress bar.',
  },
  {
    name: 'stats',
    type: 'boolean',
    default: false,
    group: 'Output:',
    describe: 'Print timing, throughput and peak memory on stderr',
    manual: 'Print time, throughput, events, records parsed and peak memory on stderr.',
  },
  {
    name: 'fail-on-findings',
    type: 'boolean',
    default: false,
    group: 'Exit status:',
    describe: 'Exit 1 when at least one revocation is found',
    manual: 'Exit 1 when at least one revocation is reported (after `--min-severity` and `--from`/`--to`).',
  },
  {
    name: 'strict',
    type: 'boolean',
    default: false,
    group: 'Exit status:',
    describe: 'Treat any input problem as fatal (exit 3); implies --validate',
    manual: 'Any input problem (a diagnostic) is fatal: exit 3, no report written. Implies `--validate`.',
  },
  {
    name: 'validate',
    type: 'boolean',
    default: false,
    group: 'Input:',
    describe: 'Parse every record, not only those the byte pre-filter selects: every malformed record is reported and duplicates are counted exactly (slower)',
    manual:
      'Parse every record, not only those the byte pre-filter selects: every malformed record is reported, `events` counts exactly the usable events and duplicates are counted exactly. Slower, and memory grows with the number of events (about 100 bytes each). Both modes find the same revocations.',
  },
  {
    name: 'max-record-mb',
    type: 'number',
    default: 128,
    arg: 'MIB',
    group: 'Input:',
    describe: 'Skip (and report) records larger than this many MiB',
    manual: 'Records larger than this many MiB are reported and skipped as they stream by: at most this much of one is ever held in memory (above 0, at most 512). A skipped record that names `system.api_token.revoke` is called out as a possible lost revocation.',
  },
  {
    name: 'include',
    type: 'string',
    requiresArg: true,
    arg: 'GLOB',
    group: 'Input:',
    describe: "In folders, read only files matching GLOB (e.g. '*.log', 'okta/**'); repeatable",
    manual:
      "In folders, read only the files that match GLOB (`*.log`, `2024-*/**`); repeat for more patterns. A pattern without a slash matches the file name, one with a slash the path inside the folder named; letter case is ignored. Files a pattern matches are read even when hidden or named like a document. Files named on the command line are always read.",
  },
  {
    name: 'exclude',
    type: 'string',
    requiresArg: true,
    arg: 'GLOB',
    group: 'Input:',
    describe: 'In folders, leave out files and folders matching GLOB; repeatable',
    manual: 'In folders, leave out the files and folders that match GLOB (same forms as `--include`); repeat for more patterns. Wins over `--include`.',
  },
  {
    name: 'input-format',
    type: 'string',
    choices: INPUT_FORMATS,
    default: 'auto',
    arg: 'SHAPE',
    group: 'Input:',
    describe: 'Read every input as this shape instead of detecting it: ndjson (records one after another), array, document (events under --events-path or events/data), csv',
    manual:
      'Read every input as this shape instead of detecting it from its content: `ndjson` (records one after another), `array`, `document` (events under `--events-path`, or under `events` or `data`), `csv`.',
  },
  {
    name: 'events-path',
    type: 'string',
    arg: 'A.B.C',
    group: 'Input:',
    describe: 'Where JSON documents keep their event array, e.g. hits.hits or response.events',
    manual:
      'Where JSON documents keep their array of events, keys separated by dots (e.g. `hits.hits`, `response.items`). Applies to inputs whose first object has the first key; the other inputs of the run are detected as usual.',
  },
  {
    name: 'from',
    type: 'string',
    arg: 'TIME',
    group: 'Time:',
    describe: 'Report revocations (and --hunt detections) at or after this time: 2024-03-05T16:00:00Z, a UTC day (2024-03-05), or 7d = 7 days before the newest event in the input (not before now)',
    manual:
      'Report only revocations (and `--hunt` detections) published at or after TIME: an ISO 8601 time with `Z` or an offset (`2024-03-05T16:00:00Z`, `2024-03-05T17:00:00+01:00`), a date (`2024-03-05`: that UTC day, from its first millisecond; with `--to`, to its last), or a duration (`7d`, `36h`) counted back from the newest event of the input, not from now (stderr says which event that is). A time without a zone is a usage error. Activity windows still take events from before it.',
  },
  {
    name: 'to',
    type: 'string',
    arg: 'TIME',
    group: 'Time:',
    describe: 'Report revocations (and --hunt detections) at or before this time (same forms as --from)',
    manual: 'Report only revocations (and `--hunt` detections) published at or before TIME (same forms as `--from`).',
  },
  {
    name: 'tz',
    type: 'string',
    arg: 'ZONE',
    group: 'Time:',
    describe: 'Time zone of the table time column (IANA name, e.g. Europe/Berlin); other formats stay UTC (said on stderr)',
    manual: 'Time zone of the table\'s time column, as an IANA name (`Europe/Berlin`); an unknown zone is a usage error. Every other output stays UTC, which stderr says once.',
  },
  {
    name: 'before',
    type: 'string',
    default: '24h',
    arg: 'DURATION',
    group: 'Activity window:',
    describe: 'Window before each revocation (90m, 36h, 7d, 2w)',
    manual: 'How far back from each revocation its activity window reaches: a number and a unit `s`, `m`, `h`, `d` or `w` (`90m`, `36h`, `7d`, `2w`), or `0`; at most `3650d`.',
  },
  {
    name: 'after',
    type: 'string',
    default: '0',
    arg: 'DURATION',
    group: 'Activity window:',
    describe: 'Window after each revocation',
    manual: 'How far after each revocation its activity window reaches (same forms as `--before`).',
  },
  {
    name: 'window',
    type: 'boolean',
    default: true,
    group: 'Activity window:',
    describe: 'Rebuild activity windows (--no-window: rules only, one pass)',
    manual: 'Rules only: one pass, no activity windows, and so no triage signals or severities.',
  },
  {
    name: 'limit',
    type: 'number',
    default: 50,
    arg: 'N',
    group: 'Activity window:',
    describe: 'Timeline rows per window, and detection rows, in the table (0 = all)',
    manual: 'Timeline rows per window, and detection rows, in the table (`0` = all). The other formats are always complete.',
  },
  {
    name: 'max-window-events',
    type: 'number',
    default: 10000,
    arg: 'N',
    group: 'Activity window:',
    describe: 'Most events kept per window; older ones are dropped and counted (bounds memory)',
    manual: 'Most events kept per window: the latest are kept, older ones are counted in the window\'s `dropped` (`eventCount` stays exact). Bounds memory.',
  },
  {
    name: 'threads',
    type: 'number',
    default: Math.min(2, availableParallelism()),
    manualDefault: '2 (1 on a machine with one core)',
    arg: 'N',
    group: 'Input:',
    describe: 'Read large plain NDJSON and pretty-array files with this many threads (1 or 2)',
    manual: 'Read large (64 MiB or more) plain NDJSON and pretty-array files with this many threads, 1 or 2, about one half each. The output is the same either way.',
  },
  {
    name: 'hunt',
    type: 'boolean',
    default: false,
    group: 'Rules:',
    describe: 'Also report every other event a loaded rule matches, as kind "detection" records',
    manual:
      'Also report every other event a loaded rule matches, as `kind: "detection"` records (a `detections` array in `--format json`, a second table in the table). Rules without literal values to search for make it parse every record.',
  },
  ...RULE_OPTIONS,
  {
    name: 'min-severity',
    type: 'string',
    choices: SEVERITIES,
    arg: 'LEVEL',
    group: 'Triage signals:',
    describe: 'Report only revocations at least this severe (info, low, medium, high)',
    manual:
      'Report only revocations at least this severe: `info`, `low`, `medium` or `high`, in every format, in the summary and for `--fail-on-findings`. Needs activity windows.',
  },
  {
    name: 'baseline',
    type: 'string',
    default: formatDuration(DEFAULT_SIGNAL_OPTIONS.baseline),
    arg: 'DURATION',
    group: 'Triage signals:',
    describe: "History read before each window: the token's usual call rate (burst) and the revoker's earlier addresses",
    manual:
      "History read before each window: the token's usual call rate (for `burst`) and the revoker's earlier sign-in addresses (for `revoker-context`). `0` turns that history off.",
  },
  {
    name: 'burst-factor',
    type: 'number',
    default: DEFAULT_SIGNAL_OPTIONS.burstFactor,
    arg: 'N',
    group: 'Triage signals:',
    describe: "burst: the window's peak calls per minute is at least this many times the token's median per active minute",
    manual:
      "`burst` fires when the window's busiest minute has at least this many times the token's median calls per active minute in the `--baseline` before the window (1 per minute when it made none), and at least `--burst-min` calls.",
  },
  {
    name: 'burst-min',
    type: 'number',
    default: DEFAULT_SIGNAL_OPTIONS.burstMin,
    arg: 'N',
    group: 'Triage signals:',
    describe: 'burst: and at least this many calls in one minute',
    manual: '`burst` also needs at least this many calls made with the token in that minute (a whole number, at least 1).',
  },
  { name: 'parallel-min-mb', type: 'number', default: 64, hidden: true, describe: 'Smallest file read with two threads, in MiB' },
  DEBUG,
];

/** The options of `okta-revoke-scan rules list|test`, besides {@link RULE_OPTIONS}, in `--help` order. */
export const RULES_COMMAND_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    alias: 'f',
    type: 'string',
    choices: ['table', 'json'],
    arg: 'FORMAT',
    group: 'Output:',
    describe: 'Output format (default: table on a terminal, json when piped)',
  },
  { name: 'limit', type: 'number', default: 10, arg: 'N', group: 'Output:', describe: 'test: matched events shown per rule in the table (0 = all)' },
  { name: 'color', type: 'boolean', group: 'Output:', describe: 'Force colours on or off' },
  { name: 'quiet', alias: 'q', type: 'boolean', default: false, group: 'Output:', describe: 'Only rule problems on stderr' },
  DEBUG,
];

/** A scan option the `tokens` command takes as it is. */
function scanOption(name: string): OptionSpec {
  const spec = SCAN_OPTIONS.find((o) => o.name === name);
  if (spec === undefined) throw new Error(`no scan option --${name}`);
  return spec;
}

/**
 * The options of `okta-revoke-scan tokens [options] <export...>`, in `--help` order: the scan's
 * input, output and time options as they are (the same objects), and the inventory's own.
 */
export const TOKENS_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    alias: 'f',
    type: 'string',
    choices: tokenFormatNames,
    arg: 'FORMAT',
    group: 'Output:',
    describe: 'Output format (default: table on a terminal, ndjson when piped)',
    manual:
      'Output format: `table` for people (the default when stdout is a terminal), `ndjson` one token record per line (the default otherwise, and with `-o`), `json` one document, `csv` one row per token.',
  },
  ...['output', 'color', 'progress', 'quiet', 'stats'].map(scanOption),
  {
    name: 'fail-on-flags',
    type: 'boolean',
    default: false,
    group: 'Exit status:',
    describe: 'Exit 1 when a reported token carries a flag (at or above --min-severity)',
    manual: 'Exit 1 when at least one reported token carries a flag at or above `--min-severity` (any flag without it).',
  },
  ...['strict', 'validate', 'max-record-mb', 'input-format', 'events-path'].map(scanOption),
  {
    name: 'from',
    type: 'string',
    arg: 'TIME',
    group: 'Time:',
    describe: 'Count calls made at or after this time, and list only tokens with an event then (2024-03-05T00:00:00Z, or 7d before the newest event)',
    manual:
      'Count only calls made at or after TIME, and list only tokens with an event (a call, or an event naming the token) at or after it; what happened to a token before it (creation, revocation) still counts. TIME takes the forms of the scan\'s `--from`; a duration counts back from the newest event the inventory reads (a call, a token event or a user lifecycle event), and makes the calls be read a second time.',
  },
  {
    name: 'to',
    type: 'string',
    arg: 'TIME',
    group: 'Time:',
    describe: 'Count calls made at or before this time, and leave out every later event (same forms as --from)',
    manual: 'Count only calls made at or before TIME and leave out every later event: the inventory as it stood at TIME (same forms as `--from`). `dormant` counts its 30 days back from TIME.',
  },
  scanOption('tz'),
  scanOption('threads'),
  {
    name: 'min-severity',
    type: 'string',
    choices: SEVERITIES,
    arg: 'LEVEL',
    group: 'Flags:',
    describe: 'Report only tokens with a flag at least this severe (info, low, medium, high)',
    manual: 'Report only tokens that carry a flag at least this severe (`info`, `low`, `medium` or `high`), in every format, in the summary and for `--fail-on-flags`; tokens without flags are left out too.',
  },
  {
    name: 'max-places',
    type: 'number',
    default: DEFAULT_INVENTORY_OPTIONS.maxPlaces,
    arg: 'N',
    group: 'Flags:',
    describe: 'many-places: a token called from more countries, or more networks, than this',
    manual: '`many-places` flags a token whose calls came from more than N countries, or from more than N networks (AS numbers), in the range.',
  },
  {
    name: 'max-values',
    type: 'number',
    default: DEFAULT_INVENTORY_OPTIONS.maxValues,
    arg: 'N',
    group: 'Output:',
    describe: "Longest list in a record (addresses, user agents, event types, a flag's evidence); the rest are counted in omitted",
    manual:
      "Longest list in a token record: addresses, user agents and event types keep the N most used (the others are counted in `omitted`), a flag's evidence its N earliest events. At least 1.",
  },
  scanOption('parallel-min-mb'),
  DEBUG,
];
