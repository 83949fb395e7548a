// Whether to show a progress bar, and how many bytes the inputs will give (gzip sizes from their trailers).
import { open } from 'node:fs/promises';
import type { TextSink } from './io.js';
import { ProgressBar } from './progress.js';

/** Inputs smaller than this (in total, on disk) finish too fast for a bar. */
export const PROGRESS_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Bytes reading `path` will give: its size, or for a gzip file the uncompressed size its trailer
 * records (ISIZE, modulo 4 GiB: when that is less than the compressed size the true size is
 * unknown and `null` is returned). Unreadable files count as 0.
 */
export async function expectedBytes(path: string): Promise<{ onDisk: number; read: number | null }> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return { onDisk: 0, read: 0 };
  }
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(2);
    await fh.read(head, 0, 2, 0);
    if (size < 20 || head[0] !== 0x1f || head[1] !== 0x8b) return { onDisk: size, read: size };
    const tail = Buffer.alloc(4);
    await fh.read(tail, 0, 4, size - 4);
    const isize = tail.readUInt32LE(0);
    return { onDisk: size, read: isize >= size ? isize : null };
  } catch {
    return { onDisk: 0, read: 0 };
  } finally {
    await fh.close();
  }
}

/** What the CLI decides about the bar. */
export interface ProgressPlan {
  show: boolean;
  /** Expected bytes per pass, null when unknown. */
  total: number | null;
}

/**
 * A bar is shown when `flag` says so (`--progress` / `--no-progress`); otherwise only when stderr
 * is a terminal, `--quiet` is off, the `CI` variable is unset and the inputs hold at least
 * PROGRESS_MIN_BYTES. It is drawn on stderr, so stdout stays exactly the report.
 */
export async function planProgress(
  flag: boolean | undefined,
  stderr: TextSink,
  env: Record<string, string | undefined>,
  quiet: boolean,
  paths: readonly string[],
): Promise<ProgressPlan> {
  if (flag === false) return { show: false, total: null };
  if (flag === undefined && (stderr.isTTY !== true || quiet || (env.CI !== undefined && env.CI !== '') || env.TERM === 'dumb')) {
    return { show: false, total: null };
  }
  let onDisk = 0;
  let total: number | null = 0;
  for (const p of paths) {
    const e = await expectedBytes(p);
    onDisk += e.onDisk;
    total = total === null || e.read === null ? null : total + e.read;
  }
  return { show: flag === true || onDisk >= PROGRESS_MIN_BYTES, total };
}

/** The progress bar on `stderr` that {@link planProgress} says to show, or null. */
export async function progressBarFor(
  flag: boolean | undefined,
  stderr: TextSink,
  env: Record<string, string | undefined>,
  quiet: boolean,
  paths: readonly string[],
): Promise<ProgressBar | null> {
  const plan = await planProgress(flag, stderr, env, quiet, paths);
  return plan.show ? new ProgressBar({ stream: stderr, width: stderr.columns, clock: () => performance.now(), total: plan.total }) : null;
}
