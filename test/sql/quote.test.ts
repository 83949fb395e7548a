// SQL quoting: string literals, and table or column names with dotted parts.
import { describe, expect, it } from 'vitest';
import { quoteName, sqlString } from '../../src/sql/quote.js';

describe('sqlString', () => {
  it('doubles single quotes', () => {
    expect(sqlString("it's")).toBe("'it''s'");
  });
});

describe('quoteName', () => {
  it('quotes only the parts that need it', () => {
    expect(quoteName('okta_logs', '"')).toBe('okta_logs');
    expect(quoteName('lake.okta.system_log', '`')).toBe('lake.okta.system_log');
    expect(quoteName('okta.system log', '"')).toBe('okta."system log"');
    expect(quoteName('a"b', '"')).toBe('"a""b"');
    expect(quoteName('1st', '`')).toBe('`1st`');
  });

  it('refuses empty parts and control characters', () => {
    expect(() => quoteName('a..b', '"')).toThrow("'a..b' is not a table or column name");
    expect(() => quoteName('a\nb', '"')).toThrow('is not a table or column name');
  });
});
