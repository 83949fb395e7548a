// One pass over every input: cut records, pre-filter raw bytes, parse, unwrap and normalise candidates.
import { parsePublished } from '../events/time.js';
import { namesRevokeEvent } from '../events/event-types.js';
import type { OktaEvent, RecordLocation } from '../events/types.js';
import { UserError } from '../errors.js';
import type { RecordBatch } from '../input/batch.js';
import type { ValueWhere } from '../input/values.js';
import { readInput, type ReadOptions } from '../input/read.js';
import type { InputSource } from '../input/sources.js';
import type { InputSummary } from '../model/report.js';
import { DiagnosticLog } from './diagnostics.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { Intake, type IntakeContext } from './intake.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';
import { canUseWorkers } from './parallel.js';
import { gluedRecords } from './glued.js';
import { Mark } from './prefilter.js';
import { planSplit } from './split-plan.js';
import { publishedAt } from './probe.js';
import { closeIndexes, selectionFor, type SourceIndex } from './record-index.js';
import { readSplit } from './split-read.js';
import { IndexBuild, readIndexed } from './indexed-read.js';
import { readIndexedInWorker } from './gather-read.js';
import { SourceFile, type RecordSource } from '../input/record-source.js';
import { isGzipFile } from '../input/blocks.js';

/** What a pass needs. */
export interface PassOptions {
  sources: InputSource[];
  read: ReadOptions;
  /** Which records to parse (built afresh for each input, and in the worker thread). */
  filter: FilterSpec;
  /** 2: large plain NDJSON and pretty-array files are read by two threads, about one half each. */
  threads?: number;
  /** Smallest file read by two threads (default 64 MiB). */
  parallelMinBytes?: number;
  /**
   * Called for each parsed event whose uuid was not kept before, in input order. Returns true when
   * the event matters to the scan: its uuid is then remembered, and later copies are counted as
   * duplicates and skipped. (Only events that matter are remembered, so memory follows the
   * findings and windows, not the input size.)
   */
  onEvent(event: OktaEvent, where: RecordLocation): boolean;
  /**
   * A pass already made over the same inputs. This pass then adds to its counts and diagnostics:
   * the reader's diagnostics are not repeated, only problems in records the earlier pass did not
   * parse are new, and copies of events the earlier pass kept are not counted again.
   */
  previous?: PassResult;
  /** Remember every event's uuid, not only those that matter: exact duplicate counts (--validate). */
  dedupAll?: boolean;
  /** Told how far the pass has read, once per block of records and at the end of each input. */
  onProgress?: (progress: PassProgress) => void;
  /**
   * Write a record index of each plain (not gzipped) input of records: a later pass given this one
   * as `previous` then reads only the records its probes select, instead of the whole input.
   */
  index?: boolean;
}

/** How far a pass has read, over all its inputs so far. */
export interface PassProgress {
  /** Bytes read (decompressed), up to the end of the last record cut. */
  bytes: number;
  /** Records cut (before any parsing). */
  records: number;
}

/** Counts for one input in a pass. */
export type PassInput = Omit<InputSummary, 'error'> & { error: string | null; bytes: number };

/** What a pass found besides the events. */
export interface PassResult {
  inputs: PassInput[];
  diagnostics: DiagnosticLog;
  /** Records parsed (candidates), for --stats. */
  parsed: number;
  /** Identity keys (uuid, type, time) of the events that mattered. */
  kept: Set<string>;
  /** Inputs read by two threads. */
  split: number;
  /**
   * The newest `published` seen (ms), or null: the latest of every parsed event and of the first
   * and last record of every block (exact for inputs sorted by time, either way round).
   */
  newest: number | null;
  /** Inputs this pass read through a previous pass's record index. */
  indexed: number;
  /**
   * Inputs whose records were read through an index: kept events' texts are read from them again
   * when written out (see `OktaEvent.source`); the caller closes them once the report is written.
   */
  sourceFiles: SourceFile[];
  /** Per input, its record index (see `index`), or null; the caller closes them (`closeIndexes`). */
  indexes: (SourceIndex | null)[];
}

/** The one line for an input that gave no event at all, only problems. */
function unreadable(file: string, problems: number, first: Diagnostic | undefined): string {
  const where = first?.line ? ` (line ${first.line})` : first?.offset !== undefined ? ` (byte ${first.offset})` : '';
  const what = first ? `; the first${where}: ${first.reason}` : '';
  return `${file}: unreadable: not one Okta event in it, ${problems} problem${problems === 1 ? '' : 's'}${what} (not an Okta System Log export, or encrypted or damaged?)`;
}

