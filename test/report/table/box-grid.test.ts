// drawBoxGrid: the text cli-table3 draws, byte for byte, or undefined when a line is not plain to count.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBoxGrid } from '../../../src/report/table/box-grid.js';

/** What grid.ts asked cli-table3 for before: the reference. */
function cliTable3(head: readonly string[], rows: readonly (readonly string[])[], rowRules: boolean): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(rowRules ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

const chalk = new Chalk({ level: 3 });

describe('drawBoxGrid', () => {
  it('draws a head, multi-line cells and empty cells as cli-table3 does, with and without rules between rows', () => {
    const head = ['Sev', 'Time', 'What'];
    const rows = [
      ['high', '2024-06-01 10:52:37Z', 'user.session.start\nSøren Kierkegård · 198.18.0.30'],
      ['', '2024-06-01 10:53:00Z', ''],
      ['low\n\nx', '—', 'a → b …'],
    ];
    for (const rowRules of [true, false]) {
      expect(drawBoxGrid(head, rows, rowRules)).toBe(cliTable3(head, rows, rowRules));
      expect(drawBoxGrid(head, [], rowRules)).toBe(cliTable3(head, [], rowRules));
    }
  });

  it('draws coloured cells as cli-table3 does', () => {
    const head = [chalk.bold('Sev'), chalk.bold('Who')];
    const rows = [
      [chalk.red.bold('high'), `${chalk.cyan('T')} ${chalk.dim('ann@corp.example')}`],
      [chalk.bgBlue.white('x'), `${chalk.hex('#ff8800')('orange')}\n${chalk.inverse.underline('both')}`],
    ];
    expect(drawBoxGrid(head, rows, true)).toBe(cliTable3(head, rows, true));
  });

  it('counts every character it draws as cli-table3 does', () => {
    // Each character alone and between others, a table of 500 at a time (cli-table3 slows down
    // with more rows): a character cli-table3 counts otherwise would pad its row differently.
    const rows: string[][] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (drawBoxGrid(['h'], [[ch]], true) !== undefined) rows.push([ch, `ab${ch}c`]);
    }
    expect(rows.length).toBeGreaterThan(8000 + 20000 + 11000);
    const wrong: string[][] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      if (drawBoxGrid(['h', 'i'], part, false) !== cliTable3(['h', 'i'], part, false)) wrong.push(part.map((r) => r[0]!));
    }
    expect(wrong).toEqual([]);
  });

  it('counts kana, ideographs and Hangul syllables as two columns', () => {
    const head = ['Who', 'Where'];
    const rows = [['佐藤美咲', 'Tōkyō 東京'], ['山田太郎 (yamada)', 'カタカナ ひらがな'], ['김민준', 'x']];
    expect(drawBoxGrid(head, rows, true)).toBe(cliTable3(head, rows, true));
  });

  it.each([
    ['a fullwidth form', 'ＡＢ'],
    ['an ideographic space', 'a\u3000b'],
    ['an emoji', '🔑'],
    ['a combining mark', 'e\u0301'],
    ['a C1 control', 'a\u009bb'],
    ['a style left on', '\u001b[1mbold'],
    ['a colour left on', '\u001b[31mred'],
    ['an escape other than SGR', '\u001b]8;;https://x\u0007link\u001b]8;;\u0007'],
  ])('leaves a line with %s to cli-table3', (_name, text) => {
    expect(drawBoxGrid(['h'], [[text]], true)).toBeUndefined();
  });

  it('gives what cli-table3 gives for any grid it draws', () => {
    const styles = [chalk.bold, chalk.dim, chalk.italic, chalk.underline, chalk.inverse, chalk.strikethrough, chalk.red, chalk.bgBlue, chalk.hex('#123456'), chalk.bgAnsi256(17), chalk.gray.bold];
    // Mostly text it draws, sometimes a character or escape it leaves to cli-table3.
    const plain = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('', ' ', 'a', 'ann@corp.example', '198.18.0.30', 'Søren', '·', '→', '—', '…', 'ü', 'Ω', 'Ж', '\u200b', '東京', 'カナ', '김') },
      { weight: 1, arbitrary: fc.constantFrom('ᄀ', 'Ａ', '🔑', '\u0301', '\t', '\u009b', '\u3000') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
    );
    const styled = fc.tuple(fc.constantFrom(...styles), plain).map(([style, text]) => style(text));
    const raw = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[44m', '\u001b[49m', '\u001b[0m', '\u001b[2m', '\u001b[38;5;12m', '\u001b[;1m', '\u001b[K');
    // Escapes come in pairs that may or may not close what they open.
    const rawPair = fc.tuple(raw, plain, raw).map((parts) => parts.join(''));
    const line = fc.array(fc.oneof({ weight: 6, arbitrary: plain }, { weight: 4, arbitrary: styled }, { weight: 1, arbitrary: rawPair }), { maxLength: 3 }).map((parts) => parts.join(''));
    const cell = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
    const grid = fc.integer({ min: 1, max: 4 }).chain((columns) =>
      fc.tuple(fc.array(cell, { minLength: columns, maxLength: columns }), fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 4 }), fc.boolean()),
    );
    let drawn = 0;
    fc.assert(
      fc.property(grid, ([head, rows, rowRules]) => {
        const text = drawBoxGrid(head, rows, rowRules);
        if (text === undefined) return;
        drawn++;
        expect(text).toBe(cliTable3(head, rows, rowRules));
      }),
      { numRuns: 3000 },
    );
    // Most grids here hold something it leaves to cli-table3; enough are drawn to mean something.
    expect(drawn).toBeGreaterThan(300);
  });
});
