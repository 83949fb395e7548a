// A bordered grid drawn exactly as cli-table3 draws it, for cells whose width is plain to count.

/**
 * Characters every one of which cli-table3 (string-width 4) counts as one column wherever it
 * stands, alone or beside others: printable ASCII, Latin, Greek, Cyrillic and the other
 * alphabets up to U+2319 (arrows, dashes, `…`, `·` included), but not combining marks
 * (U+0300–U+036F, zero columns), C1 controls, Hangul leading jamo (U+1100–U+115F, two), nor the
 * emoji and wide characters from U+231A on. A test checks each of them against cli-table3.
 */
const ONE_COLUMN_RANGES = '\\x20-\\x7e\\xa0-\\u02ff\\u0370-\\u10ff\\u1160-\\u2319';
const ONE_COLUMN = new RegExp(`^[${ONE_COLUMN_RANGES}]*$`);

/**
 * Characters cli-table3 counts as two columns wherever they stand: kana, CJK unified ideographs
 * and Hangul syllables (names in Japanese, Chinese and Korean). Checked against cli-table3 too.
 */
const TWO_COLUMN_RANGES = '\\u3041-\\u3096\\u30a0-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7a3';
const TWO_COLUMNS = new RegExp(`[${TWO_COLUMN_RANGES}]`, 'g');

/** Text made of {@link ONE_COLUMN} and {@link TWO_COLUMNS} characters only. */
const ONE_OR_TWO_COLUMNS = new RegExp(`^[${ONE_COLUMN_RANGES}${TWO_COLUMN_RANGES}]*$`);

/** Columns of text as cli-table3 counts them, or -1 when it holds a character neither class knows. */
function columns(text: string): number {
  if (ONE_COLUMN.test(text)) return text.length;
  if (!ONE_OR_TWO_COLUMNS.test(text)) return -1;
  return text.length + (text.match(TWO_COLUMNS)?.length ?? 0);
}

/** The SGR sequences cli-table3 strips before measuring, and reads to carry styles across a cell's lines. */
const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

/** SGR codes that cli-table3 tracks as on/off switches (its `codeCache`), by the sequence's text. */
const SWITCHES: Readonly<Record<string, readonly [string, boolean]>> = {
  '\u001b[1m': ['bold', true],
  '\u001b[22m': ['bold', false],
  '\u001b[3m': ['italics', true],
  '\u001b[23m': ['italics', false],
  '\u001b[4m': ['underline', true],
  '\u001b[24m': ['underline', false],
  '\u001b[7m': ['inverse', true],
  '\u001b[27m': ['inverse', false],
  '\u001b[9m': ['strikethrough', true],
  '\u001b[29m': ['strikethrough', false],
};

/**
 * The columns a cell line takes as cli-table3 counts them, or -1 when this module cannot say
 * for sure: a character of neither class above, an escape other than an SGR sequence, or a
 * style left on at the end of the line (cli-table3 would close it there and reopen it on the
 * next line; a line that leaves nothing on is drawn as it is).
 */
function plainWidth(line: string): number {
  if (!line.includes('\u001b')) return columns(line);
  const on = new Set<string>();
  let foreground = false;
  let background = false;
  for (const m of line.matchAll(SGR)) {
    const code = m[1] ? parseInt(m[1].split(';')[0]!, 10) : 0;
    if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) foreground = m[0] !== '\u001b[39m';
    else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) background = m[0] !== '\u001b[49m';
    else if (code === 0) {
      on.clear();
      foreground = background = false;
    } else {
      const change = SWITCHES[m[0]];
      if (change === undefined) continue;
      if (change[1]) on.add(change[0]);
      else on.delete(change[0]);
    }
  }
  return on.size === 0 && !foreground && !background ? columns(line.replace(SGR, '')) : -1;
}

/** A cell as drawn: its lines and the width of each. */
interface Cell {
  lines: string[];
  widths: number[];
}

function cellOf(content: string): Cell | undefined {
  const lines = content.split('\n');
  const widths = lines.map(plainWidth);
  return widths.includes(-1) ? undefined : { lines, widths };
}

/** One rule of the grid: `left`, each column's width of `fill`, `joint` between them, `right`. */
function rule(widths: readonly number[], left: string, fill: string, joint: string, right: string): string {
  return left + widths.map((w) => fill.repeat(w)).join(joint) + right;
}

/**
 * The text cli-table3 0.6 gives for a table with `head` and `rows` (cells as strings, lines
 * split at `\n`), default border characters, no colours on head or border, one space of padding,
 * and columns as wide as their widest line: `rowRules` false draws it with `mid`, `left-mid`,
 * `mid-mid` and `right-mid` set to '' (no rule between rows, none under the head either).
 * Undefined when a line is not plain to count (see {@link plainWidth}): cli-table3 draws those.
 * cli-table3 measures every line several times per cell line drawn (a 10,000-row report spent
 * 2 s there); this measures each once.
 */
export function drawBoxGrid(head: readonly string[], rows: readonly (readonly string[])[], rowRules: boolean): string | undefined {
  const grid: Cell[][] = [];
  for (const row of [head, ...rows]) {
    const cells: Cell[] = [];
    for (const content of row) {
      const cell = cellOf(content);
      if (cell === undefined) return undefined;
      cells.push(cell);
    }
    grid.push(cells);
  }
  const widths = head.map(() => 2);
  for (const cells of grid) for (const [x, cell] of cells.entries()) for (const w of cell.widths) widths[x] = Math.max(widths[x]!, w + 2);
  const out = [rule(widths, '┌', '─', '┬', '┐')];
  for (const [y, cells] of grid.entries()) {
    if (y > 0 && rowRules) out.push(rule(widths, '├', '─', '┼', '┤'));
    const height = cells.reduce((h, c) => Math.max(h, c.lines.length), 0);
    for (let n = 0; n < height; n++) {
      let line = '│';
      for (const [x, cell] of cells.entries()) {
        const text = cell.lines[n];
        line += text === undefined ? ' '.repeat(widths[x]!) : ` ${text}${' '.repeat(widths[x]! - 2 - cell.widths[n]!)} `;
        line += '│';
      }
      out.push(line);
    }
  }
  out.push(rule(widths, '└', '─', '┴', '┘'));
  return out.join('\n');
}
