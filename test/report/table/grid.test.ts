// Generic grid: any item type, spans cut per column, undefined when too narrow, block fallback.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_WIDTH, normaliseWidth, renderBlocks, renderGrid, type ColumnSpec } from '../../../src/report/table/grid.js';
import { spanLine } from '../../../src/report/table/styled.js';
import { stripAnsi } from '../../helpers/ansi.js';
import { tableStringWidth } from '../../helpers/string-width.js';

interface Pet { name: string; tag: string }
const COLUMNS: ColumnSpec<Pet>[] = [
  { header: 'Name', min: 6, lines: (p) => [{ text: p.name }] },
  { header: 'Tag', min: 5, lines: (p) => [spanLine([{ text: 'T', style: 'cyan' }, { text: ` ${p.tag}`, style: 'dim' }])] },
];
const PETS: Pet[] = [{ name: 'Rex', tag: 'good' }, { name: 'A'.repeat(100), tag: 'x'.repeat(80) }];
const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

describe('renderGrid', () => {
  it('draws one row per item under bold headers', () => {
    const out = renderGrid(COLUMNS, PETS, 80, plain)!;
    expect(out).toContain('│ Name ');
    expect(out).toContain('│ Rex ');
    expect(out).toContain('│ T good ');
  });

  it('keeps every line within the width and paints the cut spans', () => {
    for (const chalk of [plain, colour]) {
      const out = renderGrid(COLUMNS, PETS, 40, chalk)!;
      for (const line of stripAnsi(out).split('\n')) expect(tableStringWidth(line)).toBeLessThanOrEqual(40);
    }
    expect(renderGrid(COLUMNS, PETS, 40, colour)).toContain('\u001b[36mT\u001b[39m\u001b[2m xxx');
  });

  it('caps cells at MAX_CELL_WIDTH when the width is unknown', () => {
    const out = renderGrid(COLUMNS, PETS, undefined, plain)!;
    expect(out).toContain(`${'A'.repeat(MAX_CELL_WIDTH - 1)}…`);
    expect(out).not.toContain('A'.repeat(MAX_CELL_WIDTH));
  });

  it('compact: a rule under the header but none between body rows', () => {
    const lines = renderGrid(COLUMNS, PETS, 40, plain, true)!.split('\n');
    expect(lines.map((l) => l[0])).toEqual(['┌', '│', '├', '│', '│', '└']);
    expect(lines[2]).toBe(lines[0]!.replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤'));
    expect(renderGrid(COLUMNS, PETS, 40, plain)!.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(2);
  });

  it('returns undefined below the floors (6 + 5 + borders = 18)', () => {
    expect(renderGrid(COLUMNS, PETS, 18, plain)).toBeDefined();
    expect(renderGrid(COLUMNS, PETS, 17, plain)).toBeUndefined();
  });
});

describe('renderBlocks', () => {
  it('writes Header: value lines, a blank line after each item, all within the width', () => {
    const out = [...renderBlocks(COLUMNS, PETS, 20, plain)].join('');
    expect(out.startsWith('Name: Rex\nTag: T good\n\n')).toBe(true);
    for (const line of out.split('\n')) expect(tableStringWidth(line)).toBeLessThanOrEqual(20);
    expect(stripAnsi([...renderBlocks(COLUMNS, PETS, 20, colour)].join(''))).toBe(out);
  });
});

describe('normaliseWidth', () => {
  it('keeps positive widths (floored) and drops the rest', () => {
    expect(normaliseWidth(80.9)).toBe(80);
    for (const w of [undefined, 0, -3, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(normaliseWidth(w)).toBeUndefined();
  });
});
