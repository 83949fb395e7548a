// The token table: token name and full id never cut at any width, lines that fit, the footer, colours, hostile text.
import { describe, expect, it } from 'vitest';
import { safeText } from '../../../src/report/sanitize.js';
import { breakText, tokenLines } from '../../../src/report/tokens/token-cells.js';
import { ACTIVE_NOTE, tokenTableReporter } from '../../../src/report/tokens/table.js';
import { displayWidth } from '../../../src/report/table/width.js';
import { hasAnsi, stripAnsi } from '../../helpers/ansi.js';
import { render, storyInventory, withFirst } from './helpers.js';

/** The Token column's text of each row, joined (grid rows are cut at separator lines; blocks at their labels). */
function tokenCells(text: string): string[] {
  const cells: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('│')) {
      const cell = line.split('│')[1]!.trim();
      if (cell === 'Token') continue;
      (current ??= []).push(cell);
    } else if (line.startsWith('Token: ')) {
      current = [line.slice(7).trim()];
    } else if (current && /^ {7}/.test(line) && line.trim() !== '') {
      current.push(line.trim());
    } else if (current) {
      cells.push(current.filter(Boolean).join(''));
      current = null;
    }
  }
  return cells;
}

const LONG = 'nightly-backup-of-the-entire-directory-to-the-offsite-archive (do not revoke)';

describe('tokenTableReporter', () => {
  it.each([undefined, 200, 140, 100, 80, 60, 40, 30])('never cuts a token name or id, at width %s', (width) => {
    const inv = withFirst({ name: LONG });
    const text = render(tokenTableReporter, inv, { width });
    const cells = tokenCells(text);
    expect(cells).toHaveLength(inv.tokens.length);
    inv.tokens.forEach((t, i) => expect(cells[i]!.replaceAll(' ', '')).toBe(`${safeText(t.name ?? '(no name)')}${t.id}`.replaceAll(' ', '')));
    if (width !== undefined) for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('ends with the counts by status, what active means, and the input totals', () => {
    const lines = render(tokenTableReporter, storyInventory(), { width: 160 }).trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual([
      '10 tokens: 7 active, 1 revoked, 1 revoked by Okta, 1 revoke failed; 6 flagged',
      ACTIVE_NOTE,
      '3 files, 50 events, 4 duplicates, 0 diagnostics',
    ]);
  });

  it('colours only when asked, and never lets log text reach the terminal raw', () => {
    const hostile = withFirst({ name: 'evil\u001b[31m\u202e', owner: { id: '00u1', alternateId: 'x\u0007@corp.example', displayName: null } });
    const plain = render(tokenTableReporter, hostile, { width: 160 });
    expect(hasAnsi(plain)).toBe(false);
    expect(plain).toContain('evil\\x1b[31m\\u202e');
    const coloured = render(tokenTableReporter, hostile, { width: 160, color: true });
    expect(hasAnsi(coloured)).toBe(true);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('shows times in the zone asked for', () => {
    const text = render(tokenTableReporter, storyInventory(), { width: 200, timeZone: 'Asia/Tokyo' });
    expect(text).toContain('22:53:55+09:00');
  });

  it('says so when there is no token', () => {
    const inv = storyInventory();
    expect(render(tokenTableReporter, { ...inv, tokens: [], summary: { ...inv.summary, tokens: 0 } })).toBe('No API tokens found in 50 events from 3 files.\n');
  });
});

describe('breakText and tokenLines', () => {
  it('break between grapheme clusters, dropping nothing', () => {
    expect(breakText('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(breakText('東京東京', 5)).toEqual(['東京', '東京']);
    expect(breakText('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301']);
    expect(breakText('short', 10)).toEqual(['short']);
  });

  it('name lines, then the id', () => {
    const t = storyInventory().tokens.find((x) => x.name === null)!;
    expect(tokenLines(t, 20).map((l) => l.text)).toEqual(['(no name)', t.id]);
  });
});
