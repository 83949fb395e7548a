// scan(): the first pass remembers revocations only, so memory does not grow with the token calls of an export.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = readFileSync('samples/okta-export.ndjson', 'utf8').trim().split('\n');
/** A call made with ci-deploy on 03-04 15:40, before every window (they start 03-04 16:15). */
const EARLY_CALL = SAMPLE[6]!;
/** The same call a year earlier: before every window and before the signals' 30-day history. */
const FAR_CALL = EARLY_CALL.replace('"2024-03-04T15:40', '"2023-03-04T15:40');
/** A call made with ci-deploy inside every window. */
const WINDOW_CALL = SAMPLE[17]!;

async function run(lines: string[]) {
  const path = join(dir, `in-${lines.length}-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(path, lines.join('\n') + '\n');
  const rules = await loadBuiltinRules();
  const { report } = await scan([{ label: path, path }], { read: { maxRecordBytes: 1 << 20 }, rules, validate: false, window: { before: 86_400_000, after: 0, maxEvents: 10_000 } });
  return report;
}

describe('scan and repeated events', () => {
  it('a token call repeated before every window and its signal history changes nothing and is not remembered (nor counted)', async () => {
    const clean = await run(SAMPLE);
    const repeated = await run([...SAMPLE, ...Array<string>(50).fill(FAR_CALL)]);
    expect(repeated.findings).toEqual(clean.findings);
    expect(repeated.summary.duplicates).toBe(0);
  });

  it('a token call repeated in the signal history before a window is used once and its copies counted', async () => {
    const clean = await run(SAMPLE);
    const repeated = await run([...SAMPLE, ...Array<string>(50).fill(EARLY_CALL)]);
    expect(repeated.findings).toEqual(clean.findings);
    expect(repeated.summary.duplicates).toBe(50);
  });

  it('a repeated revocation or window event still counts once per copy', async () => {
    const clean = await run(SAMPLE);
    const repeated = await run([...SAMPLE, SAMPLE[34]!, WINDOW_CALL, WINDOW_CALL]);
    expect(repeated.findings).toEqual(clean.findings);
    expect(repeated.summary.duplicates).toBe(3);
  });
});
