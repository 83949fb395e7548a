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
 * Where the window's matches are this share of its first byte's occurrences or more (measured on
 * a sample), the needle is searched with memchr on that byte alone and compared in JS instead: a
 * return from Buffer.indexOf with a pattern costs about 45 ns, one with a single byte about 15, and
 * searching the window only pays when it rules out most of them. Measured on a generated pretty
 * array (ms per 128 MiB): the element marker `\n  {\n` (its window `{\n` matches at every `{`)
 * 57 through its window, 18 on `{` alone; `requestApiTokenId` (window `questAp`, 0.3% of the `q`s)
 * 8 through its window, 10 on `q` alone.
 */
const MAX_WINDOW_MATCH_SHARE = 1 / 4;

/**
 * Whether `needle` should be searched on its window's first byte alone, for an input like
 * `sample`: its window (see {@link needleWindow}) is not the whole needle, and it matches in
 * `sample` at MAX_WINDOW_MATCH_SHARE or more of the occurrences of its first byte.
 */
export function anchorOnly(needle: Buffer, { at, end }: NeedleWindow, sample: Buffer): boolean {
  if (at === 0 && end === needle.length) return false;
  const window = needle.subarray(at, end);
  let anchors = 0;
  for (let p = sample.indexOf(needle[at]!); p >= 0; p = sample.indexOf(needle[at]!, p + 1)) anchors++;
  if (anchors === 0) return false;
  let matches = 0;
  for (let p = sample.indexOf(window); p >= 0; p = sample.indexOf(window, p + 1)) {
    if (++matches >= anchors * MAX_WINDOW_MATCH_SHARE) return true;
  }
  return false;
}

/**
 * A needle compiled for one input. Searches Buffer.indexOf for its window (see
 * {@link needleWindow}) and compares the bytes before and after the window where it is found, or
 * (see {@link anchorOnly}) jumps between occurrences of the window's first byte and compares the
 * whole needle there; untuned, it searches the whole needle.
 */
export class Needle {
  readonly bytes: Buffer;
  private at = 0;
  private end: number;
  private window: Buffer;
  /** Search the window's first byte alone (-1: search the window). */
  private anchor = -1;

  constructor(text: string | Buffer, freq?: ByteFrequencies, sample?: Buffer) {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.end = this.bytes.length;
    this.window = this.bytes;
    if (freq) this.tune(freq, sample);
  }

  /** Chooses the window for an input with these byte frequencies, and with a sample of it how to search it. */
  tune(freq: ByteFrequencies, sample?: Buffer): void {
    const w = needleWindow(this.bytes, freq);
    this.at = w.at;
    this.end = w.end;
    this.window = w.at === 0 && w.end === this.bytes.length ? this.bytes : this.bytes.subarray(w.at, w.end);
    this.anchor = sample !== undefined && anchorOnly(this.bytes, w, sample) ? this.bytes[w.at]! : -1;
  }

  /** Index of the first occurrence at or after `from`, or -1. */
  indexIn(buf: Buffer, from: number): number {
    const needle = this.bytes;
    if (this.anchor >= 0) return this.anchoredIn(buf, from);
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

  /** indexIn by memchr on the anchor byte, the whole needle compared in JS. */
  private anchoredIn(buf: Buffer, from: number): number {
    const needle = this.bytes;
    const { at, anchor } = this;
    const len = needle.length;
    for (let p = buf.indexOf(anchor, from + at); p >= 0; p = buf.indexOf(anchor, p + 1)) {
      const s = p - at;
      let k = 0;
      while (k < len && buf[s + k] === needle[k]) k++;
      if (k === len) return s;
    }
    return -1;
  }
}
