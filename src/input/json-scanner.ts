// Careful record splitter: follows JSON strings, escapes and nesting byte by byte.
import type { DiagnosticSink, RecordBatch, Splitter } from './batch.js';
import { namesRevocation, RevocationWatch } from './revoke-bytes.js';

const enum Mode {
  /** Between top-level values. */
  Top,
  /** Inside a top-level array, between elements. */
  Array,
  /** Inside an object that is a record (top-level or an array element). */
  Record,
  /** Inside a top-level array element that is not an object: skipped. */
  Skip,
  /** Skipping the rest of a line after garbage. */
  Line,
}

/** Options for {@link JsonScanner}. */
export interface JsonScannerOptions {
  /** Records longer than this are reported and skipped without being buffered. */
  maxRecordBytes: number;
  /** Start as if a top-level `[` had just been read. */
  startInArray?: boolean;
  /** Taking over mid-stream without knowing the line number: report offsets only. */
  linesUnknown?: boolean;
  /**
   * NDJSON recovery: a line starting with `{"` while a record is still open means that record was
   * cut short (a string of JSON cannot hold a raw newline, and pretty printers never start a line
   * inside an object with `{"`).
   */
  lineRecords?: boolean;
}

/**
 * An open record longer than this at the end of a buffer is moved out of it (copied, a block at a
 * time) instead of being handed back: the reader's buffers never grow for it, and a record that turns
 * out larger than the limit is dropped having cost at most the limit. One that fits is handed back
 * whole once it is closed (see `takeRestore`).
 */
export const PENDING_FROM = 4 * 1024 * 1024;

/** Bytes of a string scanned one by one before the scanner jumps to the string's next `"`, `\\` or line end. */
const LONG_STRING = 256;

/**
 * Splits any sequence of JSON values: objects are records, top-level arrays contribute their
 * elements (several arrays may follow each other: `][`, `]\n[`). About 500 MB/s; the fast
 * splitters hand over to it whenever the layout is not the one they expect.
 */
export class JsonScanner implements Splitter {
  readonly format = 'json';
  private mode: Mode;
  private depth = 0;
  private inStr = false;
  private esc = false;
  /** Bytes of the open record already scanned (relative to its start). */
  private scanned = 0;
  /** The open record is longer than allowed: scan on without keeping it. */
  private discarding = false;
  private discardStart = 0;
  private line = 1;
  private recordLine = 1;
  /** Whether a top-level array is open. */
  private arrayOpen: boolean;
  /** Whether the record being discarded named the revocation event type (it is never kept whole). */
  private readonly watch = new RevocationWatch();
  /** The open record's bytes from earlier buffers, when it grew past PENDING_FROM. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingStart = 0;
  /** A pending record that closed within the limit: its earlier bytes, to be put back in front. */
  private restore: Buffer | null = null;

  constructor(private readonly options: JsonScannerOptions) {
    this.mode = options.startInArray ? Mode.Array : Mode.Top;
    this.arrayOpen = options.startInArray === true;
  }

  /** Line number the scanner is at (1-based), for splitters handing over. */
  setLine(line: number): void {
    this.line = line;
  }

  split(buf: Buffer, base: number, eof: boolean, out: RecordBatch, diag: DiagnosticSink): number {
    return this.splitFrom(buf, 0, base, eof, out, diag);
  }

  /** Line the scanner has reached (1-based). */
  get currentLine(): number {
    return this.line;
  }

  /** True when the scanner is between top-level values (a splitter may take over again). */
  get atTop(): boolean {
    return this.mode === Mode.Top && !this.arrayOpen;
  }

  /** A record's earlier bytes wait to be put back (see `takeRestore`): the caller must return at once. */
  get restoring(): boolean {
    return this.restore !== null;
  }

  /**
   * After a call that closed a pending record within the limit: the record's bytes before that
   * buffer, which the caller puts back in front of what the call left unconsumed (the stream offset
   * of the next buffer moves back by their length). The record is then read again from its start,
   * whole. Null otherwise.
   */
  takeRestore(): Buffer | null {
    const r = this.restore;
    this.restore = null;
    return r;
  }

