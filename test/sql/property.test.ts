// Property: however the table's rows are ordered and duplicated, the scan of the query's result finds what the scan of the whole table finds (DuckDB).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectSameFindings } from './compare.js';
import { edgeLines } from './edge-events.js';
import { duckdbEngine, type Engine } from './engines.js';

let engine: Engine;
beforeAll(async () => {
  engine = await duckdbEngine();
});
afterAll(() => engine.close());

const lines = edgeLines();

describe('shuffled and duplicated tables', () => {
  it('give the findings of the whole table', async () => {
    const order = fc.shuffledSubarray(lines.map((_, i) => i), { minLength: lines.length, maxLength: lines.length });
    const copies = fc.array(fc.nat({ max: lines.length - 1 }), { maxLength: 15 });
    const args = fc.constantFrom<string[]>([], ['--before', '36h', '--after', '3h', '--baseline', '12d'], ['--max-window-events', '5']);
    await fc.assert(
      fc.asyncProperty(order, copies, args, async (o, c, a) => {
        // Copies go anywhere after their original: a second load of overlapping exports.
        const table = [...o.map((i) => lines[i]!), ...c.map((i) => lines[i]!)];
        await expectSameFindings(engine, table, 'text', a);
      }),
      { numRuns: 6 },
    );
  });
});
