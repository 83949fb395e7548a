// CSV cells: RFC 4180 quoting, formula-injection guard, escaped controls.
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord } from '../../src/report/csv-cell.js';
import { safeText } from '../../src/report/sanitize.js';
import { parseCsv } from '../helpers/csv.js';

describe('csvCell', () => {
  it('gives every character, alone, after plain text and after a backslash, the cell safeText makes of it', () => {
    // The cell as written when every value went through safeText (plain ASCII now skips it).
    const throughSafeText = (value: string) => {
      let text = safeText(value);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const value of [ch, `ab${ch}`, `\\${ch}`]) if (csvCell(value) !== throughSafeText(value)) wrong.push(value);
    }
    expect(wrong).toEqual([]);
    expect(csvCell('C:\\x\u0007')).toBe('C:\\\\x\\x07');
  });

  it('leaves plain values bare and absent values empty', () => {
    expect(csvCell('ann@corp.example')).toBe('ann@corp.example');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes commas and quotes, doubling the quotes', () => {
    expect(csvCell('Weiß, Jörg')).toBe('"Weiß, Jörg"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://x","y")'])('guards %s against formula evaluation', (value) => {
    const cell = csvCell(value);
    const [[field]] = parseCsv(`${cell}\r\n`) as [[string]];
    expect(field).toBe(`'${value}`);
  });

  it('escapes tab, CR, LF, ESC and bidi overrides so no cell starts with or holds them raw', () => {
    const cell = csvCell('\t=cmd|calc\r\n\u001b[31m\u202ered');
    expect(cell).toBe('\\t=cmd|calc\\r\\n\\x1b[31m\\u202ered');
    expect(cell).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('escapes a backslash so an escape in the output always means the character was there', () => {
    expect(csvCell('C:\\x1b')).toBe('C:\\\\x1b');
  });
});

describe('csvRecord', () => {
  it('joins fields with commas and ends with CRLF; parses back to the escaped values', () => {
    const line = csvRecord(['a', null, 'b,c', '-2']);
    expect(line).toBe('a,,"b,c",\'-2\r\n');
    expect(parseCsv(line)).toEqual([['a', '', 'b,c', "'-2"]]);
  });
});
