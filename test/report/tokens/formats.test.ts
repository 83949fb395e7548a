// Token JSON, NDJSON and CSV reporters: the document JSON.stringify would write, one token per line, one row per token.
import { describe, expect, it } from 'vitest';
import { tokenCsvReporter, TOKEN_CSV_COLUMNS } from '../../../src/report/tokens/csv.js';
import { tokenJsonReporter } from '../../../src/report/tokens/json.js';
import { tokenNdjsonReporter } from '../../../src/report/tokens/ndjson.js';
import { loadTokenReporter, tokenFormatNames } from '../../../src/report/tokens/reporter.js';
import { parseCsv } from '../../helpers/csv.js';
import { render, storyInventory, withFirst } from './helpers.js';

describe('token reporters', () => {
  it('json: the document JSON.stringify(doc, null, 2) writes, keys in contract order, one chunk per token (the head with the first)', () => {
    const inv = storyInventory();
    const chunks = [...tokenJsonReporter(inv, { color: false })];
    expect(chunks.length).toBe(inv.tokens.length + 1);
    const { schemaVersion, inputs, summary, diagnostics, tokens } = inv;
    expect(chunks.join('')).toBe(`${JSON.stringify({ schemaVersion, inputs, summary, diagnostics, tokens }, null, 2)}\n`);
    expect(render(tokenJsonReporter, { ...inv, tokens: [] })).toBe(`${JSON.stringify({ schemaVersion, inputs, summary, diagnostics, tokens: [] }, null, 2)}\n`);
  });

  it('json and ndjson escape what a terminal would act on, and parse back to the same values', () => {
    const inv = withFirst({ name: 'x\u202ey\u2028' });
    for (const reporter of [tokenJsonReporter, tokenNdjsonReporter]) {
      const text = render(reporter, inv);
      expect(text).not.toMatch(/[\u202e\u2028]/);
      expect(text).toContain('x\\u202ey\\u2028');
    }
    expect(JSON.parse(render(tokenNdjsonReporter, inv).split('\n')[0]!)).toEqual(inv.tokens[0]);
  });

  it('csv: a header, then one row per token, formula-guarded', () => {
    const inv = withFirst({ name: '=HYPERLINK("http://x")' });
    const rows = parseCsv(render(tokenCsvReporter, inv));
    expect(rows[0]).toEqual([...TOKEN_CSV_COLUMNS]);
    expect(rows).toHaveLength(inv.tokens.length + 1);
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://x")`);
    const ci = rows.find((r) => r[1] === 'ci-deploy')!;
    expect(ci.slice(2, 5)).toEqual(['revoked', 'high', 'high privileged-use; high proxy']);
    expect(ci[TOKEN_CSV_COLUMNS.indexOf('addresses')]).toBe('198.51.100.23 Romania ×3; 203.0.113.10 United States ×3; 203.0.113.11 United States ×1');
  });

  it('every format loads by name', async () => {
    for (const name of tokenFormatNames) expect(typeof (await loadTokenReporter(name))).toBe('function');
  });
});
