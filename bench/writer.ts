// Streams events to disk in one of the export layouts, batching into ~1 MiB writes, optionally gzipped.
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';

/** Export layouts: one event per line, `/api/v1/logs` pages, `jq .` output, or a single-line array. */
export type ExportFormat = 'ndjson' | 'array' | 'pretty' | 'onelinearray';

/** All layouts, for argument checking. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'array', 'pretty', 'onelinearray'];

const BATCH_BYTES = 1 << 20;
const SLACK = 64 << 10;

/** Byte totals once the file is closed. */
export interface WriteTotals {
  /** Uncompressed bytes written. */
  bytes: number;
  /** Size of the file on disk (compressed size with gzip). */
  fileBytes: number;
}

/**
 * Writes an export file. Call {@link add} per event, `await flush()` whenever {@link needsFlush}
 * is true (this applies backpressure), then {@link close}. Text is UTF-8-encoded straight into
 * ~1 MiB buffers, so each event's byte length comes for free.
 */
export class ExportWriter {
  private buf = Buffer.allocUnsafe(BATCH_BYTES + SLACK);
  private off = 0;
  private bytes = 0;
  private count = 0;
  private inPage = 0;
  private readonly out: WriteStream;
  private readonly head: Gzip | WriteStream;
  private failure: Error | null = null;

  /**
   * @param path file to create (truncated if present)
   * @param format layout; `pageSize` events per line for `array` (Okta's `limit`, default 1000)
   * @param gzipLevel compress with this zlib level (1–9), or undefined for plain output
   */
  constructor(readonly path: string, readonly format: ExportFormat, readonly pageSize = 1000, gzipLevel?: number) {
    this.out = createWriteStream(path, { highWaterMark: 16 << 20 });
    if (gzipLevel === undefined) this.head = this.out;
    else {
      const gz = createGzip({ level: gzipLevel, chunkSize: 1 << 20 });
      gz.pipe(this.out);
      this.head = gz;
      gz.on('error', (e: Error) => { this.failure ??= e; });
    }
    this.out.on('error', (e: Error) => {
      this.failure ??= e;
      if (this.head !== this.out) this.head.destroy(e);
    });
  }

  /** True once ~1 MiB is buffered. */
  get needsFlush(): boolean {
    return this.off >= BATCH_BYTES;
  }

  private put(s: string): number {
    if (this.buf.length - this.off < s.length * 3) {
      const bigger = Buffer.allocUnsafe(this.off + s.length * 3 + SLACK);
      this.buf.copy(bigger, 0, 0, this.off);
      this.buf = bigger;
    }
    const n = this.buf.write(s, this.off, 'utf8');
    this.off += n;
    return n;
  }

  /**
   * Appends one event given as compact JSON (re-indented like `jq .` for `pretty`).
   * Returns the UTF-8 byte length of `compact`.
   */
  add(compact: string): number {
    let n: number;
    switch (this.format) {
      case 'ndjson':
        n = this.put(compact);
        this.put('\n');
        break;
      case 'pretty':
        this.put((this.count === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(JSON.parse(compact), null, 2).replace(/\n/g, '\n  '));
        n = Buffer.byteLength(compact);
        break;
      case 'onelinearray':
        this.put(this.count === 0 ? '[' : ',');
        n = this.put(compact);
        break;
      case 'array':
        if (this.inPage === this.pageSize) {
          this.put(']\n[');
          this.inPage = 0;
        } else this.put(this.count === 0 ? '[' : ',');
        this.inPage++;
        n = this.put(compact);
        break;
    }
    this.count++;
    return n;
  }

  /** Hands the buffered bytes to the stream, waiting if the stream is over its high-water mark. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.off === 0) return;
    const chunk = this.buf.subarray(0, this.off);
    this.bytes += this.off;
    this.buf = Buffer.allocUnsafe(BATCH_BYTES + SLACK);
    this.off = 0;
    if (!this.head.write(chunk)) await once(this.head, 'drain');
  }

  /** Writes the closing bracket, flushes and closes the file. */
  async close(): Promise<WriteTotals> {
    if (this.format !== 'ndjson') this.put(this.count === 0 ? '[]\n' : this.format === 'pretty' ? '\n]\n' : ']\n');
    await this.flush();
    const finished = this.out.closed ? Promise.resolve() : once(this.out, 'close');
    this.head.end();
    await finished;
    if (this.failure) throw this.failure;
    return { bytes: this.bytes, fileBytes: statSync(this.path).size };
  }
}
