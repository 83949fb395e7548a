// Trino/Athena and Spark SQL are not executed here: every query for them is parsed with node-sql-parser's grammars, and kept as golden files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const { Parser } = require('node-sql-parser') as typeof import('node-sql-parser');
const parser = new Parser();

/** The node-sql-parser grammars each unexecuted dialect is checked with. */
const GRAMMARS = { trino: ['trino', 'athena'], spark: ['hive'] } as const;
const GOLDEN = 'test/fixtures/sql';
const update = process.env.UPDATE_GOLDEN === '1';

async function statement(args: string[]): Promise<string> {
  const r = await runCli(['sql', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

function parses(sql: string, database: string): void {
  const ast = parser.astify(sql, { database });
  expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
}

describe.each(Object.entries(GRAMMARS))('%s', (dialect, grammars) => {
  it.each(['text', 'columns'])('%s layout: parses, and matches its golden file', async (layout) => {
    const sql = await statement(['--dialect', dialect, '--layout', layout]);
    for (const g of grammars) parses(sql, g);
    const path = join(GOLDEN, `${dialect}-${layout}.sql`);
    // The version in the header changes with every release: the golden file holds the rest.
    const stable = sql.replace(/^-- okta-revoke-scan \S+ /, '-- okta-revoke-scan VERSION ');
    if (update || !existsSync(path)) {
      if (!update) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/sql/syntax.test.ts and review it`);
      writeFileSync(path, stable);
    }
    expect(stable).toBe(readFileSync(path, 'utf8'));
  });

  it.each([
    ['a relative range', ['--from', '7d', '--to', '1d']],
    ['an absolute range and other windows', ['--from', '2024-03-05T00:00:00Z', '--to', '2024-03-06T00:00:00+01:00', '--before', '90m', '--after', '2h', '--baseline', '0']],
    ['a qualified table and another column', ['--table', 'okta.system_log', '--column', 'raw_event']],
  ])('parses with %s', async (_, extra) => {
    for (const layout of ['text', 'columns']) {
      const sql = await statement(['--dialect', dialect, '--layout', layout, ...extra]);
      for (const g of grammars) parses(sql, g);
    }
  });
});
