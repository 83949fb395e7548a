// `published` → epoch milliseconds in SQL, exactly as src/events/time.ts parses it, with integer arithmetic every engine has.
import type { Dialect } from './dialect.js';

/**
 * The pattern of src/events/time.ts with capturing groups only and no backslashes (some engines
 * read backslashes in string literals). Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute,
 * 7 second, 9 fraction, 12 offset sign, 13 offset hours, 14 offset minutes.
 */
export const PUBLISHED_PATTERN =
  '^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.,]([0-9]{1,9}))?)?[ ]*(([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?$';

/** The longest `published` text the CLI reads. */
export const MAX_PUBLISHED_LENGTH = 40;

/**
 * SELECT-list items turning the capture groups in column `groups` into integers, NULL when the
 * text is not a time: p_y, p_mo, p_d, p_h, p_mi, p_s (year to second), p_ms (a fraction
 * truncated to 3 digits), p_oh, p_om (offset hours and minutes) and p_sign (1 for `-`, -1 for
 * `+`, 0 for none: how the offset is added to reach UTC).
 */
export function timeParts(d: Dialect, groups: string): string[] {
  const g = (n: number) => d.group(groups, n, PUBLISHED_PATTERN);
  const int = (n: number) => `CASE WHEN ${g(n)} = '' THEN NULL ELSE ${d.int(g(n))} END`;
  const opt = (n: number) => `CASE WHEN ${g(n)} = '' THEN 0 ELSE ${d.int(g(n))} END`;
  const matched = (e: string) => `CASE WHEN ${g(1)} = '' THEN NULL ELSE ${e} END`;
  return [
    `${int(1)} AS p_y`,
    `${int(2)} AS p_mo`,
    `${int(3)} AS p_d`,
    `${int(4)} AS p_h`,
    `${int(5)} AS p_mi`,
    `${matched(opt(7))} AS p_s`,
    `${matched(`CASE WHEN ${g(9)} = '' THEN 0 ELSE ${d.int(`substr(${g(9)} || '00', 1, 3)`)} END`)} AS p_ms`,
    `${matched(opt(13))} AS p_oh`,
    `${matched(opt(14))} AS p_om`,
    `${matched(`CASE WHEN ${g(12)} = '-' THEN 1 WHEN ${g(12)} = '+' THEN -1 ELSE 0 END`)} AS p_sign`,
  ];
}

/** Days from 1970-01-01 to the proleptic Gregorian date (y ≥ 0), H. Hinnant's days_from_civil. */
function daysFromCivil(d: Dialect, y: string, m: string, day: string): string {
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  // floor(yy / 400) for yy ≥ -1 (year 0000 in January or February).
  const era = `(${d.div(`${yy} + 400`, '400')} - 1)`;
  const yoe = `(${yy} - ${era} * 400)`;
  const mp = `(CASE WHEN ${m} > 2 THEN ${m} - 3 ELSE ${m} + 9 END)`;
  const doy = `(${d.div(`153 * ${mp} + 2`, '5')} + ${day} - 1)`;
  const doe = `(${yoe} * 365 + ${d.div(yoe, '4')} - ${d.div(yoe, '100')} + ${doy})`;
  return `(${era} * 146097 + ${doe} - 719468)`;
}

/** Whether the parts are a real date and time (what parsePublished checks), over the timeParts columns. */
function valid(): string {
  const leap = '((p_y % 4 = 0 AND p_y % 100 <> 0) OR p_y % 400 = 0)';
  const dim = `CASE WHEN p_mo = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN p_mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `p_mo BETWEEN 1 AND 12 AND p_d BETWEEN 1 AND ${dim} AND p_h <= 23 AND p_mi <= 59 AND p_s <= 59 AND p_oh <= 23 AND p_om <= 59`;
}

/** Epoch milliseconds from the timeParts columns, or NULL when they are not a valid time. */
export function epochMs(d: Dialect): string {
  const days = daysFromCivil(d, 'p_y', 'p_mo', 'p_d');
  const local = `${days} * 86400000 + p_h * 3600000 + p_mi * 60000 + p_s * 1000 + p_ms`;
  return `CASE WHEN p_y IS NULL THEN NULL WHEN ${valid()} THEN ${local} + p_sign * (p_oh * 60 + p_om) * 60000 ELSE NULL END`;
}
