// Every input shape gives exactly the findings of the same events in plain NDJSON.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';
const FIXTURES = 'test/fixtures';

/** Extra arguments some shapes need (kept in the fixture's args.json too). */
const ARGS: Record<string, string[]> = { 'shape-events-path': ['--events-path', 'response.items'] };

/** Shapes that are JSON keep every value as it was: the reported events must match byte for byte. */
const JSON_SHAPES = [
  'shape-hook-ndjson', 'shape-hook-array', 'shape-hook-single', 'shape-events-doc', 'shape-data-doc-gz', 'shape-events-path',
  'shape-message', 'shape-sekoia', 'shape-elastic', 'shape-splunk', 'shape-quoted',
];
/** CSV has no types and no nulls: everything but the raw `event` copies must match. */
const TABLE_SHAPES = ['shape-csv', 'shape-csv-snake', 'shape-mixed'];

async function findings(args: string[]): Promise<unknown[]> {
  const r = await runCli(['--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { diagnostics: number } };
  expect(report.summary.diagnostics, r.stdout.slice(0, 2000)).toBe(0);
  return report.findings;
}

function inputsOf(name: string): string[] {
  const dir = join(FIXTURES, name);
  return readdirSync(dir).filter((f) => f.startsWith('input')).sort().map((f) => join(dir, f));
}

/** A finding without the raw events (the finding's own and each window event's). */
function typed(f: unknown): unknown {
  return JSON.parse(JSON.stringify(f), (key, value) => (key === 'event' ? undefined : value));
}

describe('each shape gives the findings of plain NDJSON', async () => {
  const plain = await findings([PLAIN]);
  it('the plain export has findings with windows', () => {
    expect(plain).toHaveLength(3);
    expect(JSON.stringify(plain)).toContain('"links"');
  });
  it.each(JSON_SHAPES)('%s: identical findings JSON', async (name) => {
    expect(await findings([...(ARGS[name] ?? []), ...inputsOf(name)])).toEqual(plain);
  });
  it.each(TABLE_SHAPES)('%s: identical findings apart from the raw events', async (name) => {
    const got = await findings(inputsOf(name));
    expect(got.map(typed)).toEqual(plain.map(typed));
  });
  it('the same events in every shape at once count once', async () => {
    const all = [PLAIN, ...JSON_SHAPES.filter((n) => !ARGS[n]).flatMap(inputsOf), ...TABLE_SHAPES.flatMap(inputsOf)];
    const r = await runCli(['--format', 'json', ...all]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { events: number; duplicates: number } };
    expect(report.findings).toEqual(plain);
    // Every input is whole except the mixed one's three parts: events 1-20, 15-40 and 35-46.
    expect(report.summary.events).toBe(46 * (all.length - 3) + 20 + 26 + 12);
  });
});
