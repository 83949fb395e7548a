// The statement's header: options as shell words, the expected table in each layout.
import { describe, expect, it } from 'vitest';
import { scanArguments, shellWord, sqlStatement, type StatementOptions } from '../../src/sql/statement.js';

const base: StatementOptions = {
  dialect: 'clickhouse', table: 'okta_logs', column: 'event', layout: 'text', before: 3_600_000, after: 0, baseline: 0, from: null, to: null, version: '9.9.9',
  texts: { before: '1h', after: '0', baseline: '0', from: null, to: null },
};

describe('shellWord', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellWord('2024-03-05T16:00:00+01:00')).toBe('2024-03-05T16:00:00+01:00');
    expect(shellWord('2024-03-05 16:00:00Z')).toBe("'2024-03-05 16:00:00Z'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});

describe('scanArguments', () => {
  it('names the window, the baseline and the range', () => {
    expect(scanArguments({ before: '36h', after: '1h', baseline: '7d', from: '7d', to: null })).toBe('--before 36h --after 1h --baseline 7d --from 7d');
  });
});

describe('sqlStatement', () => {
  it('starts with the header: version, options, table, the scan to pipe into', () => {
    const lines = sqlStatement(base).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '-- okta-revoke-scan 9.9.9 sql --dialect clickhouse --table okta_logs --column event --layout text --before 1h --after 0 --baseline 0',
      '-- Table okta_logs: one Okta System Log event per row, as JSON text in column event.',
      '-- Returns column event: every event the report needs (revocations, token lifecycle, linked events,',
      '-- signal history), each once, oldest first. Write it as NDJSON and scan it with the same options:',
      '--   okta-revoke-scan - --before 1h --after 0 --baseline 0',
      'WITH',
    ]);
    expect(lines.at(-2)).toBe('SETTINGS join_use_nulls = 1');
  });

  it('lists the top-level keys in the columns layout', () => {
    const text = sqlStatement({ ...base, layout: 'columns' });
    expect(text).toContain('one column per top-level key as Okta spells it:\n-- uuid, published, eventType, version, severity, legacyEventType, displayMessage, actor,\n');
    expect(text).toContain('transaction, request\n-- (nested objects as structs, maps or JSON).\n');
  });
});
