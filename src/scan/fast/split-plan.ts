// Where a large plain export can be cut in two at a record boundary, for a two-thread scan.
import { open, type FileHandle } from 'node:fs/promises';
import { RecordBatch } from '../../input/batch.js';
import { ArraySplitter, type PrettyLayout } from '../../input/pretty-array.js';
import { sniffShape, type InputFormat } from '../../input/sniff.js';
import { prefilterFromSpec, type FilterSpec } from './filter-spec.js';

/** How the two parts are read. */
export type SplitLayout = { kind: 'ndjson' } | { kind: 'pretty'; nl: number[]; indent: number[] };

/** A file cut in two: [0, end) + tail, and [next, size). */
export interface SplitPlan {
  layout: SplitLayout;
  end: number;
  next: number;
  size: number;
  /** Bytes that close the first part (`\n]` for a pretty array). */
  tail: number[];
}

const HEAD = 64 * 1024;
/**
 * Share of the file this thread reads at most: a little less than half, because it also parses
 * every candidate of both parts. Measured on the 1 GiB export: with halves this thread ended its
 * part 0.06–0.18 s after the worker; with 45% both end within about 0.1 s of each other, and the
 * first pass ends 0.05–0.18 s sooner.
 */
const MAIN_SHARE = 0.45;
/** Share of the file this thread reads at least, however many candidates there are. */
const MIN_SHARE = 0.15;
/**
 * Cost of parsing a candidate's byte (JSON.parse, normalising, the pass's listener) relative to
 * reading and sweeping a byte of the input. Measured on the 1 GiB bench exports with the token
 * inventory's needles, one thread: 12 µs per 2.3 KB candidate against 0.47 s per GiB, about 11.
 */
const PARSE_COST = 11;
const PROBE = 8 * 1024 * 1024;
/**
 * The share of candidates is measured on this many pieces of an NDJSON file, evenly spread (calls
 * made with a token come in bursts: one 2 MiB piece at the middle of the 1 GiB exports read 0.4%
 * to 6% of candidate bytes, against 2.3% and 5.1% over the whole files).
 */
const SAMPLES = 16;
/** Bytes of each piece. */
const SAMPLE = 128 * 1024;

/**
 * Share of a file this thread reads, when the pre-filter selects `density` of its bytes (the
 * candidates' share): this thread parses every candidate of both parts, so both end together when
 * share + PARSE_COST × density = 1 − share, within [MIN_SHARE, MAIN_SHARE]. Measured on the 1 GiB
 * bench exports, two threads, medians of 7 on a shared machine: `tokens` on the heavy one (5% of
 * the bytes are its candidates, share 0.26) 0.87 → 0.82 s wall, on the light one (share 0.36) the
 * fastest run 0.72 → 0.66 s; the whole scan on the heavy one (first pass share 0.28) 2.80 → 2.65 s,
 * on the light one unchanged; `--no-window` (0.5‰ candidates) keeps 0.45.
 */
export function mainShare(density: number): number {
  return Math.min(MAIN_SHARE, Math.max(MIN_SHARE, (1 - PARSE_COST * density) / 2));
}

/** Share of the bytes of an NDJSON file's whole lines in SAMPLES pieces that the pre-filter selects (0 when they hold none). */
async function candidateDensity(fh: FileHandle, size: number, filter: FilterSpec): Promise<number> {
  const prefilter = prefilterFromSpec(filter);
  const batch = new RecordBatch();
  let marks = new Uint8Array(64);
  let selected = 0;
  let all = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const piece = await readAt(fh, Math.floor(((k + 0.5) * size) / SAMPLES), SAMPLE);
    batch.reset(piece, 0);
    // Whole lines only: from the first line end to the last.
    for (let p = piece.indexOf(0x0a) + 1; p > 0; ) {
      const nl = piece.indexOf(0x0a, p);
      if (nl < 0) break;
      if (nl > p) batch.push(p, nl, 0);
      p = nl + 1;
    }
    if (batch.count === 0) continue;
    if (marks.length < batch.count) marks = new Uint8Array(batch.count);
    prefilter.mark(batch, marks);
    for (let i = 0; i < batch.count; i++) {
      const len = batch.ends[i]! - batch.starts[i]!;
      all += len;
      if (marks[i]) selected += len;
    }
  }
  return all === 0 ? 0 : selected / all;
}

/** Reads up to `length` bytes at `position`. */
async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/**
 * Plans a cut a little before the middle (see MAIN_SHARE) of a plain (not gzipped) NDJSON file or
 * `jq .`-style array of at least `minBytes`; with the pass's `filter`, an NDJSON file is cut
 * earlier the more candidates the filter selects near the middle (see mainShare). Any other
 * layout, or no clean record boundary near the cut, gives null and the file is read by one thread.
 */
export async function planSplit(
  path: string,
  minBytes: number,
  read: { format?: InputFormat; eventsPath?: string[] | null } = {},
  filter?: FilterSpec,
): Promise<SplitPlan | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size < minBytes) return null;
    const head = Buffer.alloc(HEAD);
    await fh.read(head, 0, HEAD, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return null;
    let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < HEAD && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
    // Only plain events, one per record: wrappers and deliveries take the one-thread path.
    const d = sniffShape(head, i, read.format ?? 'auto', read.eventsPath ?? null);
    if ((d.shape.kind !== 'ndjson' && d.shape.kind !== 'array') || d.via !== null || d.multi) return null;
    if (head[i] === 0x7b) {
      // NDJSON with LF line ends (CR-only files take the careful path).
      const lf = head.indexOf(0x0a, i);
      if (lf < 0 || (head.indexOf(0x0d, i) >= 0 && head[head.indexOf(0x0d, i) + 1] !== 0x0a)) return null;
      const mid = Math.floor(size * (filter ? mainShare(await candidateDensity(fh, size, filter)) : MAIN_SHARE));
      // The next line end: within the first 64 KiB nearly always, else within PROBE.
      let nl = (await readAt(fh, mid, Math.min(HEAD, size - mid))).indexOf(0x0a);
      if (nl < 0) nl = (await readAt(fh, mid, Math.min(PROBE, size - mid))).indexOf(0x0a);
      if (nl < 0) return null;
      const cut = mid + nl + 1;
      return { layout: { kind: 'ndjson' }, end: cut, next: cut, size, tail: [] };
    }
    const mid = Math.floor(size * MAIN_SHARE);
    const probe = await readAt(fh, mid, Math.min(PROBE, size - mid));
    if (head[i] === 0x5b) {
      const layout = ArraySplitter.sniffLayout(head);
      if (!layout) return null;
      const cut = ArraySplitter.cutPoint(probe, 0, layout);
      if (!cut) return null;
      return {
        layout: { kind: 'pretty', nl: [...layout.nl], indent: [...layout.indent] },
        end: mid + cut.end,
        next: mid + cut.next,
        size,
        tail: [...layout.nl, 0x5d],
      };
    }
    return null;
  } finally {
    await fh.close();
  }
}

/** The pretty layout of a plan, as buffers. */
export function prettyLayout(layout: SplitLayout): PrettyLayout | null {
  return layout.kind === 'pretty' ? { nl: Buffer.from(layout.nl), indent: Buffer.from(layout.indent) } : null;
}
