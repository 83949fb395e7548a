// Test helper: the SQL engines the tests run queries on (DuckDB, chDB, PGlite), each holding one table okta_logs in either layout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName, Layout } from '../../src/sql/dialect.js';
import { TOP_LEVEL_KEYS } from '../../src/sql/fields.js';

/** One engine with a table `okta_logs`. */
export interface Engine {
  readonly name: DialectName;
  /** Replaces okta_logs with these events (JSON texts): one `event` column, or one column per top-level key. */
  load(events: readonly string[], layout: Layout, keys?: readonly string[]): Promise<void>;
  /** The first column of every row the query returns, as text. */
  rows(sql: string): Promise<string[]>;
  /** An expression as text, in this engine's SQL. */
  text(expr: string): string;
  close(): Promise<void>;
}

/** The events a loader of a table with one column per key accepts: JSON objects (a broken line is rejected). */
function objects(events: readonly string[]): string[] {
  return events.filter((e) => {
    try {
      const v = JSON.parse(e) as unknown;
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    } catch {
      return false;
    }
  });
}

/** A scratch folder for files the engines read, removed on close. */
function scratch(): { dir: string; file: (name: string, lines: readonly string[]) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'okta-sql-'));
  return {
    dir,
    file: (name, lines) => {
      const path = join(dir, name);
      writeFileSync(path, lines.length ? `${lines.join('\n')}\n` : '');
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** DuckDB in memory (@duckdb/node-api). Columns layout: read_json's own schema, as a user would load an export. */
export async function duckdbEngine(): Promise<Engine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const s = scratch();
  let n = 0;
  return {
    name: 'duckdb',
    text: (expr) => `CAST(${expr} AS VARCHAR)`,
    async load(events, layout) {
      const path = s.file(`events-${n++}.ndjson`, layout === 'text' ? events : objects(events));
      await c.run('DROP TABLE IF EXISTS okta_logs');
      if (layout === 'text') {
        // One line, one value: no delimiter, quote or escape character can occur in it.
        await c.run(`CREATE TABLE okta_logs AS SELECT event FROM read_csv('${path}', columns = {'event': 'VARCHAR'}, delim = '\x01', quote = '', escape = '', header = false, auto_detect = false, strict_mode = false)`);
      } else {
        await c.run(`CREATE TABLE okta_logs AS SELECT * FROM read_json('${path}', format = 'newline_delimited')`);
      }
    },
    async rows(sql) {
      const r = await c.runAndReadAll(sql);
      return r.getRows().map((row) => String(row[0]));
    },
    close() {
      c.closeSync();
      db.closeSync();
      s.remove();
      return Promise.resolve();
    },
  };
}

/** chDB, ClickHouse in-process (one session per test file: it loads a 500 MB library). Columns layout: JSONEachRow schema inference. */
export function clickhouseEngine(): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const { Session } = require('chdb') as typeof import('chdb');
  const session = new Session();
  const s = scratch();
  let n = 0;
  return Promise.resolve({
    name: 'clickhouse',
    text: (expr) => `toString(${expr})`,
    async load(events, layout) {
      session.query('DROP TABLE IF EXISTS okta_logs');
      if (layout === 'text') {
        session.query('CREATE TABLE okta_logs (event String) ENGINE = Memory');
        if (events.length) await session.insert({ table: 'okta_logs', values: events.map((e) => JSON.stringify({ event: e })).join('\n'), format: 'JSONEachRow' });
      } else {
        const path = s.file(`events-${n++}.ndjson`, objects(events));
        // A key whose values differ in shape (target: an array, or one object) becomes a Variant.
        session.query(`CREATE TABLE okta_logs ENGINE = Memory AS SELECT * FROM file('${path}', JSONEachRow) SETTINGS input_format_try_infer_variants = 1`);
      }
    },
    rows(sql) {
      const out = session.query(sql, 'JSONCompactEachRow');
      return Promise.resolve(out.split('\n').filter((l) => l !== '').map((l) => String((JSON.parse(l) as unknown[])[0])));
    },
    close() {
      session.cleanup();
      s.remove();
      return Promise.resolve();
    },
  });
}

/**
 * PostgreSQL in WebAssembly (PGlite). Columns layout: one column per top-level key (`keys`, as
 * Okta spells them unless given), text for scalars and jsonb for objects, filled by
 * jsonb_populate_recordset.
 */
export async function postgresEngine(): Promise<Engine> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  const objectKeys = new Set(['actor', 'client', 'device', 'authenticationContext', 'securityContext', 'debugContext', 'outcome', 'target', 'transaction', 'request']);
  return {
    name: 'postgres',
    text: (expr) => `CAST(${expr} AS text)`,
    async load(events, layout, keys = TOP_LEVEL_KEYS) {
      await db.exec('DROP TABLE IF EXISTS okta_logs');
      if (layout === 'text') {
        await db.exec('CREATE TABLE okta_logs (event text)');
        await db.query('INSERT INTO okta_logs (event) SELECT unnest($1::text[])', [events]);
        return;
      }
      const columns = keys.map((k) => `"${k}" ${objectKeys.has(TOP_LEVEL_KEYS.find((t) => t.toLowerCase() === k.toLowerCase()) ?? k) ? 'jsonb' : 'text'}`);
      await db.exec(`CREATE TABLE okta_logs (${columns.join(', ')})`);
      await db.query('INSERT INTO okta_logs SELECT * FROM jsonb_populate_recordset(NULL::okta_logs, $1::jsonb)', [`[${objects(events).join(',')}]`]);
    },
    async rows(sql) {
      const r = await db.query<Record<string, unknown>>(sql, [], { rowMode: 'array' } as never);
      return (r.rows as unknown as unknown[][]).map((row) => String(row[0]));
    },
    async close() {
      await db.close();
    },
  };
}
