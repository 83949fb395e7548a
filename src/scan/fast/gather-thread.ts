// Worker thread of a second pass through a record index (see gather-worker.ts): loads only what that needs.
import { parentPort, workerData } from 'node:worker_threads';
import { runGather, type GatherJob } from './gather-worker.js';

// Started ahead of its job (prewarmGatherWorker): the job comes as the first message.
if (workerData) runGather(workerData as GatherJob, parentPort!);
else parentPort!.once('message', (job: GatherJob) => runGather(job, parentPort!));
