// Reporter registry: every format name maps to its reporter.
import { describe, expect, it } from 'vitest';
import { formatNames, reporters } from '../../src/report/index.js';
import { jsonReporter } from '../../src/report/json.js';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { tableReporter } from '../../src/report/table.js';

describe('reporters', () => {
  it('lists table, ndjson and json, table first', () => {
    expect(formatNames).toEqual(['table', 'ndjson', 'json']);
    expect(Object.keys(reporters).sort()).toEqual([...formatNames].sort());
  });

  it('maps each name to its reporter', () => {
    expect(reporters.table).toBe(tableReporter);
    expect(reporters.ndjson).toBe(ndjsonReporter);
    expect(reporters.json).toBe(jsonReporter);
  });
});
