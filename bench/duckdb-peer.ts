// `node dist/bench/duckdb-peer.js IN --out OUT [--originals]`: runs the scan's job as DuckDB SQL (a benchmark peer, never used by the CLI).
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseDuration } from '../src/window/duration.js';
import { jobStatements, type DuckJob } from './duckdb-job.js';

/** What {@link runPeer} did. */
export interface PeerResult {
  /** Window events written (lines of the output). */
  rows: number;
  /** Milliseconds from opening DuckDB to the output written. */
  ms: number;
}

/**
 * Runs the job on `job.input` and writes its window events to `out` (NDJSON). DuckDB uses
 * `threads` threads (default 2, as the CLI) and spills to a temporary folder that is removed after.
 */
export async function runPeer(job: DuckJob, out: string, threads = 2): Promise<PeerResult> {
  const t0 = performance.now();
  const spill = mkdtempSync(join(tmpdir(), 'duckdb-peer-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads), temp_directory: spill });
  const connection = await instance.connect();
  try {
    const statements = jobStatements(job, out);
    for (const sql of statements.slice(0, -1)) await connection.run(sql);
    // COPY answers with the number of rows it wrote.
    const copied = await connection.runAndReadAll(statements.at(-1)!);
    const rows = Number(copied.getRows()[0]?.[0] ?? 0);
    return { rows, ms: performance.now() - t0 };
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

const USAGE = `usage: node dist/bench/duckdb-peer.js INPUT --out FILE [--originals] [--layout ndjson|array]
  [--before 24h] [--after 0] [--max-window-events 10000] [--threads 2]
  Writes one line per window event: {"revocation","uuid","links"} (and "event", the original, with --originals).`;

/** CLI entry; returns the exit code. Prints the row count and time as JSON on stdout. */
export async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' }, originals: { type: 'boolean', default: false }, layout: { type: 'string' },
      before: { type: 'string', default: '24h' }, after: { type: 'string', default: '0' },
      'max-window-events': { type: 'string', default: '10000' }, threads: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const input = positionals[0];
  if (v.help || !input || !v.out) {
    process.stderr.write(USAGE + '\n');
    return v.help ? 0 : 2;
  }
  const layout = v.layout ?? (/\.ndjson(\.gz)?$/.test(input) ? 'ndjson' : 'array');
  if (layout !== 'ndjson' && layout !== 'array') throw new Error(`unknown --layout ${layout}`);
  const job: DuckJob = {
    input, layout, originals: v.originals,
    before: parseDuration(v.before, '--before'), after: parseDuration(v.after, '--after'), maxEvents: Number(v['max-window-events']),
  };
  const r = await runPeer(job, v.out, Number(v.threads));
  process.stdout.write(JSON.stringify({ rows: r.rows, seconds: +(r.ms / 1000).toFixed(2) }) + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`duckdb-peer: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
