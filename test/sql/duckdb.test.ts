// The reducer query executed on DuckDB: on every dataset, layout and option set, the scan of its result finds what the scan of the whole table finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/sql/dialect.js';
import { expectSameFindings } from './compare.js';
import { type Dataset, edgeEventsSpelled, fixedDatasets, generatedDatasets } from './datasets.js';
import { duckdbEngine, type Engine } from './engines.js';

let engine: Engine;
let generated: Dataset[];
beforeAll(async () => {
  engine = await duckdbEngine();
  generated = await generatedDatasets();
});
afterAll(() => engine.close());

const LAYOUTS: Layout[] = ['text', 'columns'];

describe('DuckDB: identical findings', () => {
  for (const layout of LAYOUTS) {
    it.each(fixedDatasets().map((d) => [d.name, d] as const))(`${layout}: %s`, async (_, d) => {
      for (const args of d.args) {
        const r = await expectSameFindings(engine, d.events, layout, args);
        expect(r.findings).toBeGreaterThan(0);
      }
    });
    it(`${layout}: generated slices (both profiles)`, async () => {
      for (const d of generated) {
        for (const args of d.args) {
          const r = await expectSameFindings(engine, d.events, layout, args);
          expect(r.findings, d.name).toBeGreaterThan(0);
          if (d.name.startsWith('generated')) expect(r.result, d.name).toBeLessThan(r.table / 2);
        }
      }
    });
  }
  it('columns: keys in lower case throughout (as Hive and Athena name columns)', async () => {
    const r = await expectSameFindings(engine, edgeEventsSpelled('lower'), 'columns', []);
    expect(r.findings).toBeGreaterThan(0);
  });
});
