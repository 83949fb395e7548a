// Vitest configuration: tests live in test/ and mirror src/; two projects, the fast `unit` tier (npm test) and the `slow` one.
import { defineConfig } from 'vitest/config';

/**
 * The slow tier (npm run test:slow): generated corpora, real worker threads on large inputs, and
 * property sweeps. Chosen by measurement (the tests of each file took 3 s or more on the 2-core CI
 * machine; together about 60% of the suite's test time); everything else is the unit tier.
 */
const SLOW = [
  'test/corpus/**/*.test.ts', // damage ~15 s, huge ~7.6 s, truncation ~7.1 s
  'test/scan/fast/parallel.test.ts', // ~12.5 s: two threads on generated exports
  'test/report/table/window-section-terminal.test.ts', // ~4.2 s: every width from 60 to 200
  'test/scan/invariants.test.ts', // ~3.4 s: property tests over whole scans
  'test/report/html/browser.test.ts', // ~30 s: the HTML report in a real Chromium
  'test/sql/duckdb.test.ts', // ~7 s: the reducer query on DuckDB, every dataset and option set
  'test/sql/clickhouse.test.ts', // ~11 s: chDB loads a 500 MB engine
  'test/sql/postgres.test.ts', // ~11 s: PGlite
  'test/bench/generate.test.ts', // ~3 s: generated exports of both profiles
  'test/cli/junk.test.ts', // ~3 s: a gzip bomb and large junk inputs
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    // Tests that run bin/ or dist/ modules get a dist/ built from the current sources.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      // One module cache per worker across files (isolate: false): the unit tier's files spent more
      // time importing src/ afresh in a new process each than testing (69 s -> 33 s wall, same
      // 1188 tests, also green with the files shuffled). The slow tier keeps one process per file.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
