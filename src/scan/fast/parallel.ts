// Runs the worker for the second part of a split file and hands over what it sends, in order, with bounded buffering.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnyWorkerJob, WorkerMessage } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** A smaller thread for second passes through a record index: it loads only what gathering needs. */
const GATHER_URL = new URL('./gather-thread.js', import.meta.url);

/**
 * Young generation of the gather thread: what it allocates (one record's text at a time, copied
 * to the main thread) dies at once, and a small young generation keeps the process's peak RSS
 * down (V8 otherwise grows it to 16 MiB per semi-space).
 */
const GATHER_YOUNG_MB = 4;

/**
 * At most this many characters of record text sent by the worker and not yet taken: the worker
 * waits beyond it. The main thread takes the second half's records only after reading the first
 * half, so without a bound they would pile up with the input (every record, when every event is
 * a candidate).
 */
const WORKER_BUFFER_CHARS = 16 << 20;

/** The same bound when the worker can write what is beyond it to a spill file instead of waiting. */
const SPILL_BUFFER_CHARS = 2 << 20;

/** Slots of the shared credit array: characters in flight, a stop flag, and whether the main thread now only takes the worker's records. */
export const CREDIT_IN_FLIGHT = 0;
const CREDIT_STOP = 1;
export const CREDIT_MAIN_FREE = 2;

/**
 * Below this many characters in flight, a main thread that has read its own part keeps up with
 * the worker: work the worker may hand over (see {@link mainTakesWork}) is better done there.
 */
const HANDOFF_CHARS = 1 << 20;

/**
 * Whether the worker should hand work it could do itself to the main thread (as record text):
 * the main thread has read its own part and takes what is sent faster than it comes. An input
 * whose second part holds most of the work (calls made with a token bunch up late in many
 * exports) is then parsed by both threads.
 */
export function mainTakesWork(credit: Int32Array, pendingChars: number): boolean {
  return Atomics.load(credit, CREDIT_MAIN_FREE) === 1 && Atomics.load(credit, CREDIT_IN_FLIGHT) + pendingChars < HANDOFF_CHARS;
}

/**
 * Waits (in the worker) while more than `max` characters it sent are not yet taken, unless the
 * main thread has set the stop flag: bounded buffering between the two threads.
 */
export function waitForCredit(credit: Int32Array, max: number): void {
  for (;;) {
    const inFlight = Atomics.load(credit, CREDIT_IN_FLIGHT);
    if (inFlight <= max || Atomics.load(credit, CREDIT_STOP)) return;
    Atomics.wait(credit, CREDIT_IN_FLIGHT, inFlight, 1000);
  }
}

/** Whether worker threads can be used (the compiled worker exists: not under a TS test runner). */
export function canUseWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Workers started ahead of their job (see {@link prewarmWorker}), by the script they run. */
const spares = new Map<string, Worker>();

function newWorker(url: URL, workerData: unknown): Worker {
  return new Worker(url, { workerData, ...(url === GATHER_URL ? { resourceLimits: { maxYoungGenerationSizeMb: GATHER_YOUNG_MB } } : {}) });
}

/**
 * Starts a worker thread now when one of `paths` is a plain file of at least `minBytes`, so that
 * the thread loads its modules (about 0.1 s) while this one loads rules and starts reading; the
 * next {@link startWorker} hands it its job. It never keeps the process alive.
 */
export function prewarmWorker(paths: readonly string[], minBytes: number): void {
  if (!canUseWorkers() || !paths.some((p) => isLargePlainFile(p, minBytes))) return;
  keepSpare(WORKER_URL);
}

/**
 * Starts the thread of a second pass through a record index now (see gather-read.ts): called when
 * the first pass's worker or this thread is done with its part (see split-read.ts), it loads
 * while this thread finishes the first pass.
 */
export function prewarmGatherWorker(): void {
  if (canUseWorkers()) keepSpare(GATHER_URL);
}

