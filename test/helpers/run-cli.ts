// Test helper: run the CLI in-process with captured stdout/stderr and a chosen stdin/TTY state.
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  stdin?: string | Buffer;
  tty?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
  /** stderr is a terminal (default false). */
  stderrTty?: boolean;
}

/** Runs `okta-revoke-scan argv…` and captures everything it writes. */
export async function runCli(argv: string[], opts: CliRunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin]);
  (stdin as Readable & { isTTY?: boolean }).isTTY = opts.stdin === undefined ? true : false;
  const code = await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: opts.tty ?? false, columns: opts.columns ?? 120 },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: opts.stderrTty ?? false, columns: 100 },
    stdin,
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}
