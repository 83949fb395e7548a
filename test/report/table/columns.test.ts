// fitColumns: floors first, then core content, then the rest; undefined when floors do not fit.
import { describe, expect, it } from 'vitest';
import { fitColumns, type ColumnDemand } from '../../../src/report/table/columns.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** A demand whose core is its natural width (nothing minor in the column). */
const col = (natural: number, min: number, core = natural): ColumnDemand => ({ natural, core, min });

describe('fitColumns', () => {
  it('gives every column its natural width when there is room', () => {
    expect(fitColumns([col(10, 5), col(30, 5)], 100)).toEqual([10, 30]);
  });

  it('keeps narrow columns whole and cuts the wide ones evenly', () => {
    const widths = fitColumns([col(20, 20), col(50, 8), col(7, 7), col(60, 8)], 80)!;
    expect(widths[0]).toBe(20);
    expect(widths[2]).toBe(7);
    expect(sum(widths)).toBe(80);
    expect(Math.abs(widths[1]! - widths[3]!)).toBeLessThanOrEqual(1);
  });

  it('serves core content before minor detail', () => {
    // Column 0 has a 20-wide id and a 60-wide user agent; column 1 only a 30-wide title.
    const widths = fitColumns([col(60, 8, 20), col(30, 8)], 50)!;
    expect(widths).toEqual([20, 30]);
    expect(fitColumns([col(60, 8, 20), col(30, 8)], 70)).toEqual([40, 30]);
  });

  it('never exceeds the available width or a natural width', () => {
    const demands = [col(12, 8), col(90, 8, 25), col(33, 8)];
    for (let available = 24; available < 200; available += 7) {
      const widths = fitColumns(demands, available)!;
      expect(sum(widths)).toBeLessThanOrEqual(available);
      widths.forEach((w, i) => expect(w).toBeLessThanOrEqual(demands[i]!.natural));
    }
  });

  it('uses the natural width as floor when it is below min', () => {
    expect(fitColumns([col(3, 8), col(40, 8)], 11)).toEqual([3, 8]);
  });

  it('returns undefined when the floors do not fit', () => {
    expect(fitColumns([col(20, 20), col(40, 8)], 27)).toBeUndefined();
  });
});
