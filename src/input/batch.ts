// A batch of raw records cut from one buffer: byte ranges plus where each came from.

/** Raw records found in one buffer. Arrays are reused between batches: copy what you keep. */
export class RecordBatch {
  /** The bytes the ranges point into. */
  buf: Buffer = Buffer.alloc(0);
  /** Stream offset (decompressed bytes) of `buf[0]`. */
  base = 0;
  /** Number of records in this batch. */
  count = 0;
  /** Start (inclusive) of each record's JSON text in `buf`. */
  starts = new Int32Array(1024);
  /** End (exclusive) of each record's JSON text in `buf`. */
  ends = new Int32Array(1024);
  /** 1-based line of each record's first byte, or 0 when lines are not tracked for this format. */
  lines = new Int32Array(1024);
  /** Records may hold several events each (Event Hook deliveries): set from the input's detected shape. */
  multi = false;

  /** Empties the batch and points it at a new buffer. */
  reset(buf: Buffer, base: number): void {
    this.buf = buf;
    this.base = base;
    this.count = 0;
  }

  /** Appends one record range. */
  push(start: number, end: number, line: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.lines[this.count] = line;
    this.count++;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const l = new Int32Array(n);
    l.set(this.lines);
    this.lines = l;
  }
}

/**
 * Receives problems found while cutting records (offset is a stream offset). `namesRevocation`: the
 * record dropped names the revocation event type (a revocation may be lost).
 */
export type DiagnosticSink = (offset: number, line: number, reason: string, namesRevocation?: boolean) => void;


/**
 * Cuts records out of a stream of buffers. `split` is called with a buffer that begins with the
 * bytes the previous call left unconsumed; it appends records to `out` and returns how many bytes
 * of `buf` it consumed (the rest is handed back at the front of the next buffer).
 */
export interface Splitter {
  /** Short format name for the summary, e.g. `ndjson`, `array`. */
  readonly format: string;
  split(buf: Buffer, base: number, eof: boolean, out: RecordBatch, diag: DiagnosticSink): number;
  /**
   * Bytes to put back in front of what the last `split` left unconsumed (a large record's earlier
   * bytes, kept apart while it streamed by, once it turned out to fit the limit); null when none.
   */
  takeRestore?(): Buffer | null;
}
