// burst: the token's peak calls per minute in the window against its own usual rate.
import { plural } from '../text/plural.js';
import { roughly, utc, type SignalContext } from './context.js';
import type { Signal } from '../model/signal.js';

const MINUTE = 60_000;

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The busiest minute (earliest on a tie) and its count, or null for no calls. */
function peakOf(minutes: ReadonlyMap<number, number>): { minute: number; count: number } | null {
  let best: { minute: number; count: number } | null = null;
  for (const [minute, count] of minutes) {
    if (best === null || count > best.count || (count === best.count && minute < best.minute)) best = { minute, count };
  }
  return best;
}

/**
 * Fires (medium) when the window's busiest minute of calls made with the token reaches both
 * `burstMin` calls and `burstFactor` × the baseline: the median count over the minutes with at
 * least one call in the `baseline` period before the window (second pass). With no call in that
 * period the baseline is taken as 1 call per minute. Evidence: the window's calls in that minute.
 */
export function burstSignals(ctx: SignalContext): Signal[] {
  const a = ctx.activity;
  if (a === null) return [];
  const peak = peakOf(a.windowMinutes);
  if (peak === null) return [];
  const counts = [...a.baselineMinutes.values()];
  const usual = counts.length > 0 ? median(counts) : 1;
  const { burstMin, burstFactor } = ctx.options;
  if (peak.count < burstMin || peak.count < burstFactor * usual) return [];
  const from = peak.minute * MINUTE;
  const evidence = ctx.calls.filter((e) => e.published >= from && e.published < from + MINUTE).map((e) => e.uuid);
  const period = roughly(ctx.start - a.baselineFrom);
  const against = counts.length > 0
    ? `a median of ${usual} per active minute in the ${period} before the window (${plural(counts.length, 'active minute')})`
    : `no call in the ${period} before the window (taken as 1 per minute)`;
  return [{
    id: 'burst',
    severity: 'medium',
    message: `${peak.count} calls made with the token in one minute (${utc(from).slice(0, 16)}Z), against ${against}`,
    evidence,
  }];
}
