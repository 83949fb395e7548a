// The record index: a fixed-size entry per record of a plain input, written by the first pass, read by the second.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordBatch } from '../../input/batch.js';
import type { ProbeSpec, TimeSpan } from './filter-spec.js';
import { valueHash, type RecordHasher } from './record-hashes.js';

/**
 * Bytes per entry: offset (f64), then u32 length, line, actor hash, ip hash, token hash, flags.
 * 15 MB per GiB of Okta export (about 2.3 KB per event), on disk, so memory does not grow with it.
 */
const ENTRY_BYTES = 32;
/** Entries written or read at a time (2 MiB). */
const CHUNK = 1 << 16;

/** One input's index, or the part of it one thread wrote (the worker's lines count from its part's start). */
export interface IndexPart {
  fd: number;
  entries: number;
  /** Added to each entry's line (0: unknown, kept as unknown). */
  lineOffset: number;
}

/** The index of one input: its parts in file order. */
export interface SourceIndex {
  parts: IndexPart[];
}

/** Time spans in which a value matters (see `ProbeSpec`), by the hash of the value (see {@link valueHash}). */
export type SpansByHash = ReadonlyMap<number, readonly TimeSpan[]>;

/** The values that make a record a second-pass candidate, by field. */
export interface IndexSelection {
  actors: SpansByHash;
  ips: SpansByHash;
  tokens: SpansByHash;
}

/** One selected entry: where the record is, and why. */
export interface Candidate {
  offset: number;
  length: number;
  /** Line of the record's start (0: unknown). */
  line: number;
  /** The record must be parsed whatever its time (see `RecordHasher`). */
  forced: boolean;
  actor: number;
  ip: number;
  token: number;
}

/**
 * Opens a new temporary file for an index and removes its name at once: the file lives as long as
 * the descriptor, and goes with the process however it ends (Ctrl-C, a crash, kill -9). Null when
 * no temporary file can be made, or its name cannot be removed while it is open.
 */
export function openIndexFile(): number | null {
  const path = join(tmpdir(), `okta-revoke-scan-${process.pid}-${randomBytes(6).toString('hex')}.idx`);
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch {
    return null;
  }
  try {
    unlinkSync(path);
    return fd;
  } catch {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Nothing more can be done; the name was never used.
    }
    return null;
  }
}

/** Closes every index descriptor (each once). */
export function closeIndexes(indexes: readonly (SourceIndex | null)[]): void {
  for (const index of indexes) for (const part of index?.parts ?? []) closeQuietly(part.fd);
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}

/** Appends entries for each batch to an index file; `failed` once a write fails (disk full). */
export class IndexWriter {
  private readonly bytes = new Uint8Array(ENTRY_BYTES * CHUNK);
  private readonly f64 = new Float64Array(this.bytes.buffer);
  private readonly u32 = new Uint32Array(this.bytes.buffer);
  private n = 0;
  private position = 0;
  entries = 0;
  failed = false;

  constructor(readonly fd: number) {}

  /** One entry per record of `batch`, with the hasher's values for it. */
  add(batch: RecordBatch, h: RecordHasher): void {
    const { starts, ends, lines, base, count } = batch;
    const { f64, u32 } = this;
    for (let r = 0; r < count; r++) {
      if (this.n === CHUNK) this.flush();
      const e = this.n++;
      f64[e * 4] = base + starts[r]!;
      const u = e * 8;
      u32[u + 2] = ends[r]! - starts[r]!;
      u32[u + 3] = lines[r]!;
      u32[u + 4] = h.actor[r]!;
      u32[u + 5] = h.ip[r]!;
      u32[u + 6] = h.token[r]!;
      u32[u + 7] = h.force[r]!;
    }
    this.entries += count;
  }

  /** Writes what is buffered. */
  flush(): void {
    const size = this.n * ENTRY_BYTES;
    this.n = 0;
    if (this.failed) return;
    try {
      for (let done = 0; done < size; ) done += writeSync(this.fd, this.bytes, done, size - done, this.position + done);
      this.position += size;
    } catch {
      this.failed = true;
    }
  }
}

/** The selection for the second pass's probes: every probe reads a field the index holds a hash of. */
export function selectionFor(probes: readonly ProbeSpec[]): IndexSelection {
  const sets = { actors: new Map<number, TimeSpan[]>(), ips: new Map<number, TimeSpan[]>(), tokens: new Map<number, TimeSpan[]>() };
  for (const p of probes) {
    const map = p.kind === 'actor' ? sets.actors : p.kind === 'ip' ? sets.ips : sets.tokens;
    for (const [value, spans] of p.spans) {
      const b = Buffer.from(value, 'utf8');
      const h = valueHash(b, 0, b.length);
      // Values whose hashes collide share their spans: more candidates, never fewer.
      map.set(h, [...(map.get(h) ?? []), ...spans]);
    }
  }
  return sets;
}

/**
 * Calls `take` for each entry of `part` the selection picks (or that was forced), in file order,
 * with the number of entries read so far. The candidate object is reused: copy what you keep.
 */
export function forEachCandidate(part: IndexPart, sel: IndexSelection, take: (c: Candidate, done: number) => void): void {
  const bytes = new Uint8Array(ENTRY_BYTES * CHUNK);
  const f64 = new Float64Array(bytes.buffer);
  const u32 = new Uint32Array(bytes.buffer);
  const { actors, ips, tokens } = sel;
  // One bit per low 16 bits of every selected hash: most entries are ruled out without a map lookup.
  const maybe = new Uint8Array(1 << 13);
  for (const map of [actors, ips, tokens]) for (const h of map.keys()) maybe[(h & 0xffff) >> 3]! |= 1 << (h & 7);
  const may = (h: number) => h !== 0 && (maybe[(h & 0xffff) >> 3]! & (1 << (h & 7))) !== 0;
  const c: Candidate = { offset: 0, length: 0, line: 0, forced: false, actor: 0, ip: 0, token: 0 };
  for (let first = 0; first < part.entries; first += CHUNK) {
    const n = Math.min(CHUNK, part.entries - first);
    const size = n * ENTRY_BYTES;
    for (let got = 0; got < size; ) {
      const r = readSync(part.fd, bytes, got, size - got, first * ENTRY_BYTES + got);
      if (r === 0) throw new Error('record index cut short');
      got += r;
    }
    for (let e = 0; e < n; e++) {
      const u = e * 8;
      const a = u32[u + 4]!;
      const ip = u32[u + 5]!;
      const t = u32[u + 6]!;
      if (u32[u + 7] || (may(a) && actors.has(a)) || (may(ip) && ips.has(ip)) || (may(t) && tokens.has(t))) {
        const line = u32[u + 3]!;
        c.offset = f64[e * 4]!;
        c.length = u32[u + 2]!;
        c.line = line === 0 ? 0 : line + part.lineOffset;
        c.forced = u32[u + 7] !== 0;
        c.actor = u32[u + 4]!;
        c.ip = u32[u + 5]!;
        c.token = u32[u + 6]!;
        take(c, first + e + 1);
      }
    }
  }
}
