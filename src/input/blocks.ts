// Reads an input as large byte blocks, transparently gunzipping; leftovers are carried forward.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

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
  /** Why the input ended early (a corrupt or cut-short gzip stream); reported as a diagnostic. */
  error?: string;
}

/** A byte range of a plain file, read as if it were the whole input. */
export interface ByteRange {
  start: number;
  end: number;
  /** Bytes appended after the range (e.g. `\n]` to close a pretty array cut after an element). */
  tail?: Buffer;
}

/** Opens `path`; gzip is recognised by its magic bytes, not its name. */
export async function openBlocks(path: string, range?: ByteRange): Promise<BlockReader> {
  const fh = await open(path, 'r');
  if (range) return plainReader(fh, range);
  const head = Buffer.alloc(2);
  const { bytesRead } = await fh.read(head, 0, 2, 0);
  if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) {
    await fh.close();
    return gzipReader(path);
  }
  return plainReader(fh);
}

/** Room kept in front of each block for the previous block's unfinished record. */
const HEADROOM = 256 * 1024;

/**
 * Reads a plain file with the next block always in flight (the read overlaps the processing of the
 * current one), alternating between two buffers. The previous block's leftover is copied into the
 * headroom in front of the fresh bytes, so blocks are never copied; only a leftover larger than the
 * headroom (a giant record) makes a new, larger buffer.
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
      const eof = n < BLOCK_SIZE;
      let block: Buffer;
      if (leftover.length <= HEADROOM) {
        leftover.copy(buf, HEADROOM - leftover.length);
        block = buf.subarray(HEADROOM - leftover.length, HEADROOM + n);
      } else {
        block = Buffer.concat([leftover, buf.subarray(HEADROOM, HEADROOM + n)]);
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

function gzipReader(path: string): BlockReader {
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const stream = createReadStream(path, { highWaterMark: BLOCK_SIZE }).pipe(gunzip);
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = false;
  let pending: Buffer | null = null;
  return {
    encoding: 'gzip',
    async next(leftover) {
      if (done && !pending) return null;
      const parts: Buffer[] = leftover.length ? [leftover] : [];
      let size = leftover.length;
      const want = leftover.length + Math.max(BLOCK_SIZE, leftover.length);
      if (pending) {
        parts.push(pending);
        size += pending.length;
        pending = null;
      }
      while (!done && size < want) {
        let r: IteratorResult<Buffer>;
        try {
          r = await it.next();
        } catch (err) {
          done = true;
          const msg = (err as Error).message || String(err);
          return { buf: Buffer.concat(parts, size), eof: true, error: `gzip stream is corrupt or cut short (${msg}); everything before that point was read` };
        }
        if (r.done) {
          done = true;
          break;
        }
        parts.push(r.value);
        size += r.value.length;
      }
      if (size === 0 && done) return null;
      return { buf: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), eof: done };
    },
    async close() {
      stream.destroy();
    },
  };
}
