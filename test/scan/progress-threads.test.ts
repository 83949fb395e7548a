// Progress with two threads: the worker tells how far it has read, so the bar moves through the second half too.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';

// The compiled scan: its worker thread runs dist/src/scan/fast/worker.js (npm test builds first).
const DIST = '../../dist/src/';
const { scan } = (await import(`${DIST}scan/scan.js`)) as typeof import('../../src/scan/scan.js');
const { loadBuiltinRules } = (await import(`${DIST}rules/index.js`)) as typeof import('../../src/rules/index.js');

const dir = mkdtempSync(join(tmpdir(), 'ors-prog2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'gen.ndjson');

describe('progress with two threads', () => {
  beforeAll(async () => {
    await generate({ out: file, format: 'ndjson', events: 16_000, revocations: 6, seed: 5, days: 2, manifest: false });
  });

  it('reports the second half while it is read, growing, ending at the size and record count', async () => {
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(30 << 20);
    const updates: { pass: number; bytes: number; records: number }[] = [];
    const { report, stats } = await scan([{ label: file, path: file }], {
      read: { maxRecordBytes: 1 << 20 },
      rules: await loadBuiltinRules(),
      validate: false,
      window: { before: 86_400_000, after: 0, maxEvents: 100 },
      threads: 2,
      parallelMinBytes: 0,
      onProgress: (p) => updates.push({ ...p }),
    });
    // The first pass reads with two threads; the second reads only what the first pass's record index selects.
    expect(stats.split).toBe(1);
    for (const pass of [1, 2]) {
      const mine = updates.filter((u) => u.pass === pass);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i]!.bytes).toBeGreaterThanOrEqual(mine[i - 1]!.bytes);
        expect(mine[i]!.records).toBeGreaterThanOrEqual(mine[i - 1]!.records);
      }
      expect(mine.at(-1)).toEqual({ pass, bytes: size, records: report.summary.events });
      // Before the end, some update already counts bytes of the second half (this thread reads only
      // the first half in pass 1; pass 2 reads selected records all through the file).
      expect(mine.slice(0, -1).some((u) => u.bytes > size / 2 + (2 << 20)), `pass ${pass}`).toBe(true);
    }
  });
});
