// The process surface the CLI uses, injectable so tests run the CLI in-process.
import type { Readable } from 'node:stream';

/** A writable text sink (process.stdout, a file stream, or a test buffer). */
export interface TextSink {
  write(chunk: string): boolean;
  once?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything `run` may touch besides the files it is asked to read. */
export interface Io {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  env: Record<string, string | undefined>;
}

/** Writes one chunk, waiting for the sink to drain when it asks to. */
export async function writeChunk(sink: TextSink, chunk: string): Promise<void> {
  if (sink.write(chunk) || !sink.once) return;
  await new Promise<void>((resolve, reject) => {
    sink.once!('drain', () => resolve());
    sink.once!('error', (e) => reject(e));
  });
}
