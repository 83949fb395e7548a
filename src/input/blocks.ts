// Reads an input as large byte blocks, transparently gunzipping; leftovers are carried forward.
import { open } from 'node:fs/promises';
import { gunzipReader } from './gunzip.js';

/** Size of one read. Large reads keep per-block overhead negligible. */
export const BLOCK_SIZE = 1 << 20;

/** A source of byte blocks; each block starts with the bytes the caller handed back. */
export interface BlockReader {
  /** `gzip` when the bytes were compressed, else `plain`. */
  readonly encoding: 'gzip' | 'plain';
  /**
   * Next block: `leftover` (may be empty) followed by fresh bytes. Returns `null` at the end when
   * there is nothing left, and `eof: true` with the last block.
   */
  next(leftover: Buffer): Promise<Block | null>;
  close(): Promise<void>;
}

/** One block of bytes. */
export interface Block {
  buf: Buffer;
  /** No bytes follow this block. */
  eof: boolean;
  /**
   * A problem found in the bytes up to the end of this block (a corrupt or cut-short gzip stream,
   * a failed gzip checksum); reported as a diagnostic. More blocks may follow unless `eof`.
   */
  error?: string;
}

/** A byte range of a plain file, read as if it were the whole input. */
export interface ByteRange {
  start: number;
  end: number;
  /** Bytes appended after the range (e.g. `\n]` to close a pretty array cut after an element). */
  tail?: Buffer;
}

/** Whether the file at `path` starts with the gzip magic bytes. */
export async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Opens `path`; gzip is recognised by its magic bytes, not its name. */
export async function openBlocks(path: string, range?: ByteRange): Promise<BlockReader> {
  const fh = await open(path, 'r');
  if (range) return plainReader(fh, range);
  const head = Buffer.alloc(2);
  const { bytesRead } = await fh.read(head, 0, 2, 0);
  if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) {
    return gunzipReader(fh, BLOCK_SIZE);
  }
  return plainReader(fh);
}

/** Room kept in front of each block for the previous block's unfinished record. */
const HEADROOM = 256 * 1024;

/**
 * Reads a plain file with the next block always in flight (the read overlaps the processing of the
 * current one), alternating between two buffers. The previous block's leftover is copied into the
 * headroom in front of the fresh bytes, so blocks are never copied; only a leftover larger than the
 * headroom (a giant record) makes a new buffer, twice the leftover's size.
 */
function plainReader(fh: import('node:fs/promises').FileHandle, range?: ByteRange): BlockReader {
  const pool = [Buffer.allocUnsafe(HEADROOM + BLOCK_SIZE), Buffer.allocUnsafe(HEADROOM + BLOCK_SIZE)];
  let turn = 0;
  let position = range?.start ?? 0;
  const limit = range?.end ?? Number.MAX_SAFE_INTEGER;
  let done = false;
  const readInto = async (buf: Buffer): Promise<number> => {
    let filled = 0;
    while (filled < BLOCK_SIZE && position < limit) {
      const want = Math.min(BLOCK_SIZE - filled, limit - position);
      const { bytesRead } = await fh.read(buf, HEADROOM + filled, want, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      filled += bytesRead;
    }
    return filled;
  };
  let inFlight: Promise<number> | null = readInto(pool[0]!);
  return {
    encoding: 'plain',
    async next(leftover) {
      if (done || !inFlight) return null;
      const buf = pool[turn]!;
      const n = await inFlight;
      inFlight = null;
      let eof = n < BLOCK_SIZE;
      let block: Buffer;
      if (leftover.length <= HEADROOM) {
        leftover.copy(buf, HEADROOM - leftover.length);
        block = buf.subarray(HEADROOM - leftover.length, HEADROOM + n);
      } else {
        // A record longer than the headroom: the block grows to twice the leftover, so a giant
        // record is read in a few doublings (linear time) rather than one block at a time.
        const big = Buffer.allocUnsafe(2 * leftover.length + n);
        leftover.copy(big, 0);
        buf.copy(big, leftover.length, HEADROOM, HEADROOM + n);
        let filled = leftover.length + n;
        while (!eof && filled < big.length) {
          const { bytesRead } = await fh.read(big, filled, big.length - filled, position);
          if (bytesRead === 0) eof = true;
          position += bytesRead;
          filled += bytesRead;
        }
        block = big.subarray(0, filled);
      }
      if (eof) {
        done = true;
        if (range?.tail) block = Buffer.concat([block, range.tail]);
      } else {
        // The other buffer is free now: its leftover was just copied.
        turn ^= 1;
        inFlight = readInto(pool[turn]!);
      }
      if (eof && block.length === 0) return null;
      return { buf: block, eof };
    },
    async close() {
      if (inFlight) await inFlight.catch(() => 0);
      await fh.close();
    },
  };
}
