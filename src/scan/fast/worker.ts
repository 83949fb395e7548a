// Worker thread: reads the second part of a split file and sends back the records to parse.
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordBatch } from '../../input/batch.js';
import { NdjsonSplitter } from '../../input/ndjson.js';
import { ArraySplitter } from '../../input/pretty-array.js';
import { readInput, type ReadSink } from '../../input/read.js';
import { parsePublished } from '../../events/time.js';
import { publishedAt } from './probe.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';
import { prettyLayout, type SplitPlan } from './split-plan.js';
import { CREDIT_IN_FLIGHT, mainTakesWork, waitForCredit } from './parallel.js';
import { RecordHasher } from './record-hashes.js';
import { IndexWriter } from './record-index.js';
import type { WorkerIndexReport } from './indexed-read.js';
import { SpillWriter, type RawRecordsBatch, type SpilledAt } from './spill.js';
import type { GatherJob, GatherMessage } from './gather-worker.js';
import type { TokenCall } from '../../events/token-call.js';
import { Mark } from './prefilter.js';
import { tokenCallFromText } from './call-facts.js';

/** What the main thread hands the worker to read the second part of a split file. */
export interface WorkerJob {
  path: string;
  label: string;
  plan: SplitPlan;
  maxRecordBytes: number;
  filter: FilterSpec;
  /** Track the newest `published` of the part (first and last record of each block). */
  newest: boolean;
  /** Shared with the main thread: characters sent and not yet taken, and a stop flag (see parallel.ts). */
  credit: Int32Array;
  /** Wait while more than this many characters are in flight. */
  maxBufferChars: number;
  /** Send `progress` messages while reading (for the progress bar). */
  progress: boolean;
  /** Write the part's record index to this open file (see record-index.ts), or null. */
  indexFd: number | null;
  /**
   * Beyond `maxBufferChars` in flight, write candidates to this open file instead of waiting
   * (`spilled` messages say where), or null to wait.
   */
  spillFd: number | null;
  /** Send records that are only a call made with a token as their facts (`calls` messages), parsed here, while the main thread is busy. */
  tokenCalls: boolean;
}

/** Any job of a worker thread: a split file's second part, or a second pass through an index (gather-thread.ts). */
export type AnyWorkerJob = WorkerJob | GatherJob;

/** Messages from the worker, in order; `done` comes last. */
export type WorkerMessage =
  | GatherMessage
  | { type: 'records'; texts: string[]; offsets: number[]; lines: number[]; marks: number[]; chars: number }
  /** Calls made with a token, read here instead of sent as records (see WorkerJob.tokenCalls); their order does not matter. */
  | { type: 'calls'; calls: TokenCall[] }
  | { type: 'diag'; offset: number | undefined; line: number; reason: string; names?: boolean }
  /** Bytes of the part read so far, and records cut: sent about every PROGRESS_BYTES. */
  | { type: 'progress'; bytes: number; records: number }
  /** Records written to the spill file (read them back with `readSpilled`), in their place in the order. */
  | ({ type: 'spilled' } & SpilledAt)
  | { type: 'done'; records: number; bytes: number; newest: number | null; index?: WorkerIndexReport };

const FLUSH = 256;
/** Calls sent at a time. */
const CALLS_FLUSH = 512;
/** Also flush from this many bytes, so one message never holds much of the buffer. */
const FLUSH_CHARS = 1 << 20;
const PROGRESS_BYTES = 8 << 20;

