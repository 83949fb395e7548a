// Gzip member framing (RFC 1952): the header in front of the deflate data, the trailer after it.

/** Reading a member header: the header's length, a need for more bytes, or why it is not one. */
export type GzipHeader = { kind: 'ok'; length: number } | { kind: 'more' } | { kind: 'bad'; reason: string };

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const RESERVED = 0xe0;

/** Bytes of the trailer: CRC-32 and length (mod 2^32) of the member's uncompressed data. */
export const TRAILER_BYTES = 8;

/**
 * Reads the member header at the start of `buf`: magic `1f 8b`, method 8 (deflate), flags, and
 * the optional extra field, file name, comment and header CRC. `more` means `buf` ends inside it.
 */
export function readGzipHeader(buf: Buffer): GzipHeader {
  if (buf.length >= 1 && buf[0] !== 0x1f) return { kind: 'bad', reason: 'not a gzip member' };
  if (buf.length >= 2 && buf[1] !== 0x8b) return { kind: 'bad', reason: 'not a gzip member' };
  if (buf.length < 10) return { kind: 'more' };
  if (buf[2] !== 8) return { kind: 'bad', reason: `unknown gzip compression method ${buf[2]}` };
  const flags = buf[3]!;
  if (flags & RESERVED) return { kind: 'bad', reason: 'gzip header has reserved flags set' };
  let i = 10;
  if (flags & FEXTRA) {
    if (buf.length < i + 2) return { kind: 'more' };
    i += 2 + buf.readUInt16LE(i);
  }
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    const zero = buf.indexOf(0, i);
    if (zero < 0) return { kind: 'more' };
    i = zero + 1;
  }
  if (flags & FHCRC) i += 2;
  return i > buf.length ? { kind: 'more' } : { kind: 'ok', length: i };
}

/**
 * Compares a member's trailer with the CRC-32 and length of the data it gave; returns what is
 * wrong, or null when both match.
 */
export function trailerProblem(trailer: Buffer, crc: number, length: number): string | null {
  const wantCrc = trailer.readUInt32LE(0);
  const wantLength = trailer.readUInt32LE(4);
  if (wantCrc !== crc >>> 0) return 'CRC-32';
  if (wantLength !== length % 2 ** 32) return 'length';
  return null;
}
