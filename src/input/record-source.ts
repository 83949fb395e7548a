// Where a record's bytes are in a plain input file, to read its text again when it is written out.
import { closeSync, openSync, readSync } from 'node:fs';
import { fnv1a, FNV_SEED } from '../bytes/fnv.js';
import { InputError } from '../errors.js';
import type { RecordRef } from '../model/original.js';

/**
 * A plain input file records are read back from. It is opened on the first read and stays open
 * until {@link SourceFile.close} (reading thousands of records one open at a time would cost more
 * than the reads).
 */
export class SourceFile {
  private fd: number | null = null;
  private buf = Buffer.allocUnsafe(64 * 1024);

  /** `label` names the input in messages; `path` is the file read (a spooled copy for stdin). */
  constructor(
    readonly path: string,
    readonly label: string,
  ) {}

  /**
   * The bytes at [offset, offset + length), in a buffer reused by the next read. Throws an
   * InputError when the file is shorter than that (changed since the first pass).
   */
  bytes(offset: number, length: number): Buffer {
    try {
      this.fd ??= openSync(this.path, 'r');
      if (this.buf.length < length) this.buf = Buffer.allocUnsafe(length);
      for (let got = 0; got < length; ) {
        const n = readSync(this.fd, this.buf, got, length - got, offset + got);
        if (n === 0) throw new Error('it is shorter now');
        got += n;
      }
    } catch (err) {
      throw new InputError(`${this.label}: cannot read it again (${(err as Error).message}); was it changed while it was scanned?`);
    }
    return this.buf.subarray(0, length);
  }

  /** The text of the record at [offset, offset + length), whose bytes had the hash `check` (see recordHash). */
  read(offset: number, length: number, check: number): string {
    const b = this.bytes(offset, length);
    if (recordHash(b, 0, length) !== check) throw new InputError(`${this.label}: a record differs from what was scanned; was the file changed while it was scanned?`);
    return b.toString('utf8');
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    this.fd = null;
  }
}

/** FNV-1a (32 bit) of every byte of buf[from, from + length), mixed with the length. */
export function recordHash(buf: Uint8Array, from: number, length: number): number {
  return fnv1a(buf, from, from + length, FNV_SEED ^ length);
}

/** Where a whole record sits in its input file, and a hash of its bytes as first read. */
export type RecordPlace = Omit<RecordRef, 'input'>;
