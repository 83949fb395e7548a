// Process entry: wires run() to the real stdin/stdout/stderr and removes temp files on Ctrl-C.
import { run } from './run.js';
import { ExitCode } from '../errors.js';

/** Runs the CLI on process.argv; the returned code is set by bin/ as process.exitCode. */
export async function main(): Promise<ExitCode> {
  const cleanups = new Set<() => Promise<void>>();
  let reporting: 'stdout' | 'file' | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    void Promise.allSettled([...cleanups].map((fn) => fn())).then(() => {
      // One line, after the progress bar is erased: what the user is left with.
      const left = reporting === 'stdout' ? 'partial report on stdout' : reporting === 'file' ? 'no report written (-o file left as it was)' : 'no report written';
      process.stderr.write(`okta-revoke-scan: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; ${left}\n`);
      process.exit(signal === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  return run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    onReport(to) {
      reporting = to;
    },
    registerCleanup(fn) {
      cleanups.add(fn);
      return () => cleanups.delete(fn);
    },
  });
}
