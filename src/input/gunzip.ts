// Gzip input as blocks: inflated a block ahead, problems reported on the block where they were found.
import type { FileHandle } from 'node:fs/promises';
import type { BlockReader } from './blocks.js';
import { GzipInflater } from './gzip-inflate.js';

/**
 * Reads a gzip file as blocks of about `blockSize` decompressed bytes. The next block is inflated
 * (on zlib's threads) while the caller scans the current one. A problem (a failed checksum, a cut,
 * trailing garbage) ends the block that reaches it and comes as that block's `error`, after every
 * byte inflated before it.
 */
export function gunzipReader(fh: FileHandle, blockSize: number): BlockReader {
  const out: Buffer[] = [];
  let outBytes = 0;
  const gz = new GzipInflater(fh, (chunk) => {
    out.push(chunk);
    outBytes += chunk.length;
  });
  /** Inflates until `target` bytes are waiting, the input ends or a problem is found. */
  const pump = async (target: number) => {
    while (!gz.finished && gz.note === null && outBytes < target) await gz.step();
  };
  let ahead: Promise<void> | null = null;
  let readFailure: { error: unknown } | null = null;

  return {
    encoding: 'gzip',
    async next(leftover) {
      if (ahead) await ahead;
      ahead = null;
      if (readFailure) throw readFailure.error;
      // A block adds about `blockSize` bytes to the leftover: a large record is kept apart by the
      // splitter (Splitter.takeRestore), never grown here.
      await pump(blockSize);
      const parts = out.splice(0);
      if (leftover.length) parts.unshift(leftover);
      const size = leftover.length + outBytes;
      outBytes = 0;
      const error = gz.note ?? undefined;
      gz.note = null;
      const eof = gz.finished;
      if (!eof) ahead = pump(blockSize).catch((error: unknown) => void (readFailure = { error }));
      if (size === 0 && eof && error === undefined) return null;
      const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
      return error === undefined ? { buf, eof } : { buf, eof, error };
    },
    async close() {
      if (ahead) await ahead;
      gz.destroy();
      await fh.close();
    },
  };
}
