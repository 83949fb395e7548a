// Golden end-to-end tests: each test/fixtures/<case>/ and each sample, JSON output vs expected.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = 'test/fixtures';
const SAMPLES = 'samples';
const GOLDEN_SAMPLES = 'test/golden/samples';
const update = process.env.UPDATE_GOLDEN === '1';

/** Compares with the golden file, or (re)writes it when UPDATE_GOLDEN=1. */
function golden(path: string, actual: unknown): void {
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npm test once and review it`);
    writeFileSync(path, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

const cases = existsSync(FIXTURES)
  ? readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(join(FIXTURES, d.name)).some((f) => f.startsWith('input')))
      .map((d) => d.name)
  : [];

describe.runIf(cases.length > 0)('golden fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const inputs = readdirSync(dir).filter((f) => f.startsWith('input')).sort().map((f) => join(dir, f));
    const argsFile = join(dir, 'args.json');
    const extra = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : [];
    const r = await runCli(['--format', 'json', ...extra, ...inputs]);
    expect(r.code, r.stderr).toBe(existsSync(join(dir, 'exit-code')) ? Number(readFileSync(join(dir, 'exit-code'), 'utf8')) : 0);
    golden(join(dir, 'expected.json'), JSON.parse(r.stdout));
  });
});

const samples = readdirSync(SAMPLES).filter((f) => /\.(json|ndjson|jsonl)(\.gz)?$/.test(f)).sort();

describe('samples', () => {
  it.each(samples)('%s', async (name) => {
    const r = await runCli(['--format', 'json', join(SAMPLES, name)]);
    expect(r.code, r.stderr).toBe(0);
    golden(join(GOLDEN_SAMPLES, `${name}.expected.json`), JSON.parse(r.stdout));
  });
});
