// Fast substring search: memchr on the needle's rarest byte, then compare; Buffer.indexOf otherwise.

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

/** Above this share of bytes, memchr on the anchor stops paying off. */
const MAX_ANCHOR_SHARE = 1 / 100;

/**
 * A needle compiled for one input. `Buffer.indexOf` is Boyer-Moore-Horspool in Node and, measured
 * on Okta exports, runs at 200–500 ms per GiB for many needles; single-byte indexOf is memchr, so
 * jumping between occurrences of the needle's rarest byte and comparing there runs at 40–120 ms
 * per GiB whenever that byte is rare in the input.
 */
export class Needle {
  readonly bytes: Buffer;
  private anchorAt = -1;
  private anchor = 0;

  constructor(text: string | Buffer, freq?: ByteFrequencies) {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    if (freq) this.tune(freq);
  }

  /** Chooses the anchor byte for an input with these byte frequencies. */
  tune(freq: ByteFrequencies): void {
    const b = this.bytes;
    let best = 0;
    for (let i = 1; i < b.length; i++) if (freq[b[i]!]! < freq[b[best]!]!) best = i;
    // Buffer.indexOf itself starts with memchr on the needle's first byte, in native code: it wins
    // whenever that byte is about as rare as the anchor (each anchor hit here costs a JS call).
    const firstIsRare = freq[b[0]!]! <= 5 * freq[b[best]!]!;
    if (b.length >= 2 && !firstIsRare && freq[b[best]!]! <= MAX_ANCHOR_SHARE) {
      this.anchorAt = best;
      this.anchor = b[best]!;
    } else {
      this.anchorAt = -1;
    }
  }

  /** Index of the first occurrence at or after `from`, or -1. */
  indexIn(buf: Buffer, from: number): number {
    const at = this.anchorAt;
    if (at < 0) return buf.indexOf(this.bytes, from);
    const needle = this.bytes;
    const len = needle.length;
    const last = buf.length - len;
    let p = buf.indexOf(this.anchor, from + at);
    while (p >= 0) {
      const s = p - at;
      if (s > last) return -1;
      let k = 0;
      while (k < len && buf[s + k] === needle[k]) k++;
      if (k === len) return s;
      p = buf.indexOf(this.anchor, p + 1);
    }
    return -1;
  }
}
