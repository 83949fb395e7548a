// `okta-revoke-scan sql`'s output: a short header comment (version, options, expected table) and the query.
import type { DialectName, Layout } from './dialect.js';
import { DIALECTS } from './dialects.js';
import { TOP_LEVEL_KEYS } from './fields.js';
import { buildQuery, type QueryOptions } from './query.js';

/** The options as given on the command line, for the header and for the scan the result is piped into. */
export interface OptionTexts {
  before: string;
  after: string;
  baseline: string;
  from: string | null;
  to: string | null;
}

/** Everything one statement depends on. */
export interface StatementOptions extends QueryOptions {
  dialect: DialectName;
  version: string;
  texts: OptionTexts;
}

/** A value as one shell word: as it is when plain, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9:.,_+@%/=-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** The scan options that must match the query's (window, history, range), as shell words. */
export function scanArguments(t: OptionTexts): string {
  const range = [t.from === null ? '' : ` --from ${shellWord(t.from)}`, t.to === null ? '' : ` --to ${shellWord(t.to)}`].join('');
  return `--before ${shellWord(t.before)} --after ${shellWord(t.after)} --baseline ${shellWord(t.baseline)}${range}`;
}

function tableLines(o: StatementOptions): string[] {
  if (o.layout === 'text') return [`-- Table ${o.table}: one Okta System Log event per row, as JSON text in column ${o.column}.`];
  // The keys, a few to a line.
  const lines: string[] = [];
  for (const key of TOP_LEVEL_KEYS) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + key.length < 90) lines[lines.length - 1] = `${last} ${key},`;
    else lines.push(`-- ${key},`);
  }
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '');
  return [`-- Table ${o.table}: one Okta System Log event per row, one column per top-level key as Okta spells it:`, ...lines, '-- (nested objects as structs, maps or JSON).'];
}

/** The statement: header comment lines, then the query (no trailing semicolon). */
export function sqlStatement(o: StatementOptions): string {
  const layout: Layout = o.layout;
  const args = scanArguments(o.texts);
  const header = [
    `-- okta-revoke-scan ${o.version} sql --dialect ${o.dialect} --table ${shellWord(o.table)} --column ${shellWord(o.column)} --layout ${layout} ${args}`,
    ...tableLines(o),
    '-- Returns column event: every event the report needs (revocations, token lifecycle, linked events,',
    '-- signal history), each once, oldest first. Write it as NDJSON and scan it with the same options:',
    `--   okta-revoke-scan - ${args}`,
  ];
  return `${header.join('\n')}\n${buildQuery(DIALECTS[o.dialect], o)}\n`;
}
