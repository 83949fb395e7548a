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

/**
 * Appends batches to a spill file (opened by the main thread, see `openIndexFile`). Each batch is
 * one frame: a JSON line with the offsets, lines, marks and the texts' UTF-8 lengths, then the texts.
 */
export class SpillWriter {
  private position = 0;
  /** A write failed (a full disk): the worker then waits for the main thread instead. */
  failed = false;

  constructor(private readonly fd: number) {}

  /** Writes `batch`; where it went, or null when the write failed. */
  write(batch: RecordsBatch): SpilledAt | null {
    if (this.failed) return null;
    const head = JSON.stringify({ offsets: batch.offsets, lines: batch.lines, marks: batch.marks, lengths: batch.texts.map((t) => Buffer.byteLength(t)) });
    const frame = Buffer.from(`${head}\n${batch.texts.join('')}`, 'utf8');
    try {
      for (let done = 0; done < frame.length; ) done += writeSync(this.fd, frame, done, frame.length - done, this.position + done);
    } catch {
      this.failed = true;
      return null;
    }
    const at = { position: this.position, bytes: frame.length };
    this.position += frame.length;
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
