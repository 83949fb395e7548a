// The SQL benchmark's pieces: its results table and what it compares of two reports.
import { describe, expect, it } from 'vitest';
import { findingsDigest, sqlTable } from '../../bench/sql.js';

describe('sqlTable', () => {
  it('aligns the steps and gives each result as a share of the input', () => {
    const text = sqlTable([
      { step: 'CLI on the file', wallS: 1.234, events: null, mb: null },
      { step: 'DuckDB query (text)', wallS: 20, events: 4321, mb: 10.74 },
    ], 1074);
    expect(text).toBe([
      'step                 wall s  events    MB  of input',
      '-------------------  ------  ------  ----  --------',
      'CLI on the file        1.23',
      'DuckDB query (text)   20.00    4321  10.7     1.00%',
      '',
    ].join('\n'));
  });
});

describe('findingsDigest', () => {
  it('keeps ids, severities, signals and window events, not the events\' text', () => {
    const finding = (text: string) => ({
      id: 'r1', severity: 'high', event: { text },
      signals: [{ id: 'burst', severity: 'medium', message: 'm', evidence: ['e1'] }],
      window: { eventCount: 1, dropped: 0, events: [{ uuid: 'e1', links: ['token'], event: { text } }] },
    });
    expect(findingsDigest({ findings: [finding('a')] })).toEqual(findingsDigest({ findings: [finding('b')] }));
    expect(findingsDigest({ findings: [finding('a')] })).toEqual([{ id: 'r1', severity: 'high', signals: [['burst', 'medium', 'm', ['e1']]], window: { eventCount: 1, dropped: 0, events: [['e1', ['token']]] } }]);
  });
});
