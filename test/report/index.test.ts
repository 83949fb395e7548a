// Reporter registry: every format name loads its reporter, lazily.
import { describe, expect, it } from 'vitest';
import { csvReporter } from '../../src/report/csv.js';
import { htmlReporter } from '../../src/report/html/html.js';
import { formatNames, isFormatName, loadReporter } from '../../src/report/index.js';
import { jsonReporter } from '../../src/report/json.js';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { tableReporter } from '../../src/report/table/table.js';
import { timesketchReporter } from '../../src/report/timesketch.js';

describe('reporters', () => {
  it('lists every format, table first', () => {
    expect(formatNames).toEqual(['table', 'ndjson', 'json', 'csv', 'timesketch', 'html']);
    expect(isFormatName('csv')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
  });

  it('loads each name to its reporter', async () => {
    expect(await loadReporter('table')).toBe(tableReporter);
    expect(await loadReporter('ndjson')).toBe(ndjsonReporter);
    expect(await loadReporter('json')).toBe(jsonReporter);
    expect(await loadReporter('csv')).toBe(csvReporter);
    expect(await loadReporter('timesketch')).toBe(timesketchReporter);
    expect(await loadReporter('html')).toBe(htmlReporter);
  });

  it('rejects an unknown name', async () => {
    await expect(loadReporter('xml' as never)).rejects.toThrow(/unknown output format/);
  });
});