/**
 * Reads every input once. Records the pre-filter cannot rule out are parsed, unwrapped (Event Hook
 * deliveries, message wrappers, SIEM documents: see `unwrap`) and normalised; the rest are only
 * counted. Documents and tables arrive parsed and are all normalised. An input that cannot be read
 * is recorded with its error and the pass goes on with the next one.
 */
export async function runPass(opts: PassOptions): Promise<PassResult> {
  const prev = opts.previous;
  const diagnostics = prev?.diagnostics ?? new DiagnosticLog();
  const seen = new Set<string>();
  const inputs: PassResult['inputs'] = [];
  let marks = new Uint8Array(1024);
  let parsed = 0;
  let split = 0;
  let indexedReads = 0;
  const sourceFiles: SourceFile[] = [];
  const progress: PassProgress = { bytes: 0, records: 0 };
  let newest: number | null = prev?.newest ?? null;
  const newer = (t: number | null) => {
    if (t !== null && (newest === null || t > newest)) newest = t;
  };
  const indexes: (SourceIndex | null)[] = [];
  // A later pass reads indexed inputs through their index when its pre-filter is one the index can stand for.
  const selection = prev && !opts.filter.all && opts.filter.needles.every((n) => n === '_token.') ? selectionFor(opts.filter.probes) : null;
  const ctx: IntakeContext = { diagnostics, seen, previous: prev?.kept, onEvent: opts.onEvent, dedupAll: opts.dedupAll === true };
  for (const [index, src] of opts.sources.entries()) {
    const before = { ...progress };
    const file = src.label;
    const summary: PassInput = prev?.inputs[index] ?? { path: file, format: 'unknown', events: 0, duplicates: 0, diagnostics: 0, error: null, bytes: 0 };
    inputs.push(summary);
    indexes.push(null);
    if (prev && summary.error !== null) continue;
    const prefilter = prefilterFromSpec(opts.filter);
    const intake = new Intake(ctx);
    /**
     * Parses one candidate record's text and takes the events it holds; `source` says where the
     * whole record can be read again (plain inputs read through their index).
     */
    const record = (text: string, where: RecordLocation, m: number, part = false, source?: RecordSource) => {
      if (!part) parsed++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        // Several records glued on one line (files concatenated without a final newline)?
        const bytes = part ? null : Buffer.from(text);
        const parts = bytes ? gluedRecords(bytes, 0, bytes.length) : [];
        if (parts.length === 0) {
          intake.broken(where, `not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`, namesRevokeEvent(text));
          return;
        }
        const reason = `${parts.length} records with no line break between them (files concatenated without a final newline?); each was read`;
        if (diagnostics.add({ ...where, reason }, prev !== undefined)) intake.extra += parts.length - 1;
        for (const [ps, pe] of parts) record(bytes!.toString('utf8', ps, pe), { ...where, offset: (where.offset ?? 0) + ps }, m, true);
        return;
      }
      if (m & Mark.BadUtf8) diagnostics.add({ ...where, reason: 'invalid UTF-8 bytes (read as U+FFFD)' }, prev !== undefined);
      intake.take(value, where, '', () => text, text, source);
    };
    // Bytes this thread has read of the input, and what the worker (second half) has told.
    let ownBytes = 0;
    const workerRead = { bytes: 0, records: 0 };
    const onWorkerProgress = opts.onProgress && ((bytes: number, records: number) => {
      progress.records += records - workerRead.records;
      workerRead.bytes = bytes;
      workerRead.records = records;
      progress.bytes = Math.max(progress.bytes, before.bytes + ownBytes + bytes);
      opts.onProgress!(progress);
    });
    // The first pass's record index of this input, while it is written.
    let build: IndexBuild | null = null;
    const batch = (b: RecordBatch) => {
      const { buf, starts, ends, lines, base, count } = b;
      if (opts.onProgress) {
        ownBytes = base + ends[count - 1]!;
        progress.bytes = Math.max(progress.bytes, before.bytes + ownBytes + workerRead.bytes);
        progress.records += count;
        opts.onProgress(progress);
      }
      if (!prev) {
        newer(publishedAt(buf, starts[0]!, ends[0]!, parsePublished));
        newer(publishedAt(buf, starts[count - 1]!, ends[count - 1]!, parsePublished));
      }
      if (marks.length < count) marks = new Uint8Array(count * 2);
      // Deliveries hold several events each: the first pass reads them all, for exact counts.
      const n = prefilter.mark(b, marks, prefilter.all || (b.multi && !prev));
      if (build) {
        build.hasher.hash(b, marks);
        build.writer.add(b, build.hasher);
      }
      // Until a first event is read, every record is parsed: an input whose records are all broken
      // (encrypted, random bytes) is then known to be unreadable, not taken for one without revocations.
      const sampling = !prev && intake.good === 0;
      if (n === 0 && !sampling) return;
      for (let i = 0; i < count; i++) {
        let m = marks[i]!;
        if (m === 0) {
          if (!sampling || intake.good > 0) continue;
          m = Mark.Needle;
        }
        const where: RecordLocation = { file, offset: base + starts[i]! };
        if (lines[i]) where.line = lines[i];
        record(buf.toString('utf8', starts[i], ends[i]), where, m);
      }
    };
    const value = (v: unknown, w: ValueWhere) => {
      parsed++;
      const where: RecordLocation = w.line ? { file, line: w.line } : { file };
      intake.take(v, where, w.path ?? '', () => JSON.stringify(v) ?? '');
      // Documents and tables give no byte positions: only the record count moves until the input ends.
      if (opts.onProgress) {
        progress.records++;
        opts.onProgress(progress);
      }
    };
    const diag = (offset: number | undefined, line: number, reason: string, namesRevocation?: boolean) => {
      if (prev) return;
      const d: RecordLocation = { file };
      if (line) d.line = line;
      if (offset !== undefined) d.offset = offset;
      diagnostics.add(namesRevocation ? { ...d, reason, namesRevocation: true } : { ...d, reason });
    };
    try {
      const sink = { batch, value, diag };
      const indexed = selection ? (prev?.indexes?.[index] ?? null) : null;
      const plan = !indexed && (opts.threads ?? 1) > 1 && canUseWorkers() ? await planSplit(src.path, opts.parallelMinBytes ?? 64 << 20, opts.read).catch(() => null) : null;
      if (opts.index && !prev && !opts.filter.all && !(await isGzipFile(src.path).catch(() => true))) build = IndexBuild.start();
      let stats: { format: string; records: number; bytes: number };
      let worker: { entries: number; ok: boolean; lineOffset: number } | undefined;
      if (indexed) {
        // Only the records the index selects are read, by position.
        const at = (bytes: number, records: number) => {
          progress.bytes = before.bytes + bytes;
          progress.records = before.records + records;
          opts.onProgress!(progress);
        };
        indexedReads++;
        const source = new SourceFile(src.path, file);
        sourceFiles.push(source);
        const take = (text: string, where: RecordLocation, again: RecordSource) => record(text, where, Mark.Needle, false, again);
        // A large input's selected records are read by the worker while this thread parses.
        if ((opts.threads ?? 1) > 1 && summary.bytes >= (opts.parallelMinBytes ?? 64 << 20) && canUseWorkers()) {
          await readIndexedInWorker(source, indexed, selection!, take, opts.onProgress && at);
        } else readIndexed(source, indexed, selection!, take, opts.onProgress && at);
        stats = { format: summary.format, records: indexed.parts.reduce((n, p) => n + p.entries, 0), bytes: summary.bytes };
      } else if (plan) {
        split++;
        const both = await readSplit(src, plan, { read: opts.read, filter: opts.filter, sink, record, newest: !prev, build, onWorkerProgress });
        if (!prev) newer(both.newest);
        worker = both.index;
        stats = both;
      } else {
        stats = await readInput(src.path, file, opts.read, sink);
      }
      if (opts.onProgress) {
        progress.bytes = before.bytes + stats.bytes;
        progress.records = before.records + stats.records;
        opts.onProgress(progress);
      }
      if (build) indexes[index] = build.finish(stats.records, worker ?? (plan ? { entries: 0, ok: false, lineOffset: 0 } : undefined));
      if (prev) summary.events += intake.extra - intake.bad;
      else {
        summary.format = stats.format;
        summary.events = stats.records + intake.extra - intake.bad;
        summary.bytes = stats.bytes;
        newer(intake.newest);
        const problems = diagnostics.countFor(file);
        if (intake.good === 0 && problems > 0) summary.error = unreadable(file, problems, diagnostics.firstFor(file));
      }
    } catch (err) {
      build?.abandon();
      indexes[index] = null;
      if (!(err instanceof UserError)) {
        closeIndexes(indexes);
        throw err;
      }
      summary.error = err.message;
    }
    summary.duplicates += intake.duplicates;
    summary.diagnostics = diagnostics.countFor(file);
  }
  return { inputs, diagnostics, parsed, kept: seen, newest, split, indexes, indexed: indexedReads, sourceFiles };
}
