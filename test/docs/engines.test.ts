// docs/engines.md: its DuckDB worked example on samples/okta-export.ndjson, run as written (the view, the query, the counts, the summary line).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/sql/dialects.js';
import { runCli } from '../helpers/run-cli.js';
import { printedQuery, scanFindings } from '../sql/compare.js';
import { duckdbEngine, type Engine } from '../sql/engines.js';

const doc = readFileSync('docs/engines.md', 'utf8');
const section = doc.slice(doc.indexOf('## DuckDB: the worked example'), doc.indexOf('## PostgreSQL'));
/** The fenced blocks of the section, in order. */
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)\n```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const commands = blocks[0]!.text.split('\n');

let engine: Engine;
beforeAll(async () => {
  engine = await duckdbEngine();
});
afterAll(() => engine.close());

describe('docs/engines.md, DuckDB worked example', () => {
  it('runs as written on the sample export', async () => {
    // okta-revoke-scan sql --dialect duckdb > reduce.sql
    const [cli, redirect] = commands[0]!.split(' > ');
    expect(redirect).toBe('reduce.sql');
    const r = await runCli(cli!.split(' ').slice(1));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await printedQuery('duckdb', 'text', []));
    // duckdb okta.duckdb -c "CREATE VIEW okta_logs AS …"
    const view = /^duckdb okta\.duckdb -c "(.*)"$/.exec(commands[1]!)![1]!;
    await engine.rows('DROP VIEW IF EXISTS okta_logs');
    await engine.rows(view);
    // duckdb okta.duckdb -list -noheader < reduce.sql > reduced.ndjson
    expect(commands[2]).toBe('duckdb okta.duckdb -list -noheader < reduce.sql > reduced.ndjson');
    const reduced = await engine.rows(r.stdout);
    const sample = readFileSync('samples/okta-export.ndjson', 'utf8').trim().split('\n');
    expect(section).toContain(`\`reduced.ndjson\` holds ${reduced.length} of the ${sample.length} events`);
    // okta-revoke-scan reduced.ndjson --format csv -o report.csv: the summary line shown.
    expect(commands[3]).toBe('okta-revoke-scan reduced.ndjson --format csv -o report.csv');
    const scan = await runCli(['-', '--format', 'csv'], { stdin: `${reduced.join('\n')}\n` });
    expect(scan.code).toBe(0);
    expect(scan.stderr).toBe(`${blocks[1]!.text}\n`);
    // …and the findings of the whole export.
    expect(await scanFindings(reduced, [])).toEqual(await scanFindings(sample, []));
    await engine.rows('DROP VIEW okta_logs');
  });

  it('the columns layout table, made as shown', async () => {
    const create = blocks[2]!.text.replace('logs/*.ndjson.gz', 'samples/okta-export.ndjson');
    expect(create).toContain("read_json('samples/okta-export.ndjson', sample_size = -1)");
    await engine.rows('DROP TABLE IF EXISTS okta_logs');
    await engine.rows(create.replace(/;$/, ''));
    const whole = await engine.rows(DIALECTS.duckdb.source('columns', 'okta_logs', 'event'));
    const reduced = await engine.rows(await printedQuery('duckdb', 'columns', []));
    expect(reduced.length).toBeLessThan(whole.length);
    expect(await scanFindings(reduced, [])).toEqual(await scanFindings(whole, []));
  });
});
