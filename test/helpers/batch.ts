// Test helper: a RecordBatch of whole records, one per line, as the NDJSON splitter would cut them.
import { RecordBatch } from '../../src/input/batch.js';

/** The records joined by newlines in one buffer; record i is line i + 1. */
export function batchOf(records: string[]): RecordBatch {
  const b = new RecordBatch();
  b.reset(Buffer.from(records.join('\n') + '\n'), 0);
  let pos = 0;
  records.forEach((r, i) => {
    const len = Buffer.byteLength(r);
    b.push(pos, pos + len, i + 1);
    pos += len + 1;
  });
  return b;
}
