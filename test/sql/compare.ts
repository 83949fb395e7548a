// Test helper: a scan's findings (the JSON report without input counts), the query the sql command prints, and the check that both agree.
import { expect } from 'vitest';
import { DIALECTS } from '../../src/sql/dialects.js';
import type { Layout } from '../../src/sql/dialect.js';
import { runCli } from '../helpers/run-cli.js';
import type { Engine } from './engines.js';

/** The scan options the query must be written with (the others are the scan's alone). */
const QUERY_OPTIONS = new Set(['--before', '--after', '--baseline', '--from', '--to']);

/** `--json` report of a scan of `events` (NDJSON on stdin), without what depends on the input size. */
export async function scanFindings(events: readonly string[], args: readonly string[]): Promise<Record<string, unknown>> {
  const r = await runCli(['-', '--format', 'json', '-q', ...args], { stdin: events.length ? `${events.join('\n')}\n` : '' });
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as Record<string, unknown> & { summary: Record<string, unknown> };
  delete report.inputs;
  delete report.diagnostics;
  delete report.summary.events;
  delete report.summary.duplicates;
  delete report.summary.diagnostics;
  return report;
}

/** The statement `okta-revoke-scan sql` prints for these scan options. */
export async function printedQuery(dialect: string, layout: Layout, args: readonly string[]): Promise<string> {
  const sqlArgs: string[] = [];
  for (let i = 0; i < args.length; i += 2) if (QUERY_OPTIONS.has(args[i]!)) sqlArgs.push(args[i]!, args[i + 1]!);
  const r = await runCli(['sql', '--dialect', dialect, '--layout', layout, ...sqlArgs]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** What one check saw. */
export interface Reduction {
  /** Events in the table, and in the query's result. */
  table: number;
  result: number;
  findings: number;
}

/**
 * Loads `events` into the engine's table, runs the printed query, and expects the scan of its
 * result to report exactly what the scan of the whole table reports. In the columns layout the
 * whole table is its rows rebuilt as JSON by the engine (what the query returns them as).
 */
export async function expectSameFindings(engine: Engine, events: readonly string[], layout: Layout, args: readonly string[], keys?: readonly string[]): Promise<Reduction> {
  await engine.load(events, layout, keys);
  const whole = layout === 'text' ? [...events] : await engine.rows(DIALECTS[engine.name].source('columns', 'okta_logs', 'event'));
  const result = await engine.rows(await printedQuery(engine.name, layout, args));
  const expected = await scanFindings(whole, args);
  const actual = await scanFindings(result, args);
  expect(actual).toEqual(expected);
  return { table: whole.length, result: result.length, findings: (expected.findings as unknown[]).length };
}
