// safeText: every control, bidi, invisible and separator character escaped; ordinary text untouched.
import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/report/sanitize.js';

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;

describe('safeText', () => {
  it.each([
    ['\u001b[31mred', '\\x1b[31mred'],
    ['a\rb', 'a\\rb'],
    ['a\nb\tc', 'a\\nb\\tc'],
    ['bell\u0007', 'bell\\x07'],
    ['nul\u0000', 'nul\\x00'],
    ['del\u007f', 'del\\x7f'],
    ['nel\u0085', 'nel\\x85'],
    ['csi\u009b31m', 'csi\\x9b31m'],
    ['evil\u202egnp.exe', 'evil\\u202egnp.exe'],
    ['\u2066iso\u2069', '\\u2066iso\\u2069'],
    ['zero\u200bwidth\u200d\ufeff', 'zero\\u200bwidth\\u200d\\ufeff'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['soft\u00adhyphen', 'soft\\xadhyphen'],
    ['hangul\u3164filler', 'hangul\\u3164filler'],
    ['tag\u{e0041}', 'tag\\u{e0041}'],
    ['lone\ud800high', 'lone\\ud800high'],
    ['lone\udc00low', 'lone\\udc00low'],
    ['C:\\temp', 'C:\\\\temp'],
  ])('escapes %j', (input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it.each(['ann@corp.example', 'Zoë Ångström', 'e\u0301', '東京 サーバー', '🔑 token', 'ﾃｽﾄ', 'Мария'])(
    'leaves %j unchanged',
    (input) => {
      expect(safeText(input)).toBe(input);
    },
  );

  it('never leaves an unsafe character in the output, for every BMP code point', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      const out = safeText(`x${String.fromCharCode(cp)}y`);
      expect(UNSAFE.test(out), `U+${cp.toString(16)}`).toBe(false);
    }
  });
});
