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

/** Opens `path`; gzip is recognised by its magic bytes, not its name. */
export async function openBlocks(path: string): Promise<BlockReader> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(2);
  const { bytesRead } = await fh.read(head, 0, 2, 0);
  if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) {
    await fh.close();
    return gzipReader(path);
  }
  return plainReader(fh);
}

function plainReader(fh: import('node:fs/promises').FileHandle): BlockReader {
  let position = 0;
  let done = false;
  return {
    encoding: 'plain',
    async next(leftover) {
      if (done) return null;
      // Grow geometrically with the leftover so a giant record is not copied quadratically.
      const want = Math.max(BLOCK_SIZE, leftover.length);
      const buf = Buffer.allocUnsafe(leftover.length + want);
      leftover.copy(buf, 0);
      let filled = leftover.length;
      while (filled < buf.length) {
        const { bytesRead } = await fh.read(buf, filled, buf.length - filled, position);
        if (bytesRead === 0) {
          done = true;
          break;
        }
        position += bytesRead;
        filled += bytesRead;
      }
      if (done && filled === 0) return null;
      return { buf: filled === buf.length ? buf : buf.subarray(0, filled), eof: done };
    },
    async close() {
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