  /**
   * Like `split`, starting at `from` (buf[from] is stream offset `base + from`). With `handBack`,
   * returns as soon as one record or one bad part has been dealt with and the scanner is back
   * between top-level values.
   */
  splitFrom(buf: Buffer, from: number, base: number, eof: boolean, out: RecordBatch, sink: DiagnosticSink, handBack = false): number {
    const noLines = this.options.linesUnknown === true;
    const diag: DiagnosticSink = noLines ? (offset, _line, reason, names) => sink(offset, 0, reason, names) : sink;
    const n = buf.length;
    const max = this.options.maxRecordBytes;
    let i = from;
    // An open record resumes where the previous call stopped scanning it.
    const open = this.mode === Mode.Record || this.mode === Mode.Skip;
    if (open) i = this.discarding ? from : from + this.scanned;
    let start = open ? from : -1;
    let progressed = false;
    let { depth, inStr, esc, line } = this;
    while (i < n) {
      if (handBack && progressed && this.mode === Mode.Top && !this.arrayOpen) break;
      const b = buf[i]!;
      switch (this.mode) {
        case Mode.Top:
        case Mode.Array: {
          if (b === 0x0a) { line++; i++; continue; }
          if (b === 0x20 || b === 0x09 || b === 0x0d) { i++; continue; }
          // A BOM between records: at the start, or where files saved with one were concatenated.
          if (b === 0xef) {
            if (i + 2 >= n && !eof) break; // wait for the rest of a possible BOM
            if (buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) { i += 3; continue; }
          }
          if (b === 0x7b /* { */) {
            this.mode = Mode.Record;
            start = i; depth = 1; inStr = false; esc = false; this.recordLine = line; i++;
            continue;
          }
          if (this.mode === Mode.Array) {
            if (b === 0x2c /* , */) { i++; continue; }
            if (b === 0x5d /* ] */) { this.mode = Mode.Top; this.arrayOpen = false; i++; continue; }
            // A stray `}` would end a skipped element at once, where it began: step over it.
            if (b === 0x7d /* } */) { diag(base + i, line, "unexpected '}' in an array; skipped"); i++; continue; }
            diag(base + i, line, 'array element is not a JSON object; skipped');
            this.mode = Mode.Skip; start = i; depth = 0; inStr = false; esc = false; this.recordLine = line;
            continue;
          }
          if (b === 0x5b /* [ */) { this.mode = Mode.Array; this.arrayOpen = true; i++; continue; }
          diag(base + i, line, `unexpected ${describeByte(b)} between records; skipped to the next line`);
          this.mode = Mode.Line;
          continue;
        }
        case Mode.Line: {
          const nl = buf.indexOf(0x0a, i);
          if (nl < 0) { i = n; continue; }
          i = nl;
          this.mode = this.arrayOpen ? Mode.Array : Mode.Top;
          progressed = true;
          continue;
        }
        case Mode.Record:
        case Mode.Skip: {
          // Tight loop over the record's bytes.
          const skipping = this.mode === Mode.Skip;
          let j = i;
          let closed = -1;
          let broken = '';
          // In a long string, the next `"`, `\\` and line end are found by search (each cached until passed).
          let run = 0;
          let nextQuote = -1;
          let nextEscape = -1;
          let nextLine = -1;
          for (; j < n; j++) {
            const c = buf[j]!;
            if (inStr) {
              if (esc) esc = false;
              else if (c === 0x5c) { esc = true; run = 0; }
              else if (c === 0x22) { inStr = false; run = 0; }
              else if (c === 0x0a) { broken = 'string not terminated before the end of the line (record cut short?)'; break; }
              else if (++run > LONG_STRING) {
                if (nextQuote <= j) nextQuote = indexOr(buf, 0x22, j, n);
                if (nextEscape <= j) nextEscape = indexOr(buf, 0x5c, j, n);
                if (nextLine <= j) nextLine = indexOr(buf, 0x0a, j, n);
                j = Math.min(nextQuote, nextEscape, nextLine) - 1;
                run = 0;
              }
              continue;
            }
            if (c === 0x22) inStr = true;
            else if (c === 0x7b || c === 0x5b) depth++;
            else if (c === 0x7d || c === 0x5d) {
              if (skipping && depth === 0) { closed = j; break; }
              depth--;
              if (depth === 0 && !skipping) { closed = j + 1; break; }
            } else if (c === 0x0a) {
              line++;
              if (this.options.lineRecords && !skipping && lineStartsRecord(buf, j + 1)) {
                broken = 'record not closed before the next record starts (line cut short?)';
                break;
              }
            } else if (skipping && depth === 0 && c === 0x2c) { closed = j; break; }
          }
          if (broken) {
            const at = this.pendingBytes > 0 ? this.pendingStart : this.discarding ? this.discardStart : base + start;
            diag(at, this.recordLine, broken, this.pendingBytes > 0 ? this.dropPending(buf, start, j) : this.named(buf, start, j));
            if (buf[j] === 0x0a) { line++; j++; }
            this.mode = this.arrayOpen ? Mode.Array : Mode.Top;
            this.discarding = false;
            i = j; start = -1; depth = 0; inStr = false; esc = false; progressed = true;
            continue;
          }
          if (closed < 0) {
            // Record continues in the next buffer.
            i = n;
            continue;
          }
          if (skipping) {
            this.mode = Mode.Array;
            i = closed;
            start = -1;
            continue;
          }
          if (this.discarding) {
            diag(this.discardStart, this.recordLine, `record larger than ${max} bytes; skipped`, this.named(buf, start, closed));
            this.discarding = false;
          } else if (this.pendingBytes > 0) {
            if (this.pendingBytes + closed - start > max) {
              diag(this.pendingStart, this.recordLine, `record larger than ${max} bytes; skipped`, this.dropPending(buf, start, closed));
            } else {
              // It fits: its earlier bytes go back in front, and it is read again from its start, whole.
              this.restore = Buffer.concat(this.pending, this.pendingBytes);
              this.pending = [];
              this.pendingBytes = 0;
              this.mode = this.arrayOpen ? Mode.Array : Mode.Top;
              this.depth = 0; this.inStr = false; this.esc = false; this.line = this.recordLine; this.scanned = 0;
              return start;
            }
          } else if (closed - start > max) {
            diag(base + start, this.recordLine, `record larger than ${max} bytes; skipped`, namesRevocation(buf, start, closed));
          } else {
            out.push(start, closed, noLines ? 0 : this.recordLine);
          }
          this.mode = this.arrayOpen ? Mode.Array : Mode.Top;
          i = closed; start = -1; progressed = true;
          continue;
        }
      }
    }
    this.depth = depth; this.inStr = inStr; this.esc = esc; this.line = line;
    if (start >= 0) {
      // An open record: keep its bytes unless it is already too long.
      if (this.discarding || this.pendingBytes + n - start > max) {
        if (!this.discarding) {
          this.discarding = true;
          this.discardStart = this.pendingBytes > 0 ? this.pendingStart : base + start;
          this.watch.reset();
          for (const p of this.pending) this.watch.feed(p, 0, p.length);
          this.pending = [];
          this.pendingBytes = 0;
        }
        // The bytes go; only whether they named a revocation is kept.
        this.watch.feed(buf, start, n);
        this.scanned = 0;
        if (eof) this.reportEof(diag, this.discardStart, this.watch.seen);
        return n;
      }
      if (!eof && this.mode === Mode.Record && (this.pendingBytes > 0 || n - start > PENDING_FROM)) {
        // Moved out of the buffer (a copy), so the reader's blocks stay their usual size.
        if (this.pendingBytes === 0) this.pendingStart = base + start;
        this.pending.push(Buffer.from(buf.subarray(start, n)));
        this.pendingBytes += n - start;
        this.scanned = 0;
        return n;
      }
      this.scanned = n - start;
      if (eof) {
        const names = this.mode === Mode.Record && (this.pendingBytes > 0 ? this.dropPending(buf, start, n) : namesRevocation(buf, start, n));
        this.reportEof(diag, this.pendingBytes > 0 ? this.pendingStart : base + start, names);
        return n;
      }
      return start;
    }
    if (i < n) return i;
    if (eof && this.arrayOpen) {
      diag(base + n, line, 'input ends inside a JSON array (export cut short?); every complete record before it was read');
      this.arrayOpen = false;
      this.mode = Mode.Top;
    }
    return n;
  }

