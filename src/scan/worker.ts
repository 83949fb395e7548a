// Worker thread: reads the second part of a split file and sends back the records to parse.
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordBatch } from '../input/batch.js';
import { NdjsonSplitter } from '../input/ndjson.js';
import { ArraySplitter } from '../input/pretty-array.js';
import { readInput, type ReadSink } from '../input/read.js';
import { parsePublished } from '../events/time.js';
import { publishedAt } from './probe.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';
import { prettyLayout, type SplitPlan } from './split-plan.js';

/** What the main thread hands the worker. */
export interface WorkerJob {
  path: string;
  label: string;
  plan: SplitPlan;
  maxRecordBytes: number;
  filter: FilterSpec;
  /** Track the newest `published` of the part (first and last record of each block). */
  newest: boolean;
}

/** Messages from the worker, in order; `done` comes last. */
export type WorkerMessage =
  | { type: 'records'; texts: string[]; offsets: number[]; lines: number[]; marks: number[] }
  | { type: 'diag'; offset: number | undefined; line: number; reason: string }
  | { type: 'done'; records: number; bytes: number; newest: number | null };

const FLUSH = 256;

async function main(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  const { plan } = job;
  const layout = prettyLayout(plan.layout);
  const splitter = layout ? ArraySplitter.resume(job.maxRecordBytes, layout) : new NdjsonSplitter(job.maxRecordBytes, true);
  const prefilter = prefilterFromSpec(job.filter);
  let marks = new Uint8Array(1024);
  let pending: Extract<WorkerMessage, { type: 'records' }> = { type: 'records', texts: [], offsets: [], lines: [], marks: [] };
  const flush = () => {
    if (pending.texts.length === 0) return;
    port.postMessage(pending);
    pending = { type: 'records', texts: [], offsets: [], lines: [], marks: [] };
  };
  let newest: number | null = null;
  const newer = (t: number | null) => {
    if (t !== null && (newest === null || t > newest)) newest = t;
  };
  const onBatch = (batch: RecordBatch) => {
    const { buf, starts, ends, lines, base, count } = batch;
    if (job.newest) {
      newer(publishedAt(buf, starts[0]!, ends[0]!, parsePublished));
      newer(publishedAt(buf, starts[count - 1]!, ends[count - 1]!, parsePublished));
    }
    if (marks.length < count) marks = new Uint8Array(count * 2);
    if (prefilter.mark(batch, marks, prefilter.all) === 0) return;
    for (let i = 0; i < batch.count; i++) {
      if (!marks[i]) continue;
      pending.texts.push(buf.toString('utf8', starts[i], ends[i]));
      pending.offsets.push(base + starts[i]!);
      pending.lines.push(lines[i]!);
      pending.marks.push(marks[i]!);
      if (pending.texts.length >= FLUSH) flush();
    }
  };
  const sink: ReadSink = {
    batch: onBatch,
    value: () => {
      throw new Error('a split file holds records, not documents');
    },
    diag: (offset, line, reason) => port.postMessage({ type: 'diag', offset, line, reason } satisfies WorkerMessage),
  };
  const stats = await readInput(job.path, job.label, { maxRecordBytes: job.maxRecordBytes }, sink, { range: { start: plan.next, end: plan.size }, splitter });
  flush();
  port.postMessage({ type: 'done', records: stats.records, bytes: stats.bytes, newest } satisfies WorkerMessage);
}

void main(workerData as WorkerJob);
