// Test helper: the checks every executed engine passes: each dataset, layout and option set gives the findings of the whole table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/sql/dialect.js';
import { expectSameFindings } from './compare.js';
import { argsFor, type Dataset, edgeEventsSpelled, fixedDatasets, generatedDatasets } from './datasets.js';
import type { Engine } from './engines.js';
import { expectPublishedRead, PUBLISHED_CASES } from './published.js';

const LAYOUTS: Layout[] = ['text', 'columns'];

/**
 * Defines the checks for one engine (started once for the whole file). `thorough`: every option
 * set of every dataset; else each dataset with its first option set (the query and its dialect
 * parts are the same whatever the options: DuckDB checks those).
 */
export function identicalFindingsSuite(label: string, start: () => Promise<Engine>, thorough: boolean): void {
  const sets = (d: Dataset, layout: Layout) => (thorough ? argsFor(d, layout) : argsFor(d, layout).slice(0, 1));
  // Unset when start() failed: afterAll then has nothing to close.
  let engine: Engine | undefined;
  let generated: Dataset[];
  beforeAll(async () => {
    [engine, generated] = await Promise.all([start(), generatedDatasets()]);
  });
  afterAll(() => engine?.close());

  describe(`${label}: the scan of the query's result finds what the scan of the whole table finds`, () => {
    for (const layout of LAYOUTS) {
      it.each(fixedDatasets().map((d) => [d.name, d] as const))(`${layout}: %s`, async (_, d) => {
        const events = layout === 'columns' ? (d.columnEvents ?? d.events) : d.events;
        for (const args of sets(d, layout)) {
          const r = await expectSameFindings(engine!, events, layout, args);
          expect(r.findings, args.join(' ')).toBeGreaterThan(0);
        }
      });
      it(`${layout}: generated slices (both bench profiles)`, async () => {
        for (const d of generated) {
          // The slower engines check the first half of a generated export (an export of its own).
          const events = thorough || !d.name.startsWith('generated') ? d.events : d.events.slice(0, d.events.length >> 1);
          for (const args of sets(d, layout)) {
            const r = await expectSameFindings(engine!, events, layout, args);
            expect(r.findings, d.name).toBeGreaterThan(0);
            // The engine does the heavy part: a generated export shrinks to a small part of itself.
            if (d.name.startsWith('generated')) expect(r.result, d.name).toBeLessThan(r.table / 4);
          }
        }
      });
    }
    it('reads published times as the CLI does', async () => {
      await expectPublishedRead(engine!, PUBLISHED_CASES);
    });
    it('columns: keys in lower case throughout (as Hive and Athena name columns)', async () => {
      const events = edgeEventsSpelled('lower');
      const keys = Object.keys(JSON.parse(events[0]!) as object);
      const r = await expectSameFindings(engine!, events, 'columns', [], keys.length ? keys : undefined);
      expect(r.findings).toBeGreaterThan(0);
    });
  });
}
