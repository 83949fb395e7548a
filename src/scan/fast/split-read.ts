// A plain file read by two threads: this one reads the first part, a worker the second.
import type { RecordLocation } from '../../events/types.js';
import { NdjsonSplitter } from '../../input/ndjson.js';
import { readInput, type ReadOptions, type ReadSink } from '../../input/read.js';
import type { InputSource } from '../../input/sources.js';
import type { FilterSpec } from './filter-spec.js';
import type { IndexBuild, WorkerIndexReport } from './indexed-read.js';
import { prewarmGatherWorker, startWorker } from './parallel.js';
import { closeQuietly, openIndexFile } from './record-index.js';
import { readSpilled, type RecordsBatch } from './spill.js';
import type { SplitPlan } from './split-plan.js';
import type { TokenCall } from '../../events/token-call.js';

/** What a two-thread read needs besides the file and its plan. */
export interface SplitReadOptions {
  read: ReadOptions;
  filter: FilterSpec;
  /** This thread's sink: batches of the first part, values, problems. */
  sink: ReadSink;
  /** Takes a candidate record of the second part, in file order, after the first part's. */
  record(text: string, where: RecordLocation, mark: number): void;
  /** When set, the worker reads records that are only a call made with a token itself and hands over their facts. */
  call?: (call: TokenCall) => void;
  /** Track the newest `published` of the second part (first pass). */
  newest: boolean;
  /** The first pass's record index of the input, whose second part the worker writes. */
  build: IndexBuild | null;
  onWorkerProgress?: (bytes: number, records: number) => void;
}

/** What reading both parts found. */
export interface SplitReadResult {
  format: string;
  records: number;
  bytes: number;
  /** Newest `published` of the second part's blocks, or null. */
  newest: number | null;
  /** The worker's part of the record index, or undefined when it wrote none. */
  index?: WorkerIndexReport & { lineOffset: number };
}

/**
 * Reads `src` in two parts. The worker's records are handled after this thread's, in file order,
 * so the result is the same as a one-thread read. It holds at most SPILL_BUFFER_CHARS of them in
 * memory and writes the rest to an unnamed spill file (or, without one, waits beyond
 * WORKER_BUFFER_CHARS), so memory stays bounded whatever the input's size.
 */
export async function readSplit(src: InputSource, plan: SplitPlan, opts: SplitReadOptions): Promise<SplitReadResult> {
  const file = src.label;
  const indexFd = opts.build?.forWorker() ?? null;
  const spillFd = openIndexFile();
  const job = { path: src.path, label: file, plan, maxRecordBytes: opts.read.maxRecordBytes, filter: opts.filter, newest: opts.newest, indexFd, spillFd, tokenCalls: opts.call !== undefined };
  // With an index, a second pass may read through it: its thread loads while this one finishes.
  const second = startWorker(job, undefined, opts.onWorkerProgress, opts.build ? prewarmGatherWorker : undefined);
  let lineOffset = 0;
  const take = (m: RecordsBatch) => {
    for (let i = 0; i < m.texts.length; i++) {
      const where: RecordLocation = { file, offset: m.offsets[i]! };
      if (m.lines[i]) where.line = m.lines[i]! + lineOffset;
      opts.record(m.texts[i]!, where, m.marks[i]!);
    }
  };
  // Whatever happens here, the worker is stopped (it may be waiting for its buffer to drain).
  try {
    const first = await readInput(src.path, file, opts.read, opts.sink, { range: { start: 0, end: plan.end, tail: Buffer.from(plan.tail) } });
    second.mainFree();
    // Or when this thread's part is done, if that comes first (it still has the worker's candidates to parse).
    if (opts.build) prewarmGatherWorker();
    lineOffset = first.splitter instanceof NdjsonSplitter ? first.splitter.linesRead : 0;
    const result: SplitReadResult = { format: first.format, records: first.records, bytes: first.bytes, newest: null };
    for await (const m of second.messages()) {
      if (m.type === 'diag') opts.sink.diag(m.offset, m.line ? m.line + lineOffset : 0, m.reason, m.names);
      else if (m.type === 'records') take(m);
      else if (m.type === 'calls') for (const c of m.calls) opts.call!(c);
      else if (m.type === 'spilled') take(readSpilled(spillFd!, m));
      else if (m.type === 'done') {
        result.records += m.records;
        result.bytes += m.bytes;
        result.newest = m.newest;
        if (m.index) result.index = { ...m.index, lineOffset };
      }
    }
    return result;
  } finally {
    // Files the worker writes are closed only once it is gone.
    await second.stop();
    if (spillFd !== null) closeQuietly(spillFd);
  }
}
