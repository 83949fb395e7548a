// Record indexes at work: written while the first pass reads an input, read back by the second pass.
import type { RecordLocation } from '../../events/types.js';
import { recordHash, type RecordPlace, type SourceFile } from '../../input/record-source.js';
import { RecordHasher } from './record-hashes.js';
import { parsePublished } from '../../events/time.js';
import { publishedAt } from './probe.js';
import { closeQuietly, forEachCandidate, IndexWriter, openIndexFile, type IndexSelection, type SourceIndex, type SpansByHash } from './record-index.js';

/** What the worker says of the index of its part. */
export interface WorkerIndexReport {
  entries: number;
  /** Written completely and readable (no write failed, keys not lowercased). */
  ok: boolean;
}

/** One input's index while the first pass writes it: this thread's part, and a file for the worker's. */
export class IndexBuild {
  readonly hasher = new RecordHasher();
  readonly writer: IndexWriter;
  private workerFd: number | null = null;

  private constructor(fd: number) {
    this.writer = new IndexWriter(fd);
  }

  /** A new build, or null when no temporary file can be made (the input is then read twice). */
  static start(): IndexBuild | null {
    const fd = openIndexFile();
    return fd === null ? null : new IndexBuild(fd);
  }

  /** A file for the worker's part; null when none can be made (there will then be no index). */
  forWorker(): number | null {
    this.workerFd = openIndexFile();
    return this.workerFd;
  }

  /**
   * The index, once every record (`records` were cut in all) has its entry; null, with its files
   * closed, when it cannot stand for the input (a write failed, a part is missing, the input was
   * not read as records, or its keys are lowercased).
   */
  finish(records: number, worker?: WorkerIndexReport & { lineOffset: number }): SourceIndex | null {
    this.writer.flush();
    const parts = [{ fd: this.writer.fd, entries: this.writer.entries, lineOffset: 0 }];
    let ok = !this.writer.failed && this.hasher.usable;
    if (worker) {
      ok &&= worker.ok && this.workerFd !== null;
      if (this.workerFd !== null) parts.push({ fd: this.workerFd, entries: worker.entries, lineOffset: worker.lineOffset });
    } else ok &&= this.workerFd === null;
    ok &&= parts.reduce((n, p) => n + p.entries, 0) === records;
    if (ok) return { parts };
    this.abandon();
    return null;
  }

  /** Closes the build's files (after an error, or when the index is not used). */
  abandon(): void {
    closeQuietly(this.writer.fd);
    if (this.workerFd !== null) closeQuietly(this.workerFd);
    this.workerFd = null;
  }
}

/** Whether a record published at `t` (its bytes buf[0, len)) falls in a span of the value hashed `h`. */
function inSpans(map: SpansByHash, h: number, t: number, buf: Buffer, len: number): boolean {
  const spans = map.get(h);
  if (!spans) return false;
  for (const [a, b, text] of spans) if (t >= a && t <= b && (text === undefined || buf.subarray(0, len).includes(text))) return true;
  return false;
}

/** A record the index selected: where it is, and whether its time kept it, with its bytes (valid until the next read). */
export interface Gathered {
  kept: boolean;
  bytes: Buffer;
  offset: number;
  length: number;
  /** Line of the record's start (0: unknown). */
  line: number;
}

/**
 * Goes through the entries of `index` in file order and reads each record `sel` selects with
 * `read`; a record whose values only matter at other times than its `published` is dropped
 * before it is decoded (as the probes do when they read the input). `take` hears of every
 * selected record (dropped ones with `kept` false), with the number of entries gone through; the
 * object is reused. The main thread and the worker (see gather-worker.ts) both read an index
 * through this, so they keep the same records.
 */
export function gatherIndexed(read: (offset: number, length: number) => Buffer, index: SourceIndex, sel: IndexSelection, take: (g: Gathered, done: number) => void): void {
  let before = 0;
  const g: Gathered = { kept: false, bytes: Buffer.alloc(0), offset: 0, length: 0, line: 0 };
  for (const part of index.parts) {
    forEachCandidate(part, sel, (c, done) => {
      const { offset, length } = c;
      const buf = read(offset, length);
      let kept = true;
      if (!c.forced) {
        const t = publishedAt(buf, 0, length, parsePublished);
        kept = t === null || inSpans(sel.actors, c.actor, t, buf, length) || inSpans(sel.ips, c.ip, t, buf, length) || inSpans(sel.tokens, c.token, t, buf, length);
      }
      g.kept = kept;
      g.bytes = buf;
      g.offset = offset;
      g.length = length;
      g.line = c.line;
      take(g, before + done);
    });
    before += part.entries;
  }
}

/**
 * Reads the records of `file` that `index` selects, in file order, and hands each one's text,
 * location and source to `take` (see {@link gatherIndexed}). `onProgress` hears the end offset of
 * each record read and the number of index entries gone through.
 */
export function readIndexed(
  file: SourceFile,
  index: SourceIndex,
  sel: IndexSelection,
  take: (text: string, where: RecordLocation, place: RecordPlace) => void,
  onProgress?: (bytes: number, records: number) => void,
): void {
  gatherIndexed((offset, length) => file.bytes(offset, length), index, sel, (g, done) => {
    onProgress?.(g.offset + g.length, done);
    if (!g.kept) return;
    const where: RecordLocation = { file: file.label, offset: g.offset };
    if (g.line) where.line = g.line;
    take(g.bytes.toString('utf8'), where, { offset: g.offset, length: g.length, check: recordHash(g.bytes, 0, g.length) });
  });
}
