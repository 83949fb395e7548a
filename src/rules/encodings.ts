// Encoding modifiers of Sigma strings: UTF-16 (wide), base64 and base64offset.
import { Problem, quote } from './errors.js';
import { normalize, type Token } from './sigma-string.js';

/**
 * `wide`/`utf16le`, `utf16be`, `utf16`: each character becomes its two UTF-16 bytes, written as
 * two code units below 256 (so `base64` can encode them); `utf16` adds the FF FE byte order mark.
 * Only ASCII text can be encoded this way (as in pySigma).
 */
export function utf16(tokens: Token[], variant: 'le' | 'be' | 'bom'): Token[] {
  const out: Token[] = variant === 'bom' ? [{ k: 'lit', s: '\xff\xfe' }] : [];
  for (const t of tokens) {
    if (t.k !== 'lit') {
      out.push(t);
      continue;
    }
    let s = '';
    for (const c of t.s) {
      if (c.charCodeAt(0) > 127) throw new Problem(`UTF-16 modifiers only support ASCII text, not ${quote(t.s)}`);
      s += variant === 'be' ? `\0${c}` : `${c}\0`;
    }
    out.push({ k: 'lit', s });
  }
  return normalize(out);
}

function bytesOf(text: string, bytes: boolean): Buffer {
  return Buffer.from(text, bytes ? 'latin1' : 'utf8');
}

/** `base64`: the Base64 encoding of the UTF-8 text (or of the bytes made by a UTF-16 modifier). */
export function base64(text: string, bytes: boolean): string {
  return bytesOf(text, bytes).toString('base64');
}

const OFFSET_START = [0, 2, 3] as const;
const OFFSET_END = [undefined, -3, -2] as const;

/**
 * `base64offset`: the three Base64 fragments the text can appear as inside a longer encoded
 * string, one per byte offset 0, 1, 2 (the stable middle part of each encoding, as pySigma cuts it).
 */
export function base64Offsets(text: string, bytes: boolean): string[] {
  const data = bytesOf(text, bytes);
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, 0x20), data]).toString('base64');
    out.push(enc.slice(OFFSET_START[i], OFFSET_END[(data.length + i) % 3]));
  }
  return out;
}
