// Durations on the command line: 90m, 36h, 7d, 2w, 30s, 0 → milliseconds.
import { UsageError } from '../errors.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses `<number><unit>` (units s, m, h, d, w) or `0`. Throws UsageError naming the option. */
export function parseDuration(text: string, option: string): number {
  const t = text.trim();
  if (t === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(t);
  if (!m) throw new UsageError(`${option} takes a duration like 90m, 36h, 7d or 2w (got '${text}')`);
  const ms = Math.round(parseFloat(m[1]!) * UNITS[m[2]!.toLowerCase()]!);
  if (!Number.isFinite(ms) || ms > 3650 * UNITS.d!) throw new UsageError(`${option} is too long (at most 3650d)`);
  return ms;
}

/** The shortest exact rendering of a duration: 86400000 → `24h`, 5400000 → `90m`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const u of ['w', 'd', 'h', 'm', 's']) {
    const size = UNITS[u]!;
    if (ms % size === 0) return `${ms / size}${u}`;
  }
  return `${ms / 1000}s`;
}
