// `npm run bench -- --sql`: DuckDB runs the reducer query over a generated export in both layouts; the CLI scans its result, and the whole file.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS } from '../src/sql/dialects.js';
import type { Layout } from '../src/sql/dialect.js';
import { buildQuery } from '../src/sql/query.js';
import { generate, parseSize } from './generate.js';
import type { Manifest } from './manifest.js';
import { measureCommand } from './measure.js';

/** Settings of the SQL run. */
export interface SqlBenchOptions {
  size: string;
  outDir: string;
  cli: string;
  root: string;
  seed: number;
  revocations: number;
  log(line: string): void;
}

/** One line of the results. */
export interface SqlBenchRow {
  step: string;
  wallS: number;
  events: number | null;
  mb: number | null;
}

const DAY = 86_400_000;

/** What of a report must not depend on how its input was stored (the columns layout rebuilds each event's text). */
export function findingsDigest(report: { findings: Record<string, unknown>[] }): unknown {
  return report.findings.map((f) => {
    const w = f.window as { eventCount: number; dropped: number; events: { uuid: string; links: string[] }[] } | undefined;
    return {
      id: f.id,
      severity: f.severity,
      signals: (f.signals as { id: string; severity: string; message: string; evidence: string[] }[]).map((s) => [s.id, s.severity, s.message, s.evidence]),
      window: w && { eventCount: w.eventCount, dropped: w.dropped, events: w.events.map((e) => [e.uuid, e.links]) },
    };
  });
}

/** The whole report without what depends on the input's size. */
function findingsOnly(report: Record<string, unknown> & { summary: Record<string, unknown> }): unknown {
  const { inputs: _i, diagnostics: _d, ...rest } = report;
  const { events: _e, duplicates: _u, diagnostics: _g, ...summary } = rest.summary;
  return { ...rest, summary };
}

/** The results as an aligned text table. */
export function sqlTable(rows: readonly SqlBenchRow[], inputMb: number): string {
  const head = ['step', 'wall s', 'events', 'MB', 'of input'];
  const body = rows.map((r) => [r.step, r.wallS.toFixed(2), r.events === null ? '' : String(r.events), r.mb === null ? '' : r.mb.toFixed(1), r.mb === null ? '' : `${((100 * r.mb) / inputMb).toFixed(2)}%`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}

/** Runs the SQL benchmark once; returns the exit code (1 when a result's findings differ from the file's). */
export async function sqlMain(o: SqlBenchOptions): Promise<number> {
  const file = join(o.outDir, `okta-${o.size}-s${o.seed}-r${o.revocations}.ndjson`);
  const manifestPath = `${file}.manifest.json`;
  let m: Manifest | null = existsSync(file) && existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null;
  if (m?.seed !== o.seed || m.format !== 'ndjson' || m.gzip) {
    o.log(`bench: generating ${file} …`);
    m = await generate({ out: file, size: parseSize(o.size), seed: o.seed, revocations: o.revocations });
  }
  const inputMb = statSync(file).size / 1e6;
  const rows: SqlBenchRow[] = [];
  const scan = async (step: string, input: string, out: string): Promise<unknown> => {
    o.log(`bench: ${step}`);
    const r = await measureCommand(process.execPath, [o.cli, input, '--format', 'json', '-q', '-o', out], { cwd: o.root });
    if (r.exitCode !== 0) throw new Error(`${step}: exit ${r.exitCode}: ${r.stderrTail}`);
    rows.push({ step, wallS: r.wallMs / 1000, events: null, mb: null });
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const whole = (await scan('CLI on the file', file, join(o.outDir, 'sql-bench-file.json'))) as Record<string, unknown> & { summary: Record<string, unknown>; findings: Record<string, unknown>[] };

  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const problems: string[] = [];
  const loads: Record<Layout, string> = {
    text: `CREATE TABLE okta_logs AS SELECT json AS event FROM read_ndjson_objects('${file}')`,
    // The whole file's keys, not a sample's: a key first seen after the sample would stop the load.
    columns: `CREATE TABLE okta_logs AS SELECT * FROM read_json('${file}', format = 'newline_delimited', sample_size = -1)`,
  };
  const options = { table: 'okta_logs', column: 'event', before: DAY, after: 0, baseline: 30 * DAY, from: null, to: null };
  for (const layout of ['text', 'columns'] as const) {
    o.log(`bench: DuckDB load (${layout})`);
    let t0 = performance.now();
    await c.run(loads[layout]);
    rows.push({ step: `DuckDB load (${layout})`, wallS: (performance.now() - t0) / 1000, events: null, mb: null });
    o.log(`bench: DuckDB query (${layout})`);
    t0 = performance.now();
    const result = (await c.runAndReadAll(buildQuery(DIALECTS.duckdb, { ...options, layout }))).getRows().map((r) => String(r[0]));
    const wallS = (performance.now() - t0) / 1000;
    const reduced = join(o.outDir, `sql-bench-${layout}.ndjson`);
    writeFileSync(reduced, `${result.join('\n')}\n`);
    rows.push({ step: `DuckDB query (${layout})`, wallS, events: result.length, mb: statSync(reduced).size / 1e6 });
    const part = (await scan(`CLI on the result (${layout})`, reduced, join(o.outDir, `sql-bench-${layout}.json`))) as typeof whole;
    // The text layout returns each event's text as stored: the whole report matches. The columns
    // layout rebuilds each event: the findings, signals and window events match.
    const same = layout === 'text'
      ? JSON.stringify(findingsOnly(part)) === JSON.stringify(findingsOnly(whole))
      : JSON.stringify(findingsDigest(part)) === JSON.stringify(findingsDigest(whole));
    if (!same) problems.push(`${layout}: the findings of the result differ from the file's`);
    await c.run('DROP TABLE okta_logs');
    rmSync(reduced);
  }
  c.closeSync();
  db.closeSync();
  for (const f of ['sql-bench-file.json', 'sql-bench-text.json', 'sql-bench-columns.json']) rmSync(join(o.outDir, f), { force: true });
  process.stdout.write(`${m.events} events, ${inputMb.toFixed(0)} MB, ${m.revocationCount} revocations (${file})\n`);
  process.stdout.write(sqlTable(rows, inputMb));
  process.stdout.write(problems.length ? `check: ${problems.join('; ')}\n` : 'check: the scan of each result reports the findings of the scan of the file\n');
  return problems.length ? 1 : 0;
}
