// A set of probed values by a hash of their UTF-8 bytes, to rule out most raw values without decoding them.

/** FNV-1a (32 bit) of buf[from, to). */
export function hashBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

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
      this.hashes.add(hashBytes(b, 0, b.length));
      this.lengths.add(b.length);
    }
  }

  /** Whether buf[from, to) may be one of the values. */
  mayHold(buf: Uint8Array, from: number, to: number): boolean {
    return this.lengths.has(to - from) && this.hashes.has(hashBytes(buf, from, to));
  }
}
