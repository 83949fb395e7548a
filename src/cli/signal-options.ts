// Reads the triage signals' command-line options (--min-severity, --baseline, --burst-factor, --burst-min; defined in option-table.ts).
import { UsageError } from '../errors.js';
import type { SignalOptions } from '../signals/options.js';
import type { Severity } from '../model/severity.js';
import { parseDuration } from '../window/duration.js';

/** The signal settings of a command line. */
export interface SignalCliOptions {
  signals: SignalOptions;
  /** Report only findings at least this severe; null = all. */
  minSeverity: Severity | null;
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
