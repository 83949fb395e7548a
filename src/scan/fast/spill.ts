// Candidate records the worker cannot hand over yet: written in order to an unnamed temporary file, read back by the main thread.
import { readSync, writeSync } from 'node:fs';

/** Candidate records of a split file's second part, as the worker sends them. */
export interface RecordsBatch {
  texts: string[];
  offsets: number[];
  lines: number[];
  marks: number[];
}

/** Where a spilled batch is in the spill file. */
export interface SpilledAt {
  position: number;
  bytes: number;
}

/** Candidate records as the worker holds them before they are sent: their bytes one after another. */
export interface RawRecordsBatch {
  /** The records' bytes, as read, one after another. */
  bytes: Buffer;
  /** Each record's length in `bytes`. */
  lengths: number[];
  offsets: number[];
  lines: number[];
  marks: number[];
}

/**
 * Appends batches to a spill file (opened by the main thread, see `openIndexFile`). Each batch is
 * one frame: a JSON line with the offsets, lines, marks and the records' byte lengths, then the
 * records' bytes as read (decoded only by whoever reads them back: the worker that writes them
 * never turns them into text).
 */
export class SpillWriter {
  private position = 0;
  /** A write failed (a full disk): the worker then waits for the main thread instead. */
  failed = false;

  constructor(private readonly fd: number) {}

  /** Writes `batch`; where it went, or null when the write failed. */
  write(batch: RawRecordsBatch): SpilledAt | null {
    if (this.failed) return null;
    const head = Buffer.from(`${JSON.stringify({ offsets: batch.offsets, lines: batch.lines, marks: batch.marks, lengths: batch.lengths })}\n`, 'utf8');
    const at = { position: this.position, bytes: head.length + batch.bytes.length };
    try {
      let p = this.position;
      for (const part of [head, batch.bytes]) {
        for (let done = 0; done < part.length; ) {
          const n = writeSync(this.fd, part, done, part.length - done, p);
          done += n;
          p += n;
        }
      }
    } catch {
      this.failed = true;
      return null;
    }
    this.position += at.bytes;
    return at;
  }
}

/** Reads back the batch written at `at`. */
export function readSpilled(fd: number, at: SpilledAt): RecordsBatch {
  const frame = Buffer.allocUnsafe(at.bytes);
  for (let got = 0; got < at.bytes; ) {
    const n = readSync(fd, frame, got, at.bytes - got, at.position + got);
    if (n === 0) throw new Error('spilled records cut short');
    got += n;
  }
  const nl = frame.indexOf(0x0a);
  const head = JSON.parse(frame.toString('utf8', 0, nl)) as Omit<RecordsBatch, 'texts'> & { lengths: number[] };
  // Each text is decoded on its own: a slice of one large string would keep all of it alive.
  const texts: string[] = [];
  let p = nl + 1;
  for (const len of head.lengths) {
    texts.push(frame.toString('utf8', p, p + len));
    p += len;
  }
  return { texts, offsets: head.offsets, lines: head.lines, marks: head.marks };
}
