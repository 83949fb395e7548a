// The scan's progress callback: per pass, bytes only grow and end at the input size, records at the count.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';

const FILES = ['samples/okta-export.ndjson', 'samples/okta-export-pretty.json'];

describe('scan onProgress', () => {
  it('reports both passes over every input, growing, ending at the bytes and records read', async () => {
    const updates: { pass: number; bytes: number; records: number }[] = [];
    const { report, stats } = await scan(
      FILES.map((f) => ({ label: f, path: f })),
      {
        read: { maxRecordBytes: 1 << 20 },
        rules: await loadBuiltinRules(),
        validate: false,
        window: { before: 86_400_000, after: 0, maxEvents: 100, beforeText: '24h', afterText: '0' },
        threads: 1,
        onProgress: (p) => updates.push({ ...p }),
      },
    );
    expect(stats.passes).toBe(2);
    const size = FILES.reduce((n, f) => n + statSync(f).size, 0);
    for (const pass of [1, 2]) {
      const mine = updates.filter((u) => u.pass === pass);
      expect(mine.length).toBeGreaterThanOrEqual(FILES.length);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i]!.bytes).toBeGreaterThanOrEqual(mine[i - 1]!.bytes);
        expect(mine[i]!.records).toBeGreaterThanOrEqual(mine[i - 1]!.records);
      }
      expect(mine.at(-1)).toEqual({ pass, bytes: size, records: 46 + 21 });
    }
    expect(updates.findIndex((u) => u.pass === 2)).toBeGreaterThan(updates.findLastIndex((u) => u.pass === 1));
    expect(report.summary.events).toBe(46 + 21);
  });

  it('counts records one by one in documents and CSV tables, which give no byte positions', async () => {
    for (const file of ['test/fixtures/shape-events-doc/input.json', 'test/fixtures/shape-csv/input.csv']) {
      const updates: { pass: number; bytes: number; records: number }[] = [];
      const { report } = await scan([{ label: file, path: file }], {
        read: { maxRecordBytes: 1 << 20 },
        rules: await loadBuiltinRules(),
        validate: false,
        window: null,
        onProgress: (p) => updates.push({ ...p }),
      });
      const [input] = report.inputs;
      expect(input!.format).toMatch(/document|csv/);
      expect(updates.length, file).toBeGreaterThan(2);
      expect(updates.map((u) => u.records)).toEqual([...updates.map((u) => u.records)].sort((a, b) => a - b));
      expect(updates.at(-1)).toEqual({ pass: 1, bytes: statSync(file).size, records: input!.events });
    }
  });
});

