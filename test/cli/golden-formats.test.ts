// Golden outputs of every text format over the samples, byte for byte (UPDATE_GOLDEN=1 rewrites them).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SAMPLES = 'samples';
const GOLDEN = 'test/golden/samples';
const update = process.env.UPDATE_GOLDEN === '1';

/** Formats compared byte for byte, with their golden file suffix (json has its own, structural test). */
const GOLDEN_FORMATS = { table: 'table.txt', ndjson: 'ndjson', csv: 'csv', timesketch: 'timesketch.jsonl' } as const;

const samples = readdirSync(SAMPLES).filter((f) => /\.(json|ndjson|jsonl)(\.gz)?$/.test(f)).sort();
const cases = samples.flatMap((name) => Object.entries(GOLDEN_FORMATS).map(([format, suffix]) => [name, format, suffix] as const));

describe('golden outputs per format', () => {
  it.each(cases)('%s as %s', async (name, format, suffix) => {
    const r = await runCli(['--format', format, '--limit', '0', join(SAMPLES, name)]);
    expect(r.code, r.stderr).toBe(0);
    const path = join(GOLDEN, `${name}.${suffix}`);
    if (update) writeFileSync(path, r.stdout);
    else if (!existsSync(path)) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npm test once and review it`);
    expect(r.stdout).toBe(readFileSync(path, 'utf8'));
  });
});
