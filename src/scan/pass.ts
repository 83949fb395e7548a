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
import { gluedRecords } from './glued.js';
import { Mark, type Prefilter } from './prefilter.js';

/** What a pass needs. */
export interface PassOptions {
  sources: InputSource[];
  read: ReadOptions;
  prefilter: Prefilter;
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
  for (const [index, src] of opts.sources.entries()) {
    const file = src.label;
    const summary: PassInput = prev?.inputs[index] ?? { path: file, format: 'unknown', events: 0, duplicates: 0, diagnostics: 0, error: null, bytes: 0 };
    inputs.push(summary);
    if (prev && summary.error !== null) continue;
    opts.prefilter.retune();
    let bad = 0;
    /** Records recovered beyond those the reader counted (several glued on one line). */
    let extra = 0;
    /** Parses, normalises and hands on one raw record. */
    const use = (buf: Buffer, s: number, e: number, where: RecordLocation, m: number, part = false): void => {
      // In a later pass a bad record counts once, when first reported.
      const broken = (reason: string) => {
        if (diagnostics.add({ ...where, reason }, prev !== undefined)) bad++;
      };
      let value: unknown;
      try {
        value = JSON.parse(buf.toString('utf8', s, e));
      } catch (err) {
        const parts = part ? [] : gluedRecords(buf, s, e);
        if (parts.length === 0) {
          broken(`not valid JSON: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`);
          return;
        }
        const reason = `${parts.length} records with no line break between them (files concatenated without a final newline?); each was read`;
        if (diagnostics.add({ ...where, reason }, prev !== undefined)) extra += parts.length - 1;
        for (const [ps, pe] of parts) use(buf, ps, pe, { ...where, offset: where.offset + ps - s }, m, true);
        return;
      }
      if (m & Mark.BadUtf8) diagnostics.add({ ...where, reason: 'invalid UTF-8 bytes (read as U+FFFD)' }, prev !== undefined);
      const r = normalize(value, () => 'sha1:' + createHash('sha1').update(buf.subarray(s, e)).digest('hex').slice(0, 32));
      if (!r.ok) {
        broken(r.reason);
        return;
      }
      // The same event exported twice has the same uuid, type and time; a reused uuid on a
      // different event (seen in hand-made fixtures) is not a duplicate.
      const key = `${r.event.uuid}\u0000${r.event.eventType}\u0000${r.event.published}`;
      if (seen.has(key)) {
        if (!prev?.kept.has(key)) summary.duplicates++;
        return;
      }
      if (opts.onEvent(r.event, where) || opts.dedupAll) seen.add(key);
    };
    const onBatch = (batch: RecordBatch) => {
      if (marks.length < batch.count) marks = new Uint8Array(batch.count * 2);
      const n = opts.prefilter.mark(batch, marks);
      if (n === 0) return;
      const { buf, starts, ends, lines, base } = batch;
      for (let i = 0; i < batch.count; i++) {
        const m = marks[i]!;
        if (m === 0) continue;
        parsed++;
        const where: RecordLocation = { file, offset: base + starts[i]! };
        if (lines[i]) where.line = lines[i];
        use(buf, starts[i]!, ends[i]!, where, m);
      }
    };
    try {
      const stats = await readInput(src.path, file, opts.read, onBatch, (offset, line, reason) => {
        if (!prev) diagnostics.add(line ? { file, line, offset, reason } : { file, offset, reason });
      });
      if (prev) summary.events += extra - bad;
      else {
        summary.format = stats.format;
        summary.events = stats.records + extra - bad;
        summary.bytes = stats.bytes;
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      summary.error = err.message;
    }
    summary.diagnostics = diagnostics.countFor(file);
  }
  return { inputs, diagnostics, parsed, kept: seen };
}
