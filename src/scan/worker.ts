// Worker thread: reads the second part of a split file and sends back the records to parse.
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordBatch } from '../input/batch.js';
import { NdjsonSplitter } from '../input/ndjson.js';
import { ArraySplitter } from '../input/pretty-array.js';
import { readInput } from '../input/read.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';
import { prettyLayout, type SplitPlan } from './split-plan.js';

/** What the main thread hands the worker. */
export interface WorkerJob {
  path: string;
  label: string;
  plan: SplitPlan;
  maxRecordBytes: number;
  filter: FilterSpec;
}

/** Messages from the worker, in order; `done` comes last. */
export type WorkerMessage =
  | { type: 'records'; texts: string[]; offsets: number[]; lines: number[]; marks: number[] }
  | { type: 'diag'; offset: number; line: number; reason: string }
  | { type: 'done'; records: number; bytes: number };

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
  const onBatch = (batch: RecordBatch) => {
    if (marks.length < batch.count) marks = new Uint8Array(batch.count * 2);
    if (prefilter.mark(batch, marks) === 0) return;
    const { buf, starts, ends, lines, base } = batch;
    for (let i = 0; i < batch.count; i++) {
      if (!marks[i]) continue;
      pending.texts.push(buf.toString('utf8', starts[i], ends[i]));
      pending.offsets.push(base + starts[i]!);
      pending.lines.push(lines[i]!);
      pending.marks.push(marks[i]!);
      if (pending.texts.length >= FLUSH) flush();
    }
  };
  const stats = await readInput(
    job.path,
    job.label,
    { maxRecordBytes: job.maxRecordBytes },
    onBatch,
    (offset, line, reason) => port.postMessage({ type: 'diag', offset, line, reason } satisfies WorkerMessage),
    { range: { start: plan.next, end: plan.size }, splitter },
  );
  flush();
  port.postMessage({ type: 'done', records: stats.records, bytes: stats.bytes } satisfies WorkerMessage);
}

void main(workerData as WorkerJob);
