// Measures one child process: wall time, peak RSS (Linux VmHWM polling), output bytes and lines.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The `VmHWM` (peak resident set) of a `/proc/<pid>/status` text, in bytes; null when absent. */
export function parseVmHWM(status: string): number | null {
  const m = /^VmHWM:\s*(\d+)\s*kB\s*$/m.exec(status);
  return m ? Number(m[1]) * 1024 : null;
}

/** Reads the current peak RSS of `pid` from procfs; null when unavailable (not Linux, or the process is gone). */
export function readPeakRss(pid: number): number | null {
  try {
    return parseVmHWM(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Counts bytes and lines (newline characters) of a stream fed chunk by chunk; lines that start
 * with `skip` are not counted (the CLI's NDJSON starts with its incident lines: the lines to
 * count are the findings).
 */
export class OutputCounter {
  bytes = 0;
  lines = 0;
  /** Bytes of the current line that matched `skip` so far; -1 once one did not (or with no `skip`). */
  private matched: number;

  constructor(private readonly skip?: Buffer) {
    this.matched = skip ? 0 : -1;
  }

  /** Adds one chunk. */
  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    for (let from = 0; ; ) {
      from = this.matchHead(chunk, from);
      const nl = chunk.indexOf(10, from);
      if (nl === -1) return;
      if (this.matched !== this.skip?.length) this.lines++;
      this.matched = this.skip ? 0 : -1;
      from = nl + 1;
    }
  }

  /** Goes on matching the current line's start against `skip`; returns where it stopped. */
  private matchHead(chunk: Buffer, from: number): number {
    const skip = this.skip;
    if (skip === undefined) return from;
    while (this.matched >= 0 && this.matched < skip.length && from < chunk.length) {
      if (chunk[from] !== skip[this.matched]) this.matched = -1;
      else {
        this.matched++;
        from++;
      }
    }
    return from;
  }
}

/** What one run of a command did. */
export interface RunMeasure {
  wallMs: number;
  /** Last VmHWM seen while polling (a high-water mark), bytes; null if it could not be read. */
  peakRssBytes: number | null;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdoutBytes: number;
  stdoutLines: number;
  /** Up to the last 4 KiB of stderr, for error reports. */
  stderrTail: string;
}

/** Options for {@link measureCommand}. */
export interface MeasureOptions {
  cwd?: string;
  /** Polling interval for VmHWM in ms (default 20). */
  pollMs?: number;
  /** Lines of stdout starting with this are not counted (see OutputCounter). */
  skipLines?: string;
}

/**
 * Runs `command args…` with stdout counted (not stored) and stderr's tail kept, polling the
 * child's VmHWM every `pollMs`; resolves when the child has exited and its pipes are closed.
 */
export function measureCommand(command: string, args: readonly string[], opts: MeasureOptions = {}): Promise<RunMeasure> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new OutputCounter(opts.skipLines === undefined ? undefined : Buffer.from(opts.skipLines));
    let stderr = '';
    let peak: number | null = null;
    let wallMs = 0;
    const poll = (): void => {
      if (child.pid === undefined) return;
      const v = readPeakRss(child.pid);
      if (v !== null) peak = peak === null ? v : Math.max(peak, v);
    };
    poll();
    const timer = setInterval(poll, opts.pollMs ?? 20);
    child.stdout.on('data', (c: Buffer) => out.add(c));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr = (stderr + s).slice(-4096);
    });
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('exit', () => {
      wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(timer);
    });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      resolve({ wallMs, peakRssBytes: peak, exitCode, signal, stdoutBytes: out.bytes, stdoutLines: out.lines, stderrTail: stderr });
    });
  });
}
