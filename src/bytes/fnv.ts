// FNV-1a (32 bit): the one byte hash of the scan (probed values, record index entries, re-read checks).

/** The FNV-1a offset basis: the seed of a plain hash. */
export const FNV_SEED = 0x811c9dc5;

/** FNV-1a (32 bit) of buf[from, to), starting from `seed`. */
export function fnv1a(buf: Uint8Array, from: number, to: number, seed: number = FNV_SEED): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}
