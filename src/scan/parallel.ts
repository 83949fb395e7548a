// Runs the worker for the second part of a split file and collects what it sends, in order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether worker threads can be used (the compiled worker exists: not under a TS test runner). */
export function canUseWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Everything the worker sent, once it is done. */
export interface WorkerResult {
  messages: WorkerMessage[];
  records: number;
  bytes: number;
  newest: number | null;
}

/** Starts the worker now; the promise settles when it has read its whole part. */
export function startWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    const messages: WorkerMessage[] = [];
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') {
        settled = true;
        resolve({ messages, records: m.records, bytes: m.bytes, newest: m.newest });
        void worker.terminate();
      } else {
        messages.push(m);
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`scan worker stopped (exit code ${code})`));
    });
  });
}
