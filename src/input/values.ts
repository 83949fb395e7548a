// What the value readers (documents, CSV) share: locations, the sink, a byte counter, stage pipelines.
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where a value read from a document or table sits. */
export interface ValueWhere {
  /** 1-based line (tables). */
  line?: number;
  /** What names the value in the input, e.g. `events[12]`. */
  path?: string;
}

/** Receives each value, and problems (offset in decompressed bytes, or undefined, and a reason). */
export interface ValueSink {
  value(value: unknown, where: ValueWhere): void;
  /** A problem (`namesRevocation`: the record dropped names a revocation); a function property, as readers pass it on unbound to the splitters. */
  readonly diag: (offset: number | undefined, line: number, reason: string, namesRevocation?: boolean) => void;
}

/** What reading values found. */
export interface ValueStats {
  /** Values read (array elements, table rows). */
  records: number;
  /** Bytes read (decompressed). */
  bytes: number;
}

/** A pass-through stage that counts the (decompressed) bytes going through. */
export function byteCounter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * `stream.pipeline` over stages chosen at run time (gunzip or not), ending with a consumer: its
 * overloads only type fixed lists. Rejects with the first stage's error; every stage is destroyed.
 */
export const runStages = pipeline as (...stages: unknown[]) => Promise<void>;

/** An error as one short line for a diagnostic. */
export function shortMessage(err: unknown): string {
  return ((err as Error | null | undefined)?.message || String(err)).replace(/\s+/g, ' ').slice(0, 160);
}
