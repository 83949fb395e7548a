// Parses Okta `published` values: ISO 8601 with Z or an offset, and `YYYY-MM-DD HH:MM:SS.fff` (UTC).

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds for a `published` string, or null when it is not a time this tool accepts.
 * Without a zone (Panther writes `2021-01-08 21:28:34.875`) the time is taken as UTC, as Okta
 * itself only ever writes UTC. Fractions beyond milliseconds are truncated.
 */
export function parsePublished(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = m[6] === undefined ? 0 : +m[6];
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return null;
  if (month === 2 && day === 29 && !isLeap(year)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = m[7] === undefined ? 0 : +(m[7] + '00').slice(0, 3);
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year < 100) t = new Date(t).setUTCFullYear(year);
  if (m[9] !== undefined) {
    const oh = +m[10]!;
    const om = +m[11]!;
    if (oh > 23 || om > 59) return null;
    const off = (oh * 60 + om) * 60_000;
    t += m[9] === '+' ? -off : off;
  }
  return t;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** ISO 8601 UTC with milliseconds, the form every output uses. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
