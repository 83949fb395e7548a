// One input's part of a pass: records and values in, events out through the intake, with counts, progress and the newest time.
import { namesRevokeEvent } from '../events/event-types.js';
import { parsePublished } from '../events/time.js';
import type { RecordLocation } from '../events/types.js';
import type { RecordBatch } from '../input/batch.js';
import type { ReadSink } from '../input/read.js';
import type { ValueWhere } from '../input/values.js';
import type { RecordRef } from '../model/original.js';
import type { TokenCall } from '../events/token-call.js';
import type { DiagnosticLog } from './diagnostics.js';
import { gluedRecords } from './glued.js';
import type { IndexBuild } from './fast/indexed-read.js';
import { Intake, type IntakeContext } from './intake.js';
import type { PassProgress } from './pass-types.js';
import { Mark, type Prefilter } from './fast/prefilter.js';
import { publishedAt } from './fast/probe.js';

/** What every input of a pass shares: counts, progress, the newest time seen, a marks buffer. */
export class PassState {
  parsed = 0;
  /** The newest `published` seen (ms), or null. */
  newest: number | null;
  readonly progress: PassProgress = { bytes: 0, records: 0 };
  marks = new Uint8Array(1024);

  constructor(
    readonly diagnostics: DiagnosticLog,
    newest: number | null,
    /** Told how far the pass has read. */
    readonly onProgress: ((progress: PassProgress) => void) | undefined,
  ) {
    this.newest = newest;
  }

  /** Notes a `published` time (ms), if it is the newest so far. */
  newer(t: number | null): void {
    if (t !== null && (this.newest === null || t > this.newest)) this.newest = t;
  }

  /** Tells the listener how far the pass has read. */
  report(): void {
    this.onProgress?.(this.progress);
  }
}

/**
 * One input as a pass reads it. It is the sink every read strategy feeds: record batches (cut and
 * pre-filtered here), values (documents, tables), candidate records' texts (from another thread or
 * a record index) and problems. Candidates are parsed, unwrapped and normalised by its intake.
 */
export class InputPass implements ReadSink {
  readonly intake: Intake;
  /** Progress of the pass when this input started. */
  private readonly before: PassProgress;
  /** Bytes this thread has read of the input, and what a worker reading its second part has told. */
  private ownBytes = 0;
  private readonly workerRead = { bytes: 0, records: 0 };

  constructor(
    private readonly state: PassState,
    /** The input's name in diagnostics. */
    readonly file: string,
    ctx: IntakeContext,
    private readonly prefilter: Prefilter,
    /** A later pass: diagnostics the reader finds were reported by the first one. */
    private readonly later: boolean,
    /** The first pass's record index of this input, while it is written. */
    readonly build: IndexBuild | null,
  ) {
    this.intake = new Intake(ctx);
    this.before = { ...state.progress };
  }

  private get diagnostics(): DiagnosticLog {
    return this.state.diagnostics;
  }

