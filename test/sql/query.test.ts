// The query's shape: how often engines that inline common table expressions read the table, equality joins, the pruning bound.
import { describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/sql/dialect.js';
import { DIALECTS } from '../../src/sql/dialects.js';
import { buildQuery, queryParts, type QueryOptions } from '../../src/sql/query.js';

const BASE: QueryOptions = { table: 'okta_logs', column: 'event', layout: 'text', before: 86_400_000, after: 0, baseline: 30 * 86_400_000, from: null, to: null };
const RELATIVE: QueryOptions = { ...BASE, from: { kind: 'before-newest', ms: 7 * 86_400_000 } };

/** How many times the table is read when every reference to a CTE reads it afresh (ClickHouse, Trino). */
function tableReads(dialect: DialectName, o: QueryOptions): number {
  const parts = queryParts(DIALECTS[dialect], o);
  const reads: number[] = [];
  parts.forEach(([, sql], i) => {
    if (i === 0) {
      reads.push(1);
      return;
    }
    let n = 0;
    for (let j = 0; j < i; j++) n += (sql.match(new RegExp(`\\b(?:FROM|JOIN)\\s+${parts[j]![0]}\\b`, 'g')) ?? []).length * reads[j]!;
    reads.push(n);
  });
  // The final SELECT reads `picked` once.
  return reads.at(-1)!;
}

describe('queryParts', () => {
  // Spark's grammar here has no lambdas: its explode reads its input twice (fixed rows, then array elements).
  it.each([
    ['clickhouse', 4, 9],
    ['trino', 4, 9],
    ['spark', 10, 16],
  ] as const)('%s: the table is read %i times (%i with a range relative to the newest event)', (dialect, reads, relative) => {
    expect(tableReads(dialect, BASE)).toBe(reads);
    expect(tableReads(dialect, { ...BASE, layout: 'columns' })).toBe(reads);
    expect(tableReads(dialect, RELATIVE)).toBe(relative);
  });

  it('joins on keys with equality, and crosses nothing but one-row relations', () => {
    for (const dialect of Object.keys(DIALECTS) as DialectName[]) {
      const sql = buildQuery(DIALECTS[dialect], RELATIVE);
      expect(sql).toContain('JOIN keys AS k ON k.slot = v.slot AND k.val = v.val');
      for (const m of sql.matchAll(/CROSS JOIN (\w+)/g)) expect(['bound', 'newest', 'LATERAL', 'UNNEST']).toContain(m[1]);
    }
  });

  it('bounds the window search by the keys\' time spans', () => {
    const parts = new Map(queryParts(DIALECTS.duckdb, BASE));
    expect(parts.get('bound')).toBe('SELECT MIN(w_start) AS lo, MAX(w_end) AS hi FROM keys');
    expect(parts.get('inb')).toContain('FROM ok AS o CROSS JOIN bound AS b WHERE o.ms >= b.lo AND o.ms <= b.hi');
  });

  it('reads the token facts through a text test first in the text layout only', () => {
    expect(new Map(queryParts(DIALECTS.clickhouse, BASE)).get('t_src')).toBe(
      "SELECT event FROM src WHERE multiSearchAnyCaseInsensitive(event, ['system.api_token.', 'requestapitokenid', 'request_api_token_id'])",
    );
    expect(new Map(queryParts(DIALECTS.clickhouse, { ...BASE, layout: 'columns' })).get('t_src')).toBe('SELECT event FROM src');
  });

  it('writes window sizes, baseline and range into the query', () => {
    const sql = buildQuery(DIALECTS.duckdb, { ...BASE, before: 5400000, after: 60000, baseline: 0, from: { kind: 'at', ms: 1709596800000 }, to: { kind: 'before-newest', ms: 3600000 } });
    expect(sql).toContain('ms - 5400000 AS w_start, ms + 60000 AS w_end');
    expect(sql).toContain('AND ms >= 1709596800000 AND ms <= n.top - 3600000');
    expect(sql).toContain('x.w_start - 0');
  });
});