async function main(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  const { plan } = job;
  const layout = prettyLayout(plan.layout);
  const splitter = layout ? ArraySplitter.resume(job.maxRecordBytes, layout) : new NdjsonSplitter(job.maxRecordBytes, true);
  const prefilter = prefilterFromSpec(job.filter);
  const index = job.indexFd === null ? null : { hasher: new RecordHasher(), writer: new IndexWriter(job.indexFd) };
  let marks = new Uint8Array(1024);
  // Candidates are kept as bytes until they are sent: spilled ones are written as read, and only
  // those posted to the main thread are decoded here (measured on the heavy 1 GiB bench export,
  // 13,500 candidates: decoding and re-encoding them for the spill file cost this thread as much
  // as parsing them costs the main thread).
  const pending: RawRecordsBatch = { bytes: Buffer.allocUnsafe(FLUSH_CHARS), lengths: [], offsets: [], lines: [], marks: [] };
  let pendingBytes = 0;
  const { credit, maxBufferChars } = job;
  const spill = job.spillFd === null ? null : new SpillWriter(job.spillFd);
  const flush = () => {
    const count = pending.lengths.length;
    if (count === 0) return;
    const bytes = pending.bytes.subarray(0, pendingBytes);
    // The main thread takes this part only after reading its own: what it cannot hold goes to disk
    // (a record's UTF-8 bytes are at least as many as its UTF-16 characters).
    const at = spill && Atomics.load(credit, CREDIT_IN_FLIGHT) + pendingBytes > maxBufferChars ? spill.write({ ...pending, bytes }) : null;
    if (at) port.postMessage({ type: 'spilled', ...at } satisfies WorkerMessage);
    else {
      const texts: string[] = [];
      let chars = 0;
      for (let i = 0, p = 0; i < count; p += pending.lengths[i]!, i++) {
        const text = bytes.toString('utf8', p, p + pending.lengths[i]!);
        texts.push(text);
        chars += text.length;
      }
      Atomics.add(credit, CREDIT_IN_FLIGHT, chars);
      port.postMessage({ type: 'records', texts, offsets: pending.offsets, lines: pending.lines, marks: pending.marks, chars } satisfies WorkerMessage);
    }
    pending.lengths = [];
    pending.offsets = [];
    pending.lines = [];
    pending.marks = [];
    pendingBytes = 0;
    // A record larger than a flush grew the buffer: its memory goes with it.
    if (pending.bytes.length > FLUSH_CHARS) pending.bytes = Buffer.allocUnsafe(FLUSH_CHARS);
    if (!at) waitForCredit(credit, maxBufferChars);
  };
  let calls: TokenCall[] = [];
  const sendCalls = () => {
    if (calls.length === 0) return;
    port.postMessage({ type: 'calls', calls } satisfies WorkerMessage);
    calls = [];
  };
  let newest: number | null = null;
  const newer = (t: number | null) => {
    if (t !== null && (newest === null || t > newest)) newest = t;
  };
  let cut = 0;
  let told = 0;
  const onBatch = (batch: RecordBatch) => {
    const { buf, starts, ends, lines, base, count } = batch;
    cut += count;
    const read = base + ends[count - 1]! - plan.next;
    if (job.progress && read - told >= PROGRESS_BYTES) {
      told = read;
      port.postMessage({ type: 'progress', bytes: read, records: cut } satisfies WorkerMessage);
    }
    if (job.newest) {
      newer(publishedAt(buf, starts[0]!, ends[0]!, parsePublished));
      newer(publishedAt(buf, starts[count - 1]!, ends[count - 1]!, parsePublished));
    }
    if (marks.length < count) marks = new Uint8Array(count * 2);
    const n = prefilter.mark(batch, marks, prefilter.all);
    if (index) {
      index.hasher.hash(batch, marks);
      index.writer.add(batch, index.hasher);
    }
    if (n === 0) return;
    for (let i = 0; i < batch.count; i++) {
      if (!marks[i]) continue;
      // Read here, unless the main thread is idle enough to parse it (see mainTakesWork).
      if (job.tokenCalls && marks[i] === Mark.Needle && !mainTakesWork(credit, pendingBytes)) {
        const call = tokenCallFromText(buf.toString('utf8', starts[i], ends[i]));
        if (call) {
          calls.push(call);
          if (calls.length >= CALLS_FLUSH) sendCalls();
          continue;
        }
      }
      const len = ends[i]! - starts[i]!;
      if (pendingBytes + len > pending.bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(2 * pending.bytes.length, pendingBytes + len));
        pending.bytes.copy(grown, 0, 0, pendingBytes);
        pending.bytes = grown;
      }
      buf.copy(pending.bytes, pendingBytes, starts[i], ends[i]);
      pendingBytes += len;
      pending.lengths.push(len);
      pending.offsets.push(base + starts[i]!);
      pending.lines.push(lines[i]!);
      pending.marks.push(marks[i]!);
      if (pending.lengths.length >= FLUSH || pendingBytes >= FLUSH_CHARS) flush();
    }
  };
  const sink: ReadSink = {
    batch: onBatch,
    value: () => {
      throw new Error('a split file holds records, not documents');
    },
    diag: (offset, line, reason, names) => port.postMessage({ type: 'diag', offset, line, reason, names } satisfies WorkerMessage),
  };
  const stats = await readInput(job.path, job.label, { maxRecordBytes: job.maxRecordBytes }, sink, { range: { start: plan.next, end: plan.size }, splitter });
  flush();
  sendCalls();
  index?.writer.flush();
  const indexReport = index ? { entries: index.writer.entries, ok: !index.writer.failed && index.hasher.usable } : undefined;
  port.postMessage({ type: 'done', records: stats.records, bytes: stats.bytes, newest, index: indexReport } satisfies WorkerMessage);
}

// Started ahead of its job (prewarmWorker): the job comes as the first message.
if (workerData) void main(workerData as WorkerJob);
else parentPort!.once('message', (job: WorkerJob) => void main(job));
