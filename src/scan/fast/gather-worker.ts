// Worker side of a second pass through a record index: reads and time-gates the selected records, sends their texts.
import type { MessagePort } from 'node:worker_threads';
import { UserError } from '../../errors.js';
import { recordHash, SourceFile } from '../../input/record-source.js';
import { gatherIndexed } from './indexed-read.js';
import { CREDIT_IN_FLIGHT, waitForCredit } from './parallel.js';
import type { IndexSelection, SourceIndex } from './record-index.js';

/** What the main thread hands the worker for a second pass through an index. */
export interface GatherJob {
  kind: 'gather';
  /** The input file, and its name in messages. */
  path: string;
  label: string;
  /** The first pass's index of it (its descriptors are shared by every thread of the process). */
  index: SourceIndex;
  selection: IndexSelection;
  /** Shared with the main thread: characters sent and not yet taken, and a stop flag (see parallel.ts). */
  credit: Int32Array;
  /** Wait while more than this many characters are in flight. */
  maxBufferChars: number;
  /** Send `progress` messages. */
  progress: boolean;
}

/** Messages of a gather job besides `progress` and `done` (see WorkerMessage). */
export type GatherMessage =
  /** Records kept, in file order: text, offset, byte length, line (0: unknown), hash of the bytes (see recordHash). */
  | { type: 'gathered'; texts: string[]; offsets: number[]; lengths: number[]; lines: number[]; checks: number[]; chars: number }
  /** The input could not be read again (an InputError's message); nothing follows but `done`. */
  | { type: 'failed'; message: string };

const FLUSH = 128;
/** The first batch is small: the main thread is waiting for it (measured: ~20 ms for 128 records, code still cold). */
const FIRST_FLUSH = 16;
const FLUSH_CHARS = 256 * 1024;
const PROGRESS_ENTRIES = 1 << 15;

/**
 * Reads what `job.index` selects, exactly as `readIndexed` would on the main thread, and sends the
 * kept records' texts in batches. It waits while the main thread has more than
 * `maxBufferChars` of them to take, so memory stays bounded. Ends with `done`, whose `records` is the
 * number of entries gone through and `bytes` the end of the last record read.
 */
export function runGather(job: GatherJob, port: MessagePort): void {
  const file = new SourceFile(job.path, job.label);
  const fresh = (): Extract<GatherMessage, { type: 'gathered' }> => ({ type: 'gathered', texts: [], offsets: [], lengths: [], lines: [], checks: [], chars: 0 });
  let pending = fresh();
  let limit = FIRST_FLUSH;
  const flush = () => {
    if (pending.texts.length === 0) return;
    limit = FLUSH;
    Atomics.add(job.credit, CREDIT_IN_FLIGHT, pending.chars);
    port.postMessage(pending);
    pending = fresh();
    waitForCredit(job.credit, job.maxBufferChars);
  };
  let entries = 0;
  let bytes = 0;
  let told = 0;
  try {
    gatherIndexed((offset, length) => file.bytes(offset, length), job.index, job.selection, (g, done) => {
      entries = done;
      bytes = g.offset + g.length;
      if (job.progress && done - told >= PROGRESS_ENTRIES) {
        told = done;
        port.postMessage({ type: 'progress', bytes, records: done });
      }
      if (!g.kept) return;
      const text = g.bytes.toString('utf8');
      pending.texts.push(text);
      pending.offsets.push(g.offset);
      pending.lengths.push(g.length);
      pending.lines.push(g.line);
      pending.checks.push(recordHash(g.bytes, 0, g.length));
      pending.chars += text.length;
      if (pending.texts.length >= limit || pending.chars >= FLUSH_CHARS) flush();
    });
    flush();
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    flush();
    port.postMessage({ type: 'failed', message: err.message } satisfies GatherMessage);
  } finally {
    file.close();
  }
  port.postMessage({ type: 'done', records: entries, bytes, newest: null });
}