/** Starts a spare for `url` unless there is one; it never keeps the process alive. */
function keepSpare(url: URL): void {
  if (spares.has(url.href)) return;
  const spare = newWorker(url, null);
  spare.unref();
  // A spare that fails to start is dropped; the job then starts a worker of its own.
  spare.on('error', () => undefined);
  spare.once('exit', () => {
    if (spares.get(url.href) === spare) spares.delete(url.href);
  });
  spares.set(url.href, spare);
}

/** Stops the spare workers no job took. */
export function releaseWarmWorker(): void {
  for (const w of spares.values()) void w.terminate();
  spares.clear();
}

function isLargePlainFile(path: string, minBytes: number): boolean {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size < minBytes) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(2);
      return !(readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** A running worker: its messages in order (the last one is `done`), and a way to stop it. */
export interface WorkerRun {
  messages(): AsyncGenerator<Exclude<WorkerMessage, { type: 'progress' }>>;
  /** Stops it; resolves once the thread is gone (it no longer writes to any file it was given). */
  stop(): Promise<void>;
  /** Characters of record text sent and not yet taken. */
  inFlight(): number;
  /** Tells the worker that this thread has read its own part and now only takes what it sends. */
  mainFree(): void;
}

/** `Omit` applied to each member of a union on its own. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A job as the caller gives it: the worker run adds the credit array and the buffering settings. */
export type JobRequest = OmitEach<AnyWorkerJob, 'credit' | 'maxBufferChars' | 'progress'>;

/**
 * Starts the worker now on `job` (a spare started ahead for its kind of job, if there is one);
 * `messages()` takes what it sends, once. `onProgress` hears how far it has read as soon as it
 * tells (progress is never queued), and `onDone` that it is done as soon as it says so (before
 * what it sent earlier is taken).
 */
export function startWorker(
  job: JobRequest,
  maxBufferChars = 'spillFd' in job && job.spillFd !== null ? SPILL_BUFFER_CHARS : WORKER_BUFFER_CHARS,
  onProgress?: (bytes: number, records: number) => void,
  onDone?: () => void,
): WorkerRun {
  const credit = new Int32Array(new SharedArrayBuffer(12));
  const data = { ...job, credit, maxBufferChars, progress: onProgress !== undefined } as AnyWorkerJob;
  const url = 'kind' in job ? GATHER_URL : WORKER_URL;
  let worker = spares.get(url.href);
  if (worker) {
    spares.delete(url.href);
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.ref();
    worker.postMessage(data);
  } else {
    worker = newWorker(url, data);
  }
  const queue: Exclude<WorkerMessage, { type: 'progress' }>[] = [];
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'progress') {
      onProgress?.(m.bytes, m.records);
      return;
    }
    queue.push(m);
    if (m.type === 'done') {
      onDone?.();
      finished = true;
      // Its memory goes with it at once (a thread kept for the next pass kept 15–25 MiB of heap).
      void worker.terminate();
    }
    poke();
  });
  worker.on('error', (err) => {
    failure ??= err;
    finished = true;
    poke();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`scan worker stopped (exit code ${code})`);
    finished = true;
    poke();
  });
  const stop = async () => {
    Atomics.store(credit, CREDIT_STOP, 1);
    Atomics.notify(credit, CREDIT_IN_FLIGHT);
    await worker.terminate();
  };
  async function* messages(): AsyncGenerator<Exclude<WorkerMessage, { type: 'progress' }>> {
    for (;;) {
      const m = queue.shift();
      if (m === undefined) {
        if (failure) throw failure;
        if (finished) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.type === 'records' || m.type === 'gathered') {
        Atomics.sub(credit, CREDIT_IN_FLIGHT, m.chars);
        Atomics.notify(credit, CREDIT_IN_FLIGHT);
      }
      yield m;
      if (m.type === 'done') return;
    }
  }
  return { messages, stop, inFlight: () => Atomics.load(credit, CREDIT_IN_FLIGHT), mainFree: () => Atomics.store(credit, CREDIT_MAIN_FREE, 1) };
}
