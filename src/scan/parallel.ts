// Runs the worker for the second part of a split file and hands over what it sends, in order, with bounded buffering.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * At most this many characters of record text sent by the worker and not yet taken: the worker
 * waits beyond it. The main thread takes the second half's records only after reading the first
 * half, so without a bound they would pile up with the input (every record, when every event is
 * a candidate).
 */
export const WORKER_BUFFER_CHARS = 16 << 20;

/** The same bound when the worker can write what is beyond it to a spill file instead of waiting. */
export const SPILL_BUFFER_CHARS = 2 << 20;

/** Slots of the shared credit array: characters in flight, and a stop flag. */
export const CREDIT_IN_FLIGHT = 0;
export const CREDIT_STOP = 1;

/** Whether worker threads can be used (the compiled worker exists: not under a TS test runner). */
export function canUseWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** A worker started ahead of its job (see {@link prewarmWorker}), or null. */
let warm: Worker | null = null;

/**
 * Starts a worker thread now when one of `paths` is a plain file of at least `minBytes`, so that
 * the thread loads its modules (about 0.1 s) while this one loads rules and starts reading; the
 * next {@link startWorker} hands it its job. It never keeps the process alive.
 */
export function prewarmWorker(paths: readonly string[], minBytes: number): void {
  if (warm || !canUseWorkers() || !paths.some((p) => isLargePlainFile(p, minBytes))) return;
  const spare = new Worker(WORKER_URL, { workerData: null });
  spare.unref();
  // A spare that fails to start is dropped; the job then starts a worker of its own.
  spare.on('error', () => undefined);
  spare.once('exit', () => {
    if (warm === spare) warm = null;
  });
  warm = spare;
}

/** Stops the spare worker if no job took it. */
export function releaseWarmWorker(): void {
  void warm?.terminate();
  warm = null;
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
}

/**
 * Starts the worker now, reading its part; `messages()` takes what it sends, once. `onProgress`
 * hears how far it has read as soon as it tells (progress is never queued).
 */
export function startWorker(
  job: Omit<WorkerJob, 'credit' | 'maxBufferChars' | 'progress'>,
  maxBufferChars = job.spillFd === null ? WORKER_BUFFER_CHARS : SPILL_BUFFER_CHARS,
  onProgress?: (bytes: number, records: number) => void,
): WorkerRun {
  const credit = new Int32Array(new SharedArrayBuffer(8));
  const data = { ...job, credit, maxBufferChars, progress: onProgress !== undefined } satisfies WorkerJob;
  let worker: Worker;
  if (warm) {
    worker = warm;
    warm = null;
    worker.removeAllListeners('error');
    worker.ref();
    worker.postMessage(data);
  } else {
    worker = new Worker(WORKER_URL, { workerData: data });
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
      finished = true;
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
      if (m.type === 'records') {
        Atomics.sub(credit, CREDIT_IN_FLIGHT, m.chars);
        Atomics.notify(credit, CREDIT_IN_FLIGHT);
      }
      yield m;
      if (m.type === 'done') return;
    }
  }
  return { messages, stop, inFlight: () => Atomics.load(credit, CREDIT_IN_FLIGHT) };
}
