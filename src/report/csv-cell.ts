// One CSV cell: terminal-unsafe characters escaped, formula-injection guarded, RFC 4180 quoted.
import { safeText } from './sanitize.js';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * that some spreadsheets strip before doing so). OWASP's CSV-injection list.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Printable ASCII but `\`: a value `safeText` returns as it is. Most log values are; testing this
 * first skips safeText's Unicode-property expression, half the time of a large report's cells.
 * (Kept here: sanitize.ts is also bundled into the HTML report's page script, which must not change.)
 */
const PLAIN_TEXT = /^[\x20-\x5b\x5d-\x7e]*$/;

/** Characters that force a cell to be quoted (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A value as one CSV field. `null`/`undefined` are an empty field. Text from the log goes through
 * `safeText` (controls, bidi and invisible characters as `\x1b`-style escapes, `\` as `\\`), so a
 * cell never carries a raw line break or escape sequence; a cell that would start with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading `'`, so a spreadsheet shows it as text instead of
 * evaluating it; a cell holding `"`, `,`, CR or LF is quoted, with `"` doubled.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  let text = PLAIN_TEXT.test(value) ? value : safeText(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Fields as one CSV record ending in CRLF (RFC 4180 §2.1). */
export function csvRecord(fields: readonly (string | null | undefined)[]): string {
  return `${fields.map(csvCell).join(',')}\r\n`;
}
