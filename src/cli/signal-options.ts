// Command-line options of the triage signals: --min-severity, --baseline, --burst-factor, --burst-min.
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { DEFAULT_SIGNAL_OPTIONS, type SignalOptions } from '../signals/options.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { formatDuration, parseDuration } from '../window/duration.js';

/** The signal settings of a command line. */
export interface SignalCliOptions {
  signals: SignalOptions;
  /** Report only findings at least this severe; null = all. */
  minSeverity: Severity | null;
}

const GROUP = 'Triage signals:';

/** Adds the signal options to a yargs parser. */
export function withSignalOptions<T>(parser: Argv<T>) {
  return parser
    .option('min-severity', { choices: SEVERITIES, describe: 'Report only revocations at least this severe (info, low, medium, high)', group: GROUP })
    .option('baseline', {
      type: 'string',
      default: formatDuration(DEFAULT_SIGNAL_OPTIONS.baseline),
      describe: "History read before each window: the token's usual call rate (burst) and the revoker's earlier addresses",
      group: GROUP,
    })
    .option('burst-factor', {
      type: 'number',
      default: DEFAULT_SIGNAL_OPTIONS.burstFactor,
      describe: "burst: the window's peak calls per minute is at least this many times the token's median per active minute",
      group: GROUP,
    })
    .option('burst-min', {
      type: 'number',
      default: DEFAULT_SIGNAL_OPTIONS.burstMin,
      describe: 'burst: and at least this many calls in one minute',
      group: GROUP,
    })
    .example('$0 --min-severity medium export.ndjson', 'Only revocations whose window looks unusual');
}

/** Reads and checks the signal options; `windows` says whether activity windows are on. */
export function signalCliOptions(args: Record<string, unknown>, windows: boolean): SignalCliOptions {
  const burstFactor = args['burst-factor'] as number;
  if (!Number.isFinite(burstFactor) || burstFactor <= 0) throw new UsageError('--burst-factor takes a number above 0');
  const burstMin = args['burst-min'] as number;
  if (!Number.isInteger(burstMin) || burstMin < 1) throw new UsageError('--burst-min takes a whole number of at least 1');
  const minSeverity = (args['min-severity'] as Severity | undefined) ?? null;
  if (minSeverity !== null && !windows) throw new UsageError('--min-severity needs activity windows (severities come from them): drop --no-window');
  return {
    signals: { baseline: parseDuration(String(args.baseline), '--baseline'), burstFactor, burstMin },
    minSeverity,
  };
}
