// The timeline's time axis: a linear time-to-pixel scale and round tick times, in UTC or a time zone.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings tried, smallest first: round numbers a reader counts in. */
const STEPS = [
  SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY,
];

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of `timeZone` at `at`, in ms (0 for UTC, i.e. `null`). */
export function zoneOffset(at: number, timeZone: string | null): number {
  if (timeZone === null) return 0;
  let fmt = offsetFormats.get(timeZone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, fmt);
  }
  const name = fmt.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * MINUTE);
}

/** `2024-03-05T16:18:30` of the wall clock in `timeZone` (UTC for null). */
function wallClock(at: number, timeZone: string | null): string {
  return new Date(at + zoneOffset(at, timeZone)).toISOString().slice(0, 19);
}

/** `16:18:30` (or `16:18` without seconds) on the wall clock of `timeZone`. */
export function clockText(at: number, timeZone: string | null, seconds = true): string {
  return wallClock(at, timeZone).slice(11, seconds ? 19 : 16);
}

/** `2024-03-05` on the wall clock of `timeZone`. */
function dateText(at: number, timeZone: string | null): string {
  return wallClock(at, timeZone).slice(0, 10);
}

/** A tick of the axis: its time, the clock text, and the date when it is the first tick of a day shown. */
export interface Tick {
  at: number;
  label: string;
  date: string | null;
}

/**
 * Round tick times in [from, to] about `count` apart at most (spacing from STEPS, aligned on the
 * wall clock of `timeZone`), each with its clock text; the first tick, and every tick on a new
 * day, also carries its date.
 */
export function timeTicks(from: number, to: number, count: number, timeZone: string | null): Tick[] {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= Math.max(1, count)) ?? STEPS[STEPS.length - 1]!;
  const offset = zoneOffset(from, timeZone);
  // Multiples of the step on the wall clock (days from midnight; weeks and longer from 1970-01-01).
  let at = Math.ceil((from + offset) / step) * step - offset;
  const ticks: Tick[] = [];
  let lastDate = '';
  for (; at <= to && ticks.length < 1000; at += step) {
    const date = dateText(at, timeZone);
    ticks.push({ at, label: step >= DAY ? date.slice(5) : clockText(at, timeZone, step < MINUTE), date: date === lastDate || step >= DAY ? null : date });
    lastDate = date;
  }
  return ticks;
}

/** A linear map from times in [from, to] to pixels in [x0, x1]. */
export function timeScale(from: number, to: number, x0: number, x1: number): (at: number) => number {
  const span = Math.max(1, to - from);
  return (at) => x0 + ((at - from) / span) * (x1 - x0);
}
