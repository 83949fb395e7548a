// Split plans: a cut at a line start, earlier the more of the file the pass's pre-filter selects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainShare, planSplit } from '../../../src/scan/fast/split-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An NDJSON file of `n` records, every `every`-th one a call made with a token. */
function ndjson(name: string, n: number, every: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const detail = i % every === 0 ? '{"requestApiTokenId":"00Tabc"}' : '{}';
    lines.push(`{"eventType":"user.session.start","uuid":"u${i}","published":"2024-05-01T00:00:00.000Z","transaction":{"detail":${detail}},"pad":"${'x'.repeat(200)}"}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const calls = { needles: ['requestApiTokenId'], all: false, probes: [] };

describe('mainShare', () => {
  it('is 0.45 for a pass that parses next to nothing, less the more it parses, never below 0.15', () => {
    expect(mainShare(0)).toBe(0.45);
    expect(mainShare(0.005)).toBe(0.45);
    expect(mainShare(0.05)).toBeCloseTo(0.225, 3);
    expect(mainShare(0.03)).toBeLessThan(mainShare(0.02));
    expect(mainShare(1)).toBe(0.15);
  });
});

describe('planSplit', () => {
  it('cuts an NDJSON file at a line start, at 45% without a filter and earlier for a dense one', async () => {
    const sparse = ndjson('sparse.ndjson', 20_000, 1000);
    const dense = ndjson('dense.ndjson', 20_000, 30);
    for (const file of [sparse, dense]) {
      const text = readFileSync(file);
      const plain = (await planSplit(file, 0, {}))!;
      expect(text[plain.end - 1]).toBe(0x0a);
      expect(plain.end / plain.size).toBeCloseTo(0.45, 2);
      const filtered = (await planSplit(file, 0, {}, calls))!;
      expect(filtered.next).toBe(filtered.end);
      expect(text[filtered.end - 1]).toBe(0x0a);
    }
    expect((await planSplit(sparse, 0, {}, calls))!.end / sizeOf(sparse)).toBeCloseTo(0.45, 2);
    // One record in 30 is a candidate (3.4% of the bytes): the main thread reads about 31%.
    const share = (await planSplit(dense, 0, {}, calls))!.end / sizeOf(dense);
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.34);
    // Every record a candidate (--validate): the least share.
    expect((await planSplit(dense, 0, {}, { ...calls, all: true }))!.end / sizeOf(dense)).toBeCloseTo(0.15, 2);
  });
});

function sizeOf(path: string): number {
  return readFileSync(path).length;
}
