// Fast substring search: Buffer.indexOf on a short window of the needle that starts at its rarest byte, the rest compared in JS.

/**
 * Relative frequency of each byte value in Okta JSON exports (learned from the input's first
 * block by {@link learnByteFrequencies}; this default favours uppercase letters and punctuation
 * that are rare in JSON text).
 */
export type ByteFrequencies = Float64Array;

/** Counts byte values in a sample (e.g. the first block of an input). */
export function learnByteFrequencies(sample: Buffer): ByteFrequencies {
  const f = new Float64Array(256);
  const n = Math.min(sample.length, 1 << 20);
  for (let i = 0; i < n; i++) f[sample[i]!]!++;
  for (let i = 0; i < 256; i++) f[i] = f[i]! / Math.max(1, n);
  return f;
}

/**
 * Longest pattern Node's Buffer.indexOf searches linearly: below 8 bytes it jumps with memchr
 * between occurrences of the pattern's first byte and compares there, in native code; from 8
 * bytes on it turns to Boyer-Moore-Horspool, which is slow on JSON text. Measured on a generated
 * 1 GiB export (ms per 256 MiB in 1 MiB blocks): `fecycle` 28, `fecycle.` 134; `_token.` 15,
 * `_token.r` 141.
 */
export const MAX_LINEAR_PATTERN = 7;

/** The part of a needle searched with Buffer.indexOf: bytes [at, end). */
export interface NeedleWindow {
  at: number;
  end: number;
}

/**
 * The window of `needle` to search for an input with these byte frequencies: the needle's rarest
 * byte (the first of equally rare ones) and up to MAX_LINEAR_PATTERN - 1 bytes after it. Measured
 * on generated 1 GiB exports (light and heavy profiles; ms per 256 MiB, window / the former choice:
 * memchr on the rarest byte with the rest compared in JS, or Buffer.indexOf on the whole needle
 * when its first byte was about as rare): `requestApiTokenId` 16 / 24, `system.api_token.revoke`
 * 15 / 23, `user.lifecycle.` 29 / 79, `Go-http-client` 18 / 92; needles shorter than 8 bytes whose
 * first byte is the rarest (`fecycle`, `_token.`) are searched whole as before (28, 15). Needles
 * found in nearly every record (`eventType`, `isProxy`) stay within noise (46–48, 35–38).
 */
export function needleWindow(needle: Buffer, freq: ByteFrequencies): NeedleWindow {
  let at = 0;
  for (let i = 1; i < needle.length; i++) if (freq[needle[i]!]! < freq[needle[at]!]!) at = i;
  return { at, end: Math.min(needle.length, at + MAX_LINEAR_PATTERN) };
}

/**
 * A needle compiled for one input. Searches Buffer.indexOf for its window (see
 * {@link needleWindow}) and compares the bytes before and after the window where it is found;
 * untuned, it searches the whole needle.
 */
export class Needle {
  readonly bytes: Buffer;
  private at = 0;
  private end: number;
  private window: Buffer;

  constructor(text: string | Buffer, freq?: ByteFrequencies) {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.end = this.bytes.length;
    this.window = this.bytes;
    if (freq) this.tune(freq);
  }

  /** Chooses the window for an input with these byte frequencies. */
  tune(freq: ByteFrequencies): void {
    const { at, end } = this.bytes.length === 0 ? { at: 0, end: 0 } : needleWindow(this.bytes, freq);
    this.at = at;
    this.end = end;
    this.window = at === 0 && end === this.bytes.length ? this.bytes : this.bytes.subarray(at, end);
  }

  /** Index of the first occurrence at or after `from`, or -1. */
  indexIn(buf: Buffer, from: number): number {
    const needle = this.bytes;
    const window = this.window;
    if (window === needle) return buf.indexOf(needle, from);
    const { at, end } = this;
    const len = needle.length;
    for (let p = buf.indexOf(window, from + at); p >= 0; p = buf.indexOf(window, p + 1)) {
      const s = p - at;
      let k = 0;
      while (k < at && buf[s + k] === needle[k]) k++;
      if (k < at) continue;
      k = end;
      while (k < len && buf[s + k] === needle[k]) k++;
      if (k === len) return s;
    }
    return -1;
  }
}
