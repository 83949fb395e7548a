// Reads one input: bytes → shape sniffing → splitter (records) or value reader (documents, CSV).
import { InputError } from '../errors.js';
import { RecordBatch, type Splitter } from './batch.js';
import { openBlocks, type BlockReader, type ByteRange } from './blocks.js';
import { sniffShape, HEAD_BYTES, ShapeError, type Sniffed, type InputFormat } from './sniff.js';
import type { ValueSink } from './values.js';
import { ArraySplitter } from './pretty-array.js';
import { NdjsonSplitter } from './ndjson.js';
import { reason } from './sources.js';

/** Options for reading an input. */
export interface ReadOptions {
  /** Records longer than this are reported and skipped (default 128 MiB). */
  maxRecordBytes: number;
  /** `--input-format` (default `auto`: from the content). */
  format?: InputFormat;
  /** `--events-path`, split at dots: where documents keep their events. */
  eventsPath?: string[] | null;
}

/** What reading an input found. */
export interface ReadStats {
  /** e.g. `ndjson`, `array`, `gzip+ndjson`, `ndjson+event-hook`, `document(events)`, `csv`. */
  format: string;
  /** Raw records cut (before any parsing). */
  records: number;
  /** Bytes read (decompressed). */
  bytes: number;
}

/** Reading one part of a plain file (parallel scans). */
export interface RangeRead {
  range: ByteRange;
  /** Set up for the range (the second part); detected from the content when absent. */
  splitter?: Splitter;
}

/** Where the records of an input go: byte batches (records), parsed values (documents, CSV), problems. */
export interface ReadSink extends ValueSink {
  batch(batch: RecordBatch): void;
}

export const DEFAULT_MAX_RECORD_BYTES = 128 * 1024 * 1024;

function splitterFor(d: Sniffed, opts: ReadOptions): Splitter {
  return d.shape.kind === 'array' ? new ArraySplitter(opts.maxRecordBytes) : new NdjsonSplitter(opts.maxRecordBytes);
}

/**
 * When the first bytes are neither JSON nor a CSV header (a header line, a damaged first byte) but a
 * later line of the block starts a record, the input is read as NDJSON: the splitter reports the
 * junk and goes on. Null when nothing in the block looks like a record (not JSON at all).
 */
function afterJunk(buf: Buffer, at: number, opts: ReadOptions): Sniffed | null {
  if ((opts.format ?? 'auto') !== 'auto') return null;
  const head = buf.subarray(0, at + HEAD_BYTES);
  const brace = head.indexOf('\n{', at);
  const next = brace >= 0 ? brace : head.indexOf('\n[', at);
  if (next < 0) return null;
  try {
    const d = sniffShape(head, next + 1, 'auto', null);
    return { shape: { kind: 'ndjson' }, via: d.via, multi: d.multi };
  } catch {
    return { shape: { kind: 'ndjson' }, via: null, multi: false };
  }
}

/** The format name shown in the summary. */
function formatName(d: Sniffed): string {
  const s = d.shape;
  if (s.kind === 'document') return `document(${s.path.join('.')})`;
  if (s.kind === 'csv') return 'csv';
  return d.via === null ? s.kind : `${s.kind}+${d.via}`;
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
 * Streams the records of one input into `sink`: byte batches for records (synchronously, one batch
 * per block; the batch and its buffer are only valid during the call), or parsed values for
 * documents and tables. Memory stays at a few blocks whatever the size. Throws InputError when the
 * input cannot be opened or holds neither JSON nor a CSV event table.
 */
export async function readInput(
  path: string,
  label: string,
  opts: ReadOptions,
  sink: ReadSink,
  part?: RangeRead,
): Promise<ReadStats & { splitter: Splitter | null }> {
  let reader: BlockReader;
  try {
    reader = await openBlocks(path, part?.range);
  } catch (err) {
    throw new InputError(`cannot read ${label}: ${reason(err)}`);
  }
  const batch = new RecordBatch();
  let splitter: Splitter | null = part?.splitter ?? null;
  let sniffed: Sniffed | null = null;
  let leftover: Buffer = Buffer.alloc(0);
  let base = part?.range.start ?? 0;
  let records = 0;
  let bytes = 0;
  let closed = false;
  // The last block again, with a large record's bytes put back in front (see Splitter.takeRestore).
  let replay: { buf: Buffer; eof: boolean; error?: string } | null = null;
  try {
    for (;;) {
      let block: { buf: Buffer; eof: boolean; error?: string } | null;
      try {
        block = replay ?? (await reader.next(leftover));
        replay = null;
      } catch (err) {
        throw new InputError(`cannot read ${label}: ${reason(err)}`);
      }
      if (!block) break;
      const buf: Buffer = block.buf;
      const eof: boolean = block.eof;
      bytes += buf.length - leftover.length;
      if (!splitter) {
        const at = firstSignificant(buf);
        if (at < 0 || (buf.length - at < HEAD_BYTES && !eof)) {
          if (!eof) {
            // A gzip member's error found before sniffing is reported now, or it would be lost.
            if (block.error) sink.diag(base + buf.length, 0, block.error);
            leftover = buf;
            continue;
          }
          if (block.error) sink.diag(0, 0, block.error);
          throw new InputError(`${label}: no JSON in this input (${buf.length === 0 ? 'empty' : 'only blank space'})`);
        }
        try {
          sniffed = sniffShape(buf.subarray(0, at + HEAD_BYTES), at, opts.format ?? 'auto', opts.eventsPath ?? null);
        } catch (err) {
          if (!(err instanceof ShapeError)) throw err;
          sniffed = afterJunk(buf, at, opts);
          if (sniffed === null) throw new InputError(`${label}: ${err.message}`);
        }
        const shape = sniffed.shape;
        if (shape.kind === 'document' || shape.kind === 'csv') {
          closed = true;
          await reader.close();
          const gzip = reader.encoding === 'gzip';
          // Loaded only for these shapes: the record path never pays for stream-json or csv-parse.
          const stats =
            shape.kind === 'document'
              ? await (await import('./document.js')).readDocument(path, gzip, shape.path, sink, opts.eventsPath != null)
              : await (await import('./csv.js')).readCsv(path, gzip, shape.delimiter, sink);
          return { format: (gzip ? 'gzip+' : '') + formatName(sniffed), records: stats.records, bytes: stats.bytes, splitter: null };
        }
        splitter = splitterFor(sniffed, opts);
        batch.multi = sniffed.multi;
      }
      batch.reset(buf, base);
      const consumed = splitter.split(buf, base, eof, batch, sink.diag);
      records += batch.count;
      if (batch.count > 0) sink.batch(batch);
      if (block.error) sink.diag(base + buf.length, 0, block.error);
      base += consumed;
      leftover = buf.subarray(consumed);
      // A large record kept apart by the splitter, which fits the limit: its bytes go back in front.
      const restore = splitter.takeRestore?.();
      if (restore) {
        leftover = Buffer.concat([restore, leftover]);
        base -= restore.length;
        if (eof) replay = { buf: leftover, eof };
        continue;
      }
      if (eof) break;
    }
  } finally {
    if (!closed) await reader.close();
  }
  if (!splitter) throw new InputError(`${label}: no JSON in this input (empty)`);
  // The second part of a split file is not sniffed: its format is the first part's.
  const format = sniffed ? (reader.encoding === 'gzip' ? 'gzip+' : '') + formatName(sniffed) : splitter.format;
  return { format, records, bytes, splitter };
}
