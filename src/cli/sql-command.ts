// `okta-revoke-scan sql`: prints the query that reduces a table of System Log events to what a scan of them needs.
import { commandParser } from './command-parser.js';
import { helpWidth } from './yargs-table.js';
import { ExitCode } from '../errors.js';
import { checkRange, parseBound, type Bound } from '../scan/time-range.js';
import { DEFAULT_SIGNAL_OPTIONS } from '../signals/options.js';
import { DIALECT_NAMES, type DialectName, type Layout } from '../sql/dialect.js';
import { quoteName } from '../sql/quote.js';
import { sqlStatement, type StatementOptions } from '../sql/statement.js';
import { formatDuration, parseDuration } from '../window/duration.js';
import { writeChunk, type Io } from './io.js';
import { parseWith } from './yargs-parse.js';

/** Parsed `sql` command line: everything the statement depends on. */
export interface SqlCommandOptions extends StatementOptions {
  debug: boolean;
}

const EPILOG = `The query returns one column, event: every revocation, the revoked tokens' lifecycle events
(their creation wherever it is), every event the token, actor, owner and ip links put in a window,
and the history the triage signals read (--baseline). Write it as NDJSON and scan it with the same
--before, --after, --baseline, --from and --to: the findings are those of a scan of the whole table.
Rules are applied by that scan (every revocation is in the result), so any rule set gives the same
findings; --hunt needs the whole table. docs/engines.md shows each engine end to end.`;

/** Parses the arguments after `sql`. Throws UsageError for a bad command line. */
export async function parseSqlArgs(
  argv: string[],
  version: string,
  width: number | undefined,
): Promise<{ kind: 'print'; text: string } | { kind: 'sql'; options: SqlCommandOptions }> {
  const usage = 'Usage: $0 --dialect <engine> [options]\n\nPrint one SQL query that returns, from a table of Okta System Log events, every event a scan needs.';
  const parser = commandParser('okta-revoke-scan sql', usage, version, helpWidth(width))
    .strict()
    .option('dialect', { choices: DIALECT_NAMES, demandOption: true, describe: 'SQL engine (trino also for Athena, spark for Databricks)', group: 'Table:' })
    .option('table', { type: 'string', default: 'okta_logs', requiresArg: true, describe: 'Table (or view) of events, optionally qualified (db.schema.table)', group: 'Table:' })
    .option('column', { type: 'string', default: 'event', requiresArg: true, describe: 'Column holding each event as JSON text (--layout text)', group: 'Table:' })
    .option('layout', {
      choices: ['text', 'columns'] as const,
      default: 'text',
      describe: "text: one column of JSON text; columns: one column per top-level key (Athena's JSON SerDe, ClickHouse JSONEachRow)",
      group: 'Table:',
    })
    .option('before', { type: 'string', default: '24h', describe: 'Window before each revocation (as for the scan)', group: 'Scan options the query must match:' })
    .option('after', { type: 'string', default: '0', describe: 'Window after each revocation', group: 'Scan options the query must match:' })
    .option('baseline', { type: 'string', default: formatDuration(DEFAULT_SIGNAL_OPTIONS.baseline), describe: 'History read before each window (triage signals)', group: 'Scan options the query must match:' })
    .option('from', { type: 'string', describe: 'Only revocations at or after this time (2024-03-05T00:00:00Z, or 7d before the newest event)', group: 'Scan options the query must match:' })
    .option('to', { type: 'string', describe: 'Only revocations at or before this time (same forms as --from)', group: 'Scan options the query must match:' })
    .option('debug', { type: 'boolean', default: false, hidden: true })
    .example('$0 --dialect duckdb > reduce.sql', 'The query for a DuckDB table okta_logs(event VARCHAR)')
    .example('$0 --dialect trino --table okta.system_log --layout columns --from 30d', 'Athena over a JSON SerDe table, revocations of the last 30 days')
    .epilog(EPILOG);
  const { args, print } = await parseWith(parser, argv);
  if (print !== null) return { kind: 'print', text: print };
  const text = (name: string) => String(args[name]).trim();
  const bound = (name: 'from' | 'to'): Bound | null => (args[name] === undefined ? null : parseBound(text(name), `--${name}`));
  // A name that cannot be quoted is a usage error now, not when the query is written.
  quoteName(text('table'), '"');
  quoteName(text('column'), '"');
  const from = bound('from');
  const to = bound('to');
  checkRange({ from, to });
  return {
    kind: 'sql',
    options: {
      dialect: args.dialect as DialectName,
      table: text('table'),
      column: text('column'),
      layout: args.layout as Layout,
      before: parseDuration(text('before'), '--before'),
      after: parseDuration(text('after'), '--after'),
      baseline: parseDuration(text('baseline'), '--baseline'),
      from,
      to,
      version,
      debug: args.debug as boolean,
      texts: { before: text('before'), after: text('after'), baseline: text('baseline'), from: from ? text('from') : null, to: to ? text('to') : null },
    },
  };
}

/** Writes the statement on stdout (and nothing else). */
export async function runSqlCommand(options: SqlCommandOptions, io: Io): Promise<ExitCode> {
  await writeChunk(io.stdout, sqlStatement(options));
  return ExitCode.Ok;
}
