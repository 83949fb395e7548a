// Conditions: and/or/not, parentheses, x of patterns, them, precedence, lists, and their errors.
import { describe, expect, it } from 'vitest';
import { detect } from './helpers.js';

/** Four selections testing flags a, b, c, d; `doc('ab')` sets a and b. */
const SELS = { a: { a: 'y' }, b: { b: 'y' }, c: { c: 'y' }, d: { d: 'y' } };
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- one-letter ASCII identifiers
const doc = (on: string): Record<string, unknown> => Object.fromEntries([...on].map((k) => [k, 'y']));
const cond = (condition: string | string[], extra: Record<string, unknown> = {}) =>
  detect({ ...SELS, ...extra, condition });

/** Truth table of a rule over all 16 combinations of a, b, c, d. */
function table(condition: string, f: (a: boolean, b: boolean, c: boolean, d: boolean) => boolean): void {
  const r = cond(condition);
  for (let m = 0; m < 16; m++) {
    const on = ['a', 'b', 'c', 'd'].filter((_, i) => m & (1 << i)).join('');
    expect(r.matches(doc(on)), `${condition} on {${on}}`).toBe(f(!!(m & 1), !!(m & 2), !!(m & 4), !!(m & 8)));
  }
}

describe('conditions', () => {
  it('and, or, not', () => {
    table('a and b', (a, b) => a && b);
    table('a or b', (a, b) => a || b);
    table('not a', (a) => !a);
    table('a and not b', (a, b) => a && !b);
  });

  it('not binds tighter than and, and tighter than or', () => {
    table('a or b and c', (a, b, c) => a || (b && c));
    table('a and b or c and d', (a, b, c, d) => (a && b) || (c && d));
    table('not a and b', (a, b) => !a && b);
    table('not a or b', (a, b) => !a || b);
    table('not not a', (a) => a);
  });

  it('parentheses', () => {
    table('(a or b) and c', (a, b, c) => (a || b) && c);
    table('not (a and b)', (a, b) => !(a && b));
    table('((a)) and (b or (c and not d))', (a, b, c, d) => a && (b || (c && !d)));
  });

  it('keywords are case-insensitive', () => {
    table('a AND NOT b Or c', (a, b, c) => (a && !b) || c);
  });

  it('1 of / all of a pattern', () => {
    const r = detect({ selection_a: { a: 'y' }, selection_b: { b: 'y' }, filter: { c: 'y' }, condition: '1 of selection_* and not filter' });
    expect(r.matches(doc('a'))).toBe(true);
    expect(r.matches(doc('b'))).toBe(true);
    expect(r.matches(doc('ab'))).toBe(true);
    expect(r.matches(doc('ac'))).toBe(false);
    expect(r.matches(doc('c'))).toBe(false);
    const all = detect({ selection_a: { a: 'y' }, selection_b: { b: 'y' }, other: { c: 'y' }, condition: 'all of selection_*' });
    expect(all.matches(doc('ab'))).toBe(true);
    expect(all.matches(doc('a'))).toBe(false);
    const mid = detect({ sel_x_1: { a: 'y' }, sel_y_1: { b: 'y' }, condition: 'all of sel_*_1' });
    expect(mid.matches(doc('ab'))).toBe(true);
    expect(mid.matches(doc('a'))).toBe(false);
  });

  it('x of binds tighter than not', () => {
    const r = detect({ f1: { a: 'y' }, f2: { b: 'y' }, s: { c: 'y' }, condition: 's and not 1 of f*' });
    expect(r.matches(doc('c'))).toBe(true);
    expect(r.matches(doc('cb'))).toBe(false);
    expect(r.matches(doc('ca'))).toBe(false);
  });

  it("them covers every identifier not starting with '_'", () => {
    const any = detect({ a: { a: 'y' }, b: { b: 'y' }, _helper: { c: 'y' }, condition: '1 of them' });
    expect(any.matches(doc('a'))).toBe(true);
    expect(any.matches(doc('c'))).toBe(false);
    const all = detect({ a: { a: 'y' }, b: { b: 'y' }, _helper: { c: 'y' }, condition: 'all of them' });
    expect(all.matches(doc('ab'))).toBe(true);
    expect(all.matches(doc('a'))).toBe(false);
    const underscoreByName = detect({ a: { a: 'y' }, _helper: { c: 'y' }, condition: 'a and _helper' });
    expect(underscoreByName.matches(doc('ac'))).toBe(true);
  });

  it('a list of conditions is an OR', () => {
    const r = cond(['a and b', 'c']);
    expect(r.matches(doc('ab'))).toBe(true);
    expect(r.matches(doc('c'))).toBe(true);
    expect(r.matches(doc('a'))).toBe(false);
  });

  it('errors name the problem', () => {
    expect(() => cond('a and e')).toThrow(`rules/test.yml: "Test rule": undefined identifier 'e' in condition`);
    expect(() => cond('1 of x*')).toThrow(/'x\*' matches no search identifier/);
    expect(() => cond('a and')).toThrow(/unexpected end/);
    expect(() => cond('(a or b')).toThrow(/missing '\)'/);
    expect(() => cond('a b')).toThrow(/unexpected 'b'/);
    expect(() => cond('a)')).toThrow(/unexpected '\)'/);
    expect(() => cond('sel*')).toThrow(/needs '1 of' or 'all of'/);
    expect(() => cond('2 of them')).toThrow(/unsupported quantifier '2'/);
    expect(() => cond('a | count() > 5')).toThrow(/aggregation expressions.*not supported/);
    expect(() => cond('')).toThrow(/empty condition/);
    expect(() => cond([])).toThrow(/condition must be a string or a list of strings/);
  });
});
