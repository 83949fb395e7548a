// Reads one input: bytes → format detection → splitter → batches of raw records.
import { InputError } from '../errors.js';
import { RecordBatch, type Splitter } from './batch.js';
import { openBlocks, type BlockReader } from './blocks.js';
import { ArraySplitter } from './pretty-array.js';
import { NdjsonSplitter } from './ndjson.js';
import { describeByte } from './json-scanner.js';
import { reason } from './sources.js';

/** Options for reading an input. */
export interface ReadOptions {
  /** Records longer than this are reported and skipped (default 128 MiB). */
  maxRecordBytes: number;
}

/** What reading an input found. */
export interface ReadStats {
  /** e.g. `ndjson`, `array`, `gzip+ndjson`. */
  format: string;
  /** Raw records cut (before any parsing). */
  records: number;
  /** Bytes read (decompressed). */
  bytes: number;
}

/** Called for each problem: stream offset, line (0 = unknown) and reason. */
export type ReadDiagnostic = (offset: number, line: number, reason: string) => void;

export const DEFAULT_MAX_RECORD_BYTES = 128 * 1024 * 1024;

/**
 * Chooses a splitter from the first significant byte: `[` array, `{` NDJSON / objects. Anything
 * else (a header line, a damaged first byte) is read as NDJSON, which reports the junk and goes
 * on, when a later line of the block starts a record; else the input is not JSON at all.
 */
function splitterFor(buf: Buffer, at: number, label: string, opts: ReadOptions): Splitter {
  const first = buf[at]!;
  if (first === 0x5b) return new ArraySplitter(opts.maxRecordBytes);
  if (first === 0x7b) return new NdjsonSplitter(opts.maxRecordBytes);
  if (buf.includes('\n{', at) || buf.includes('\n[', at)) return new NdjsonSplitter(opts.maxRecordBytes);
  throw new InputError(`${label}: not a JSON export (starts with ${describeByte(first)})`);
}

/** Index of the first byte that is not blank or a BOM, or -1. */
function firstSignificant(buf: Buffer): number {
  let i = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return i;
    i++;
  }
  return -1;
}

/**
 * Streams the records of one input into `onBatch` (synchronously, one batch per block; the batch
 * and its buffer are only valid during the call). Memory stays at a few blocks whatever the size.
 * Throws InputError when the input cannot be opened or holds no JSON at all.
 */
export async function readInput(
  path: string,
  label: string,
  opts: ReadOptions,
  onBatch: (batch: RecordBatch) => void,
  onDiag: ReadDiagnostic,
): Promise<ReadStats> {
  let reader: BlockReader;
  try {
    reader = await openBlocks(path);
  } catch (err) {
    throw new InputError(`cannot read ${label}: ${reason(err)}`);
  }
  const batch = new RecordBatch();
  let splitter: Splitter | null = null;
  let leftover: Buffer = Buffer.alloc(0);
  let base = 0;
  let records = 0;
  let bytes = 0;
  try {
    for (;;) {
      let block;
      try {
        block = await reader.next(leftover);
      } catch (err) {
        throw new InputError(`cannot read ${label}: ${reason(err)}`);
      }
      if (!block) break;
      const { buf, eof } = block;
      bytes += buf.length - leftover.length;
      if (!splitter) {
        const at = firstSignificant(buf);
        if (at < 0) {
          if (!eof) {
            leftover = buf;
            continue;
          }
          if (block.error) onDiag(0, 0, block.error);
          throw new InputError(`${label}: no JSON in this input (${buf.length === 0 ? 'empty' : 'only blank space'})`);
        }
        splitter = splitterFor(buf, at, label, opts);
      }
      batch.reset(buf, base);
      const consumed = splitter.split(buf, base, eof, batch, onDiag);
      records += batch.count;
      if (batch.count > 0) onBatch(batch);
      if (block.error) onDiag(base + buf.length, 0, block.error);
      base += consumed;
      leftover = buf.subarray(consumed);
      if (eof) break;
    }
  } finally {
    await reader.close();
  }
  if (!splitter) throw new InputError(`${label}: no JSON in this input (empty)`);
  const format = (reader.encoding === 'gzip' ? 'gzip+' : '') + splitter.format;
  return { format, records, bytes };
}
