// displayWidth / truncate / wrapText: terminal columns, never less than cli-table3 measures.
import { describe, expect, it } from 'vitest';
import { safeText } from '../../../src/report/sanitize.js';
import { displayWidth, truncate, wrapText } from '../../../src/report/table/width.js';
import { tableStringWidth } from '../../helpers/string-width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['東京', 4],
    ['ｶﾀｶﾅ', 4],
    ['Ａ', 2],
    ['한국', 4],
    ['e\u0301', 1],
    ['🔑', 2],
    ['✌', 2],
    ['…', 1],
  ])('%j is %i columns', (s, width) => {
    expect(displayWidth(s)).toBe(width);
  });

  it('is never below string-width for any single printable code point', () => {
    const below: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (safeText(ch) !== ch) continue;
      if (displayWidth(ch) < tableStringWidth(ch)) below.push(cp.toString(16));
    }
    expect(below).toEqual([]);
  });

  it('is never below string-width for sanitised emoji sequences', () => {
    for (const s of ['👩‍💻', '🇩🇪', '👍🏽', '1️⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️ ok', '☝🏻']) {
      const safe = safeText(s);
      expect(displayWidth(safe), s).toBeGreaterThanOrEqual(tableStringWidth(safe));
    }
  });
});

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
  });

  it('cuts to max columns including the ellipsis', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abcdefgh', 1)).toBe('…');
    expect(truncate('abcdefgh', 0)).toBe('');
  });

  it('counts wide characters as two columns and never splits one', () => {
    const cut = truncate('東京都庁舎', 6);
    expect(cut).toBe('東京…');
    expect(displayWidth(cut)).toBeLessThanOrEqual(6);
    expect(truncate('a東京', 3)).toBe('a…');
  });

  it('keeps grapheme clusters whole', () => {
    expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(truncate('🇩🇪🇫🇷x', 6)).toBe('🇩🇪…');
  });
});

describe('wrapText', () => {
  it('returns one line when width is unknown', () => {
    expect(wrapText('a b c', undefined)).toEqual(['a b c']);
  });

  it('breaks at spaces within the width', () => {
    expect(wrapText('2 files, 1234 events, 3 duplicates', 14)).toEqual(['2 files, 1234', 'events, 3', 'duplicates']);
  });

  it('truncates a word longer than the width', () => {
    const lines = wrapText('short incomprehensibilities end', 8);
    expect(lines).toEqual(['short', 'incompr…', 'end']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(8);
  });
});
