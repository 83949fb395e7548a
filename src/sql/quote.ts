// Quoting for SQL text: string literals and (possibly qualified) identifiers.
import { UsageError } from '../errors.js';

/** A string literal in standard SQL: single quotes doubled. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A plain name needs no quotes: letters, digits and underscores, not starting with a digit. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A table or column name as the user gave it: `okta_logs`, `lake.okta.logs`. Each dotted part
 * that is not a plain name is quoted with `quote` (the quote doubled inside). An empty part or a
 * control character is refused: it cannot be what the user meant.
 */
export function quoteName(name: string, quote: '"' | '`'): string {
  const parts = name.split('.');
  if (parts.some((p) => p.trim() === '') || /[\u0000-\u001f]/.test(name)) {
    throw new UsageError(`'${name}' is not a table or column name (dotted parts, none empty)`);
  }
  return parts.map((p) => (PLAIN.test(p) ? p : `${quote}${p.split(quote).join(quote + quote)}${quote}`)).join('.');
}
