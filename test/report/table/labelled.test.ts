// Label/value blocks: items packed and wrapped at item boundaries, labels aligned or stacked, widths kept.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { packItems, renderLabelled, type LabelledRow } from '../../../src/report/table/labelled.js';
import type { Span } from '../../../src/report/table/styled.js';
import { stripAnsi } from '../../helpers/ansi.js';
import { tableStringWidth } from '../../helpers/string-width.js';

const item = (text: string): Span[] => [{ text }];
const text = (lines: Span[][]) => lines.map((l) => l.map((s) => s.text).join(''));
const render = (rows: LabelledRow[], width: number | undefined, level: 0 | 1 = 0) =>
  [...renderLabelled(rows, width, new Chalk({ level }))].join('');

const ROWS: LabelledRow[] = [
  { label: 'Token', items: [item('ci-deploy'), item('00Tabc123def456ghi78')] },
  { label: 'Revoked by', items: [[{ text: 'user ann@corp.example', style: 'yellow' }], [{ text: 'Ann', style: 'dim' }]] },
  { label: 'Owner', items: 'unknown (no create event for this token in the input)'.split(' ').map(item), separator: ' ' },
];

describe('packItems', () => {
  it('puts everything on one line without a budget', () => {
    expect(text(packItems([item('a'), item('b'), item('c')], undefined))).toEqual(['a · b · c']);
  });

  it('breaks between items only, never inside one that fits', () => {
    expect(text(packItems([item('aaaa'), item('bbbb'), item('cccc')], 11))).toEqual(['aaaa · bbbb', 'cccc']);
    expect(text(packItems([item('aaaa'), item('bbbb'), item('cccc')], 10))).toEqual(['aaaa', 'bbbb', 'cccc']);
  });

  it('uses the given separator', () => {
    expect(text(packItems([item('no'), item('create'), item('event')], 9, ' '))).toEqual(['no create', 'event']);
  });

  it('cuts an item wider than the budget, or than MAX_CELL_WIDTH without one', () => {
    expect(text(packItems([item('x'.repeat(20)), item('y')], 8))).toEqual(['xxxxxxx…', 'y']);
    expect(text(packItems([item('x'.repeat(100))], undefined))).toEqual([`${'x'.repeat(59)}…`]);
  });
});

describe('renderLabelled', () => {
  it('aligns values after the widest label and wraps under the value', () => {
    expect(render(ROWS, 40).split('\n')).toEqual([
      'Token       ci-deploy',
      '            00Tabc123def456ghi78',
      'Revoked by  user ann@corp.example · Ann',
      'Owner       unknown (no create event for',
      '            this token in the input)',
      '',
    ]);
  });

  it('stacks labels above indented values when little room is left beside them', () => {
    expect(render(ROWS, 30).split('\n').slice(0, 5)).toEqual([
      'Token',
      '  ci-deploy',
      '  00Tabc123def456ghi78',
      'Revoked by',
      '  user ann@corp.example · Ann',
    ]);
    expect(render(ROWS, 8).split('\n').slice(0, 2)).toEqual(['Token', 'ci-depl…']);
  });

  it('bolds labels only and otherwise equals the plain output', () => {
    const coloured = render(ROWS, 40, 1);
    expect(coloured).toContain('\u001b[1mRevoked by\u001b[22m  \u001b[33muser ann@corp.example\u001b[39m');
    expect(stripAnsi(coloured)).toBe(render(ROWS, 40));
  });

  it('keeps every line within the width, down to one column', () => {
    for (let width = 1; width <= 100; width++) {
      for (const line of stripAnsi(render(ROWS, width, 1)).split('\n')) {
        expect(tableStringWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