  /** Lets the pending bytes go; whether they, with `buf[start, end)`, named the revocation event type. */
  private dropPending(buf: Buffer, start: number, end: number): boolean {
    this.watch.reset();
    for (const p of this.pending) this.watch.feed(p, 0, p.length);
    this.watch.feed(buf, start, end);
    const seen = this.watch.seen;
    this.watch.reset();
    this.pending = [];
    this.pendingBytes = 0;
    return seen;
  }

  /** Whether the record ending at `end` named the revocation event type (its bytes from `start` are in `buf`). */
  private named(buf: Buffer, start: number, end: number): boolean {
    if (!this.discarding) return namesRevocation(buf, start, end);
    this.watch.feed(buf, start, end);
    const seen = this.watch.seen;
    this.watch.reset();
    return seen;
  }

  private reportEof(diag: DiagnosticSink, offset: number, names: boolean): void {
    const what = this.mode === Mode.Skip ? 'array element' : 'record';
    diag(offset, this.recordLine, `input ends inside a ${what} (export cut short?); it was skipped`, names);
    this.mode = Mode.Top;
    this.arrayOpen = false;
    this.discarding = false;
  }
}

/** Index of byte `b` in `buf[from, to)`, or `to` when absent. */
function indexOr(buf: Buffer, b: number, from: number, to: number): number {
  const i = buf.indexOf(b, from);
  return i < 0 || i > to ? to : i;
}

/** A line (after optional blanks) starting with `{"` : the beginning of an NDJSON record. */
function lineStartsRecord(buf: Buffer, i: number): boolean {
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0d)) i++;
  return buf[i] === 0x7b && buf[i + 1] === 0x22;
}

/** A byte as the user should read it in a message. */
function describeByte(b: number): string {
  if (b >= 0x21 && b < 0x7f) return `'${String.fromCharCode(b)}'`;
  return `byte 0x${b.toString(16).padStart(2, '0')}`;
}
