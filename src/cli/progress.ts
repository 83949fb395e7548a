// Progress bar on stderr while inputs are read: bytes of total, MB/s, events, ETA; one line redrawn in place.
import type { TextSink } from './io.js';

/** What the scan reports (see ScanOptions.onProgress). */
export interface ProgressUpdate {
  pass: number;
  bytes: number;
  records: number;
}

/** Where and how the bar is drawn. */
export interface ProgressOptions {
  /** stderr, never stdout. */
  stream: TextSink;
  /** Terminal columns; the line is cut to one less (80 when unknown, 0 or implausibly small). */
  width: number | undefined;
  /** Milliseconds from any fixed origin (performance.now in the CLI; a fake in tests). */
  clock: () => number;
  /** Bytes each pass is expected to read, or null when unknown (no bar, percentage or ETA then). */
  total: number | null;
  /** Least time between two redraws, in ms. */
  interval?: number;
}

/** Cells of the bar. */
const BAR = 10;

/** `1.2 GB`, `340.5 MB`, `12.0 kB`, `512 B` (decimal units, like MB/s). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** Seconds as `0:07`, `12:34` or `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The progress line (no control characters): `pass 1 [████░░░░░░] 45% 120.3 MB of 268.1 MB
 * 85.2 MB/s 1,234,567 events ETA 0:02`; without a total, only what is known. `elapsed` is the
 * time since the pass started, in ms. On a narrow terminal the bar goes first, then the event
 * count, then the rate; whatever still does not fit is cut at `width` columns.
 */
export function progressLine(update: ProgressUpdate, total: number | null, elapsed: number, width: number): string {
  const secs = elapsed / 1000;
  const rate = secs >= 0.2 ? update.bytes / secs : null;
  const known = total !== null && total > 0;
  const fraction = known ? Math.min(1, update.bytes / total) : 0;
  const filled = Math.round(fraction * BAR);
  const field = {
    pass: `pass ${update.pass}`,
    bar: known ? `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}]` : '',
    percent: known ? `${Math.floor(fraction * 100)}%` : '',
    bytes: known ? `${formatBytes(update.bytes)} of ${formatBytes(total)}` : formatBytes(update.bytes),
    rate: rate === null ? '' : `${formatBytes(rate)}/s`,
    events: `${update.records.toLocaleString('en-US')} events`,
    eta: known && rate !== null && rate > 0 && update.bytes < total ? `ETA ${formatDuration((total - update.bytes) / rate)}` : '',
  };
  const order = ['pass', 'bar', 'percent', 'bytes', 'rate', 'events', 'eta'] as const;
  const dropFirst = ['bar', 'events', 'rate'] as const;
  const shown = new Set<keyof typeof field>(order);
  const compose = () => order.filter((k) => shown.has(k) && field[k] !== '').map((k) => field[k]).join(' ');
  let line = compose();
  for (const k of dropFirst) {
    if (line.length <= width) break;
    shown.delete(k);
    line = compose();
  }
  return line.length > width ? line.slice(0, Math.max(0, width)) : line;
}

/**
 * Draws the progress of a scan on one terminal line, redrawn in place (`\r` and erase to end of
 * line) at most every `interval` ms, the first update and each new pass at once. `finish` erases
 * the line, so whatever is printed next starts on a clean line. Writes only to `stream`.
 */
export class ProgressBar {
  private readonly opts: ProgressOptions;
  private pass = 0;
  private passStart = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(opts: ProgressOptions) {
    this.opts = opts;
  }

  /** Takes one update from the scan; redraws when due. */
  update(p: ProgressUpdate): void {
    const now = this.opts.clock();
    if (p.pass !== this.pass) {
      this.pass = p.pass;
      this.passStart = now;
      this.lastDraw = Number.NEGATIVE_INFINITY;
    }
    if (now - this.lastDraw < (this.opts.interval ?? 100)) return;
    this.lastDraw = now;
    // A pseudo-terminal without a size reports 0 columns.
    const cols = this.opts.width !== undefined && this.opts.width >= 20 ? this.opts.width : 80;
    const width = cols - 1;
    this.opts.stream.write(`\r${progressLine(p, this.opts.total, now - this.passStart, width)}\u001b[K`);
    this.drawn = true;
  }

  /** Erases the line if anything was drawn. */
  finish(): void {
    if (this.drawn) this.opts.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
