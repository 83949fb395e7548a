// Makes untrusted log text safe to show on a terminal: controls and invisible characters escaped.

/**
 * Characters never written raw to a terminal: C0/C1 controls and DEL (`Cc`), format characters
 * such as bidi overrides/isolates, zero-width characters and tag characters (`Cf`), line and
 * paragraph separators (`Zl`, `Zp`), other default-ignorable (invisible) code points such as
 * Hangul fillers and variation selectors, and lone surrogates (`Cs`).
 */
export const UNSAFE_CHAR_SOURCE =
  '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Default_Ignorable_Code_Point}]';

const UNSAFE_OR_BACKSLASH = new RegExp(`${UNSAFE_CHAR_SOURCE}|\\\\`, 'gu');

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Escapes one code point as `\xHH` (below U+0100), `\uHHHH` (BMP) or `\u{HHHHH}` (astral). */
function escapeCodePoint(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\u{${cp.toString(16)}}`;
}

/**
 * Returns `s` with every control, bidi, zero-width/invisible and separator character shown as
 * an escape (`\x1b`, `\r`, `\u202e`, `\u{e0041}`), so it can be printed without moving the
 * cursor, changing colours or reordering text. A backslash becomes `\\`, so an escape in the
 * output always means the character was really there.
 */
export function safeText(s: string): string {
  return s.replace(UNSAFE_OR_BACKSLASH, escapeCodePoint);
}