  /**
   * Parses one candidate record's text and takes the events it holds; `ref` says where the whole
   * record can be read again (plain inputs read through their index).
   */
  record(text: string, where: RecordLocation, mark: number, part = false, ref?: RecordRef, sampleOnly = false): void {
    if (!part) this.state.parsed++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      // Several records glued on one line (files concatenated without a final newline)?
      const bytes = part ? null : Buffer.from(text);
      const parts = bytes ? gluedRecords(bytes, 0, bytes.length) : [];
      if (parts.length === 0) {
        this.intake.broken(where, `not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`, namesRevokeEvent(text));
        return;
      }
      const reason = `${parts.length} records with no line break between them (files concatenated without a final newline?); each was read`;
      if (this.diagnostics.add({ ...where, reason }, this.later)) this.intake.extra += parts.length - 1;
      for (const [ps, pe] of parts) this.record(bytes!.toString('utf8', ps, pe), { ...where, offset: (where.offset ?? 0) + ps }, mark, true, undefined, sampleOnly);
      return;
    }
    if (mark & Mark.BadUtf8) this.diagnostics.add({ ...where, reason: 'invalid UTF-8 bytes (read as U+FFFD)' }, this.later);
    this.intake.take(value, where, '', () => text, text, ref, sampleOnly);
  }

  /** A call made with a token that another thread parsed and read as its facts. */
  call(c: TokenCall): void {
    this.state.parsed++;
    this.intake.call(c);
  }

  // The sink's three entries are bound: readers hand them on as plain functions.

  /** A block's records: progress, the newest time, the pre-filter's marks, the index entries, then the candidates parsed. */
  readonly batch = (b: RecordBatch): void => {
    const { buf, starts, ends, lines, base, count } = b;
    const state = this.state;
    if (state.onProgress) {
      this.ownBytes = base + ends[count - 1]!;
      state.progress.bytes = Math.max(state.progress.bytes, this.before.bytes + this.ownBytes + this.workerRead.bytes);
      state.progress.records += count;
      state.report();
    }
    if (!this.later) {
      state.newer(publishedAt(buf, starts[0]!, ends[0]!, parsePublished));
      state.newer(publishedAt(buf, starts[count - 1]!, ends[count - 1]!, parsePublished));
    }
    if (state.marks.length < count) state.marks = new Uint8Array(count * 2);
    const marks = state.marks;
    // Deliveries hold several events each: the first pass reads them all, for exact counts.
    const n = this.prefilter.mark(b, marks, this.prefilter.all || (b.multi && !this.later));
    if (this.build) {
      this.build.hasher.hash(b, marks);
      this.build.writer.add(b, this.build.hasher);
    }
    // Until a first event is read, every record is parsed: an input whose records are all broken
    // (encrypted, random bytes) is then known to be unreadable, not taken for one without revocations.
    const sampling = !this.later && this.intake.good === 0;
    if (n === 0 && !sampling) return;
    for (let i = 0; i < count; i++) {
      let m = marks[i]!;
      // A record the pre-filter did not select is parsed only to see whether it is an event.
      const sampleOnly = m === 0;
      if (sampleOnly) {
        if (!sampling || this.intake.good > 0) continue;
        m = Mark.Needle;
      }
      const where: RecordLocation = { file: this.file, offset: base + starts[i]! };
      if (lines[i]) where.line = lines[i];
      this.record(buf.toString('utf8', starts[i], ends[i]), where, m, false, undefined, sampleOnly);
    }
  };

  /** A value of a document or table (already parsed). */
  readonly value = (v: unknown, w: ValueWhere): void => {
    this.state.parsed++;
    const where: RecordLocation = w.line ? { file: this.file, line: w.line } : { file: this.file };
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify returns undefined for undefined, functions and symbols; its type says string
    this.intake.take(v, where, w.path ?? '', () => JSON.stringify(v) ?? '');
    // Documents and tables give no byte positions: only the record count moves until the input ends.
    if (this.state.onProgress) {
      this.state.progress.records++;
      this.state.report();
    }
  };

  /** A problem the reader found (reported by the first pass only). */
  readonly diag = (offset: number | undefined, line: number, reason: string, namesRevocation?: boolean): void => {
    if (this.later) return;
    const d: RecordLocation = { file: this.file };
    if (line) d.line = line;
    if (offset !== undefined) d.offset = offset;
    this.diagnostics.add(namesRevocation ? { ...d, reason, namesRevocation: true } : { ...d, reason });
  };

  /** How far a worker reading the input's second part has read. */
  workerProgress(bytes: number, records: number): void {
    const state = this.state;
    state.progress.records += records - this.workerRead.records;
    this.workerRead.bytes = bytes;
    this.workerRead.records = records;
    state.progress.bytes = Math.max(state.progress.bytes, this.before.bytes + this.ownBytes + bytes);
    state.report();
  }

  /** Progress set to a point of this input: `bytes` and `records` read of it. */
  progressAt(bytes: number, records: number): void {
    this.state.progress.bytes = this.before.bytes + bytes;
    this.state.progress.records = this.before.records + records;
    this.state.report();
  }
}
