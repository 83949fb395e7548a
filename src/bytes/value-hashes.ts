// A set of probed values by a hash of their UTF-8 bytes, to rule out most raw values without decoding them.
import { fnv1a } from './fnv.js';

/**
 * The hashes of a set of values. `mayHold` is false only when the bytes are certainly none of the
 * values (no string is made); true means "decode and look it up": a hash can collide, never miss.
 */
export class ValueHashes {
  private readonly hashes = new Set<number>();
  private readonly lengths = new Set<number>();

  constructor(values: Iterable<string>) {
    for (const v of values) {
      const b = Buffer.from(v, 'utf8');
      this.hashes.add(fnv1a(b, 0, b.length));
      this.lengths.add(b.length);
    }
  }

  /** Whether buf[from, to) may be one of the values. */
  mayHold(buf: Uint8Array, from: number, to: number): boolean {
    return this.lengths.has(to - from) && this.hashes.has(fnv1a(buf, from, to));
  }
}
