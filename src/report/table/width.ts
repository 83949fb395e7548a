// Terminal column width of text, and width-bounded truncation and wrapping.

/**
 * Code point ranges drawn two columns wide: East Asian Wide/Fullwidth blocks (a superset of
 * what cli-table3's string-width counts as full width) plus the supplementary symbol planes.
 */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3040, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1aff0, 0x1b2ff],
  [0x1f000, 0x1faff],
  [0x20000, 0x3fffd],
];

/** Emoji shown wide by terminals and counted as two columns by string-width's emoji regex. */
const WIDE_EMOJI = /[\p{Emoji_Presentation}\p{Emoji_Modifier_Base}]/u;

const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isWide(cp: number, ch: string): boolean {
  for (const [lo, hi] of WIDE_RANGES) {
    if (cp < lo) break;
    if (cp <= hi) return true;
  }
  return cp >= 0x2000 && WIDE_EMOJI.test(ch);
}

/**
 * Columns `s` takes on a terminal. Controls and U+0300–U+036F combining marks count zero;
 * wide CJK characters and emoji count two; everything else one. Never less than what
 * cli-table3 (string-width 4) measures for the same text, so layouts computed with it fit.
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f)) continue;
    width += isWide(cp, ch) ? 2 : 1;
  }
  return width;
}

/**
 * Returns `s` unchanged when it fits in `max` columns, else its longest prefix of whole
 * grapheme clusters that fits in `max - 1` columns followed by `…`. `max` below 1 gives `''`.
 */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  if (max < 1) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = displayWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + ELLIPSIS;
}

/**
 * Breaks `s` at spaces into lines of at most `width` columns (a single word wider than that is
 * truncated). With `width` undefined, returns `s` as the only line.
 */
export function wrapText(s: string, width: number | undefined): string[] {
  if (width === undefined) return [s];
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = truncate(word, width);
  }
  lines.push(line);
  return lines;
}
