// One pass over every input: cut records, pre-filter raw bytes, parse and normalise candidates.
import { createHash } from 'node:crypto';
import { normalize } from '../events/normalize.js';
import type { OktaEvent, RecordLocation } from '../events/types.js';
import { UserError } from '../errors.js';
import type { RecordBatch } from '../input/batch.js';
import { readInput, type ReadOptions } from '../input/read.js';
import type { InputSource } from '../input/sources.js';
import type { InputSummary } from '../report/model.js';
import { DiagnosticLog } from './diagnostics.js';
import { NdjsonSplitter } from '../input/ndjson.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';
import { canUseWorkers, startWorker } from './parallel.js';
import { Mark } from './prefilter.js';
import { planSplit } from './split-plan.js';

/** What a pass needs. */
export interface PassOptions {
  sources: InputSource[];
  read: ReadOptions;
  /** Which records to parse (built afresh for each input, and in the worker thread). */
  filter: FilterSpec;
  /** 2: large plain NDJSON and pretty-array files are read by two threads, one half each. */
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
  /** Inputs read by two threads. */
  split: number;
  /** Identity keys (uuid, type, time) of the events that mattered. */
  kept: Set<string>;
}

/**
 * Reads every input once. Records the pre-filter cannot rule out are parsed and normalised;
 * the rest are only counted. An input that cannot be read is recorded with its error and the
 * pass goes on with the next one.
 */
export async function runPass(opts: PassOptions): Promise<PassResult> {
  const prev = opts.previous;
  const diagnostics = prev?.diagnostics ?? new DiagnosticLog();
  const seen = new Set<string>();
  const inputs: PassResult['inputs'] = [];
  let marks = new Uint8Array(1024);
  let parsed = 0;
  let split = 0;
  const progress: PassProgress = { bytes: 0, records: 0 };
  for (const [index, src] of opts.sources.entries()) {
    const before = { ...progress };
    const file = src.label;
    const summary: PassInput = prev?.inputs[index] ?? { path: file, format: 'unknown', events: 0, duplicates: 0, diagnostics: 0, error: null, bytes: 0 };
    inputs.push(summary);
    if (prev && summary.error !== null) continue;
    const prefilter = prefilterFromSpec(opts.filter);
    let bad = 0;
    const handle = (text: string, where: RecordLocation, m: number) => {
      parsed++;
      // In a later pass a bad record counts once, when first reported.
      const broken = (reason: string) => {
        if (diagnostics.add({ ...where, reason }, prev !== undefined)) bad++;
      };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        broken(`not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`);
        return;
      }
      if (m & Mark.BadUtf8) diagnostics.add({ ...where, reason: 'invalid UTF-8 bytes (read as U+FFFD)' }, prev !== undefined);
      const r = normalize(value, () => 'sha1:' + createHash('sha1').update(text).digest('hex').slice(0, 32));
      if (!r.ok) {
        broken(r.reason);
        return;
      }
      if (r.event.original === value) r.event.text = text;
      // The same event exported twice has the same uuid, type and time; a reused uuid on a
      // different event (seen in hand-made fixtures) is not a duplicate.
      const key = `${r.event.uuid}\u0000${r.event.eventType}\u0000${r.event.published}`;
      if (seen.has(key)) {
        if (!prev?.kept.has(key)) summary.duplicates++;
        return;
      }
      if (opts.onEvent(r.event, where) || opts.dedupAll) seen.add(key);
    };
    const at = (offset: number, line: number): RecordLocation => (line ? { file, line, offset } : { file, offset });
    const onBatch = (batch: RecordBatch) => {
      if (opts.onProgress) {
        progress.bytes = Math.max(progress.bytes, before.bytes + batch.base + batch.ends[batch.count - 1]!);
        progress.records += batch.count;
        opts.onProgress(progress);
      }
      if (marks.length < batch.count) marks = new Uint8Array(batch.count * 2);
      if (prefilter.mark(batch, marks) === 0) return;
      const { buf, starts, ends, lines, base } = batch;
      for (let i = 0; i < batch.count; i++) {
        if (marks[i]) handle(buf.toString('utf8', starts[i], ends[i]), at(base + starts[i]!, lines[i]!), marks[i]!);
      }
    };
    const onDiag = (offset: number, line: number, reason: string) => {
      if (!prev) diagnostics.add({ ...at(offset, line), reason });
    };
    try {
      const plan = (opts.threads ?? 1) > 1 && canUseWorkers() ? await planSplit(src.path, opts.parallelMinBytes ?? 64 << 20).catch(() => null) : null;
      let stats: { format: string; records: number; bytes: number };
      if (plan) {
        // The worker reads the second half while this thread reads the first; its records are
        // handled afterwards, in file order, so the result is the same as a one-thread read.
        split++;
        const second = startWorker({ path: src.path, label: file, plan, maxRecordBytes: opts.read.maxRecordBytes, filter: opts.filter });
        second.catch(() => undefined);
        const first = await readInput(src.path, file, opts.read, onBatch, onDiag, { range: { start: 0, end: plan.end, tail: Buffer.from(plan.tail) } });
        const rest = await second;
        const lineOffset = first.splitter instanceof NdjsonSplitter ? first.splitter.linesRead : 0;
        for (const m of rest.messages) {
          if (m.type === 'diag') onDiag(m.offset, m.line ? m.line + lineOffset : 0, m.reason);
          else if (m.type === 'records') {
            for (let i = 0; i < m.texts.length; i++) {
              handle(m.texts[i]!, at(m.offsets[i]!, m.lines[i] ? m.lines[i]! + lineOffset : 0), m.marks[i]!);
            }
          }
        }
        stats = { format: first.format, records: first.records + rest.records, bytes: first.bytes + rest.bytes };
      } else {
        stats = await readInput(src.path, file, opts.read, onBatch, onDiag);
      }
      if (opts.onProgress) {
        progress.bytes = before.bytes + stats.bytes;
        progress.records = before.records + stats.records;
        opts.onProgress(progress);
      }
      if (prev) summary.events -= bad;
      else {
        summary.format = stats.format;
        summary.events = stats.records - bad;
        summary.bytes = stats.bytes;
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      summary.error = err.message;
    }
    summary.diagnostics = diagnostics.countFor(file);
  }
  return { inputs, diagnostics, parsed, split, kept: seen };
}
