// Records glued on one line (files concatenated without a final newline), split apart again.
import { RecordBatch } from '../input/batch.js';
import { JsonScanner } from '../input/json-scanner.js';

/**
 * The [start, end) ranges (in `buf`) of the records in `buf[start, end)` when it holds several
 * JSON objects one after another with only blank space between them (`{…}{…}`, `{…} {…}`,
 * `{…}\r{…}`); an empty list when it holds one, or anything else. Called only for a record that
 * JSON.parse refused, so the common path pays nothing.
 */
export function gluedRecords(buf: Buffer, start: number, end: number): [number, number][] {
  const text = buf.subarray(start, end);
  const batch = new RecordBatch();
  batch.reset(text, 0);
  let problems = 0;
  const scanner = new JsonScanner({ maxRecordBytes: text.length + 1 });
  const used = scanner.split(text, 0, true, batch, () => {
    problems++;
  });
  if (problems > 0 || used !== text.length || batch.count < 2) return [];
  const out: [number, number][] = [];
  for (let i = 0; i < batch.count; i++) out.push([start + batch.starts[i]!, start + batch.ends[i]!]);
  return out;
}
