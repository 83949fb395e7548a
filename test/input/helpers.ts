// Test helper: run a splitter over bytes fed in blocks of a chosen size, collect records and diagnostics.
import { RecordBatch, type Splitter } from '../../src/input/batch.js';

export interface SplitResult {
  records: string[];
  lines: number[];
  offsets: number[];
  diags: { offset: number; line: number; reason: string }[];
}

/** Feeds `input` to `splitter` `block` bytes at a time, carrying leftovers like the reader does. */
export function runSplitter(splitter: Splitter, input: Buffer | string, block = 1 << 20): SplitResult {
  const data = typeof input === 'string' ? Buffer.from(input) : input;
  const out: SplitResult = { records: [], lines: [], offsets: [], diags: [] };
  const batch = new RecordBatch();
  let leftover = Buffer.alloc(0);
  let base = 0;
  let pos = 0;
  for (;;) {
    const take = Math.max(block, leftover.length);
    const fresh = data.subarray(pos, pos + take);
    pos += fresh.length;
    const eof = pos >= data.length;
    const buf = Buffer.concat([leftover, fresh]);
    batch.reset(buf, base);
    const consumed = splitter.split(buf, base, eof, batch, (offset, line, reason) => out.diags.push({ offset, line, reason }));
    for (let i = 0; i < batch.count; i++) {
      out.records.push(buf.toString('utf8', batch.starts[i], batch.ends[i]));
      out.lines.push(batch.lines[i]!);
      out.offsets.push(base + batch.starts[i]!);
    }
    base += consumed;
    leftover = buf.subarray(consumed);
    if (eof) break;
  }
  return out;
}
