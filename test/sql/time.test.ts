// published → epoch ms in SQL (src/sql/time.ts), executed on DuckDB, against parsePublished: fixed cases and random times.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { duckdbEngine, type Engine } from './engines.js';
import { expectPublishedRead, PUBLISHED_CASES, publishedArbitrary } from './published.js';

let engine: Engine;
beforeAll(async () => {
  engine = await duckdbEngine();
});
afterAll(() => engine.close());

describe('published in SQL', () => {
  it('reads the forms the CLI reads, and rejects the others', async () => {
    await expectPublishedRead(engine, PUBLISHED_CASES);
  });

  it('gives the CLI\'s instant for random times in every form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(publishedArbitrary, { minLength: 50, maxLength: 50 }), async (values) => {
        await expectPublishedRead(engine, values);
      }),
      { numRuns: 6 },
    );
  });
});
