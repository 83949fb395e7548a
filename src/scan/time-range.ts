// `--from` / `--to`: absolute instants (with Z or an offset) or durations before the newest event.
import { UsageError } from '../errors.js';
import { isoUtc, parsePublished } from '../events/time.js';
import { parseDuration } from '../window/duration.js';

/** One end of the range: an instant, or a duration before the newest event of the input. */
export type Bound = { kind: 'at'; ms: number } | { kind: 'before-newest'; ms: number };

/** The range of revocation times to report; either end may be open. */
export interface TimeRange {
  from: Bound | null;
  to: Bound | null;
}

/** An ISO 8601 date and time that carries its zone: `Z`, `+01:00`, `-0500`. */
const ZONED = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:[Zz]|[+-]\d{2}:?\d{2})$/;

/** A date alone: a UTC day. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a `--from`/`--to` value: an ISO 8601 instant with `Z` or an offset, a date (a UTC day:
 * `--from` starts at its first millisecond, `--to` ends at its last), or a duration (`7d`, `36h`, …)
 * counted back from the newest event. A time without a zone is refused (exit 2): it would silently
 * mean a different instant on another responder's machine.
 */
export function parseBound(text: string, option: string): Bound {
  const t = text.trim();
  if (/^\d+(?:\.\d+)?\s*[smhdw]$/i.test(t) || t === '0') return { kind: 'before-newest', ms: parseDuration(t, option) };
  if (DATE.test(t)) {
    const start = parsePublished(`${t}T00:00:00Z`);
    if (start === null) throw new UsageError(`${option}: '${text}' is not a valid date`);
    return { kind: 'at', ms: option === '--to' ? start + 86_400_000 - 1 : start };
  }
  if (ZONED.test(t)) {
    const ms = parsePublished(t);
    if (ms !== null) return { kind: 'at', ms };
    throw new UsageError(`${option}: '${text}' is not a valid date and time`);
  }
  const hint = /^\d{4}-\d{2}-\d{2}/.test(t)
    ? `'${text}' has no time zone: add Z or an offset (e.g. ${t.replace(' ', 'T')}Z), or give the date alone (a UTC day)`
    : `takes an ISO 8601 time with Z or an offset (2024-03-05T16:00:00Z), a date (2024-03-05, a UTC day) or a duration counted back from the newest event in the input, not from now (7d, 36h); got '${text}'`;
  throw new UsageError(`${option} ${hint}`);
}

/** Checks that an absolute range is not empty. */
export function checkRange(range: TimeRange): void {
  const { from, to } = range;
  if (from?.kind === 'at' && to?.kind === 'at' && from.ms > to.ms) throw new UsageError('--from is later than --to');
}

/** The range as instants, given the newest event seen (a relative end stays open when there is none). */
export function resolveRange(range: TimeRange, newest: number | null): { from: number; to: number } {
  const at = (b: Bound | null, open: number): number => {
    if (b === null) return open;
    if (b.kind === 'at') return b.ms;
    return newest === null ? open : newest - b.ms;
  };
  return { from: at(range.from, -Infinity), to: at(range.to, Infinity) };
}

/** `2024-03-05T16:00:00.000Z`, or `…` for an open end. */
export function describeEnd(ms: number): string {
  return Number.isFinite(ms) ? isoUtc(ms) : '…';
}
