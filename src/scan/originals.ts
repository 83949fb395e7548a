// Reads window events' originals back from their inputs while the report is written: each record once, however many windows hold it.
import type { SourceFile } from '../input/record-source.js';
import type { OriginalReader, PrepareText, RecordRef } from '../model/original.js';
import type { ScanReport } from '../model/report.js';

function keyOf(ref: RecordRef): string {
  return `${ref.input}:${ref.offset}`;
}

/**
 * The report's {@link OriginalReader}. Before the report is written it is told every reference
 * the report holds ({@link expect}); a record held by several windows is then read (and prepared)
 * once and its text kept only until its last reader has taken it, so memory holds at most the
 * texts of events shared by windows not yet written. A record read more often than expected, or
 * asked for prepared another way than it is kept, is read again.
 */
export class OriginalStore implements OriginalReader {
  private readonly wanted = new Map<string, { left: number; text: string | null; prepare: PrepareText | undefined }>();
  /** Records read from disk, for `--stats` and tests. */
  reads = 0;

  /** `files` by input index: the inputs whose records are held by reference. */
  constructor(private readonly files: ReadonlyMap<number, SourceFile>) {}

  /** Counts every reference held by the report's window events. */
  expectReport(report: ScanReport): void {
    for (const f of report.findings) for (const e of f.window?.events ?? []) if ('ref' in e.event) this.expect(e.event.ref);
  }

  /** Counts one more reader of `ref`. */
  expect(ref: RecordRef): void {
    const key = keyOf(ref);
    const w = this.wanted.get(key);
    if (w) w.left++;
    else this.wanted.set(key, { left: 1, text: null, prepare: undefined });
  }

  /** The record's text, or `prepare(text)` (an InputError when the input changed since it was scanned). */
  text(ref: RecordRef, prepare?: PrepareText): string {
    const key = keyOf(ref);
    const w = this.wanted.get(key);
    if (w?.text != null && w.prepare === prepare) {
      const text = w.text;
      if (--w.left <= 0) this.wanted.delete(key);
      return text;
    }
    const file = this.files.get(ref.input);
    if (!file) throw new Error(`no input ${ref.input} to read a record from`);
    this.reads++;
    const read = file.read(ref.offset, ref.length, ref.check);
    const text = prepare ? prepare(read) : read;
    if (w) {
      if (--w.left <= 0) this.wanted.delete(key);
      else {
        w.text = text;
        w.prepare = prepare;
      }
    }
    return text;
  }

  /** Closes the input files. */
  close(): void {
    for (const f of this.files.values()) f.close();
  }
}
