// Second pass through a record index with the worker reading ahead: it reads and time-gates, this thread parses.
import type { RecordLocation } from '../../events/types.js';
import { InputError } from '../../errors.js';
import type { RecordPlace, SourceFile } from '../../input/record-source.js';
import { startWorker } from './parallel.js';
import type { IndexSelection, SourceIndex } from './record-index.js';

/**
 * Characters of record text the worker may have sent and this thread not yet taken. Parsing is
 * the slower side, so the worker soon waits: two batches (see gather-worker.ts) keep both busy.
 * On the 4 GiB export, whose second pass parses 45 000 records, the second pass is where peak RSS
 * is reached; 2 M characters here measured 146–148 MiB there against 138–145 with 256 K, at the
 * same speed (single runs vary by ±4 MiB).
 */
export const GATHER_BUFFER_CHARS = 512 * 1024;

/**
 * Like `readIndexed`, with the reads, time gates and hashes done by the worker thread while this
 * one parses what it already sent: the same records reach `take`, in the same order, with the same
 * locations and sources. Its thread is usually loaded by now: a spare starts as soon as either
 * thread of the first pass is done with its part (see split-read.ts). A file that cannot be read
 * again is an InputError, as it is there.
 */
export async function readIndexedInWorker(
  file: SourceFile,
  index: SourceIndex,
  selection: IndexSelection,
  take: (text: string, where: RecordLocation, place: RecordPlace) => void,
  onProgress?: (bytes: number, records: number) => void,
): Promise<void> {
  const run = startWorker({ kind: 'gather', path: file.path, label: file.label, index, selection }, GATHER_BUFFER_CHARS, onProgress);
  let failed: string | null = null;
  try {
    for await (const m of run.messages()) {
      if (m.type === 'gathered') {
        for (let i = 0; i < m.texts.length; i++) {
          const offset = m.offsets[i]!;
          const where: RecordLocation = { file: file.label, offset };
          if (m.lines[i]) where.line = m.lines[i];
          take(m.texts[i]!, where, { offset, length: m.lengths[i]!, check: m.checks[i]! });
        }
      } else if (m.type === 'failed') failed = m.message;
      else if (m.type === 'done') onProgress?.(m.bytes, m.records);
    }
  } finally {
    await run.stop();
  }
  if (failed !== null) throw new InputError(failed);
}
