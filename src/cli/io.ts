// The process surface the CLI uses, injectable so tests run the CLI in-process.
import type { Readable } from 'node:stream';

/** A writable text sink (process.stdout, a file stream, or a test buffer). */
export interface TextSink {
  write(chunk: string): boolean;
  once?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything `run` may touch besides the files it is asked to read. */
export interface Io {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  env: Record<string, string | undefined>;
  /** Told when the report starts being written, and where: a Ctrl-C after it leaves a partial report on stdout. */
  onReport?(to: 'stdout' | 'file'): void;
}

/**
 * Writes one chunk, waiting for the sink to drain when it asks to. Whichever of `drain` and
 * `error` comes first removes the other listener, so a long report leaves none behind.
 */
export async function writeChunk(sink: TextSink, chunk: string): Promise<void> {
  if (sink.write(chunk) || !sink.once) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      sink.removeListener?.('error', onError);
      resolve();
    };
    const onError = (e: unknown) => {
      sink.removeListener?.('drain', onDrain);
      reject(e);
    };
    sink.once!('drain', onDrain);
    sink.once!('error', onError);
  });
}
