// Inflates a gzip file member by member with raw inflate, checking each trailer itself.
import { once } from 'node:events';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32, type InflateRaw } from 'node:zlib';
import { readGzipHeader, TRAILER_BYTES, trailerProblem } from './gzip-member.js';

/**
 * Most compressed bytes per inflate call, and output bytes per chunk. Node drops the output of a
 * chunk whose inflate fails, so OUT_CHUNK bounds what corrupt data can cost.
 */
const PIECE = 256 * 1024;
const OUT_CHUNK = 256 * 1024;
/** Output one inflate call may add to memory: pieces shrink when the data compresses extremely well. */
const MAX_PIECE_OUTPUT = 4 * 1024 * 1024;
const MIN_PIECE = 4096;
/** A header longer than this (a file name with no end) is not read. */
const MAX_HEADER = 1 << 20;

/**
 * Inflates the members of a gzip file one after another (`cat a.gz b.gz` makes several), handing
 * every output chunk to `onData` as soon as zlib makes it. zlib's own gunzip stream checks the
 * trailer in the same call that inflates the last bytes and loses that call's output when the
 * check fails (or when bytes follow the data); here the trailer is compared after the data was
 * delivered, so a bad checksum or trailing garbage costs nothing.
 */
export class GzipInflater {
  /** No more output will come. */
  finished = false;
  /** A problem found since the last `takeNote` (ends the input when `finished`). */
  note: string | null = null;
  private input: Buffer = Buffer.alloc(0);
  private filePos = 0;
  private fileDone = false;
  private inflater: InflateRaw | null = null;
  private failure: Error | null = null;
  private written: (() => void) | null = null;
  private crc = 0;
  private length = 0;
  private members = 0;
  private pieceSize = MIN_PIECE;

  constructor(
    private readonly fh: FileHandle,
    private readonly onData: (chunk: Buffer) => void,
  ) {}

  /** One step: starts a member, inflates one piece of it, or checks its trailer. */
  async step(): Promise<void> {
    if (this.inflater) await this.inflateStep(this.inflater);
    else await this.startMember();
  }

  /** Stops the inflater in use, if any. */
  destroy(): void {
    this.inflater?.destroy();
  }

  private stop(problem: string | null): void {
    this.note = problem;
    this.finished = true;
  }

  /** Reads from the file until `input` holds `min` bytes or the file ends. */
  private async fill(min: number): Promise<void> {
    while (this.input.length < min && !this.fileDone) {
      const chunk = Buffer.allocUnsafe(Math.max(PIECE, min - this.input.length));
      const { bytesRead } = await this.fh.read(chunk, 0, chunk.length, this.filePos);
      if (bytesRead === 0) this.fileDone = true;
      this.filePos += bytesRead;
      const fresh = chunk.subarray(0, bytesRead);
      this.input = this.input.length ? Buffer.concat([this.input, fresh]) : fresh;
    }
  }

  private async startMember(): Promise<void> {
    await this.fill(10);
    // Zero padding after the last member (tape and block devices) is fine.
    while (this.members > 0 && this.input.length > 0 && this.input.every((b) => b === 0)) {
      this.input = Buffer.alloc(0);
      await this.fill(10);
    }
    if (this.input.length === 0) {
      this.stop(null);
      return;
    }
    let header = readGzipHeader(this.input);
    while (header.kind === 'more' && !this.fileDone && this.input.length < MAX_HEADER) {
      await this.fill(this.input.length + PIECE);
      header = readGzipHeader(this.input);
    }
    if (header.kind !== 'ok') {
      const what = header.kind === 'more' ? 'gzip header cut short' : header.reason;
      this.stop(this.members === 0 ? `${what}; nothing could be read` : `bytes after the gzip data are not gzip (${what}); ignored`);
      return;
    }
    this.input = this.input.subarray(header.length);
    this.members++;
    this.crc = 0;
    this.length = 0;
    const z = createInflateRaw({ chunkSize: OUT_CHUNK });
    z.on('data', (chunk: Buffer) => {
      this.crc = crc32(chunk, this.crc);
      this.length += chunk.length;
      this.onData(chunk);
    });
    z.on('error', (err: Error) => {
      this.failure = err;
      this.written?.();
    });
    this.inflater = z;
  }

  /** Writes one piece; resolves when it was inflated (or the inflater failed). */
  private write(z: InflateRaw, piece: Buffer): Promise<void> {
    return new Promise<void>((resolve) => {
      this.written = resolve;
      z.write(piece, () => resolve());
    }).finally(() => (this.written = null));
  }

  private async inflateStep(z: InflateRaw): Promise<void> {
    await this.fill(1);
    if (this.input.length === 0) {
      // The file ends inside the deflate data (or exactly at its end, without a trailer).
      const ended = new Promise<void>((resolve) => {
        z.once('end', resolve);
        z.once('error', () => resolve());
      });
      z.end();
      await ended;
      const why = this.failure ? `cut short (${this.failure.message})` : 'cut short before its checksum';
      this.stop(`gzip stream ${why}; everything before that point was read`);
      return;
    }
    const piece = this.input.subarray(0, this.pieceSize);
    this.input = this.input.subarray(piece.length);
    const before = z.bytesWritten;
    const produced = this.length;
    await this.write(z, piece);
    if (this.failure) {
      this.stop(`gzip data is corrupt (${this.failure.message}); everything before that point was read`);
      return;
    }
    // A decompression bomb (1000:1) gets small pieces, JSON (about 8:1) full ones.
    const ratio = (this.length - produced) / piece.length;
    this.pieceSize = Math.max(MIN_PIECE, Math.min(PIECE, Math.floor(MAX_PIECE_OUTPUT / Math.max(ratio, 1))));
    const used = z.bytesWritten - before;
    if (used < piece.length || z.readableEnded) {
      // The deflate data ended inside this piece: the rest is the trailer and what follows.
      const rest = piece.subarray(used);
      this.input = this.input.length ? Buffer.concat([rest, this.input]) : rest;
      await this.finishMember(z);
    }
  }

  private async finishMember(z: InflateRaw): Promise<void> {
    if (!z.readableEnded) await once(z, 'end');
    this.inflater = null;
    await this.fill(TRAILER_BYTES);
    if (this.input.length < TRAILER_BYTES) {
      this.stop('gzip stream cut short in its checksum; all of its data was read');
      return;
    }
    const bad = trailerProblem(this.input, this.crc, this.length);
    this.input = this.input.subarray(TRAILER_BYTES);
    if (bad) this.note = `gzip member ${this.members} fails its ${bad} check: its data may be damaged (every record in it was still read)`;
  }
}
