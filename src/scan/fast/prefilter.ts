// Raw-byte pre-filter: sweep each block once per needle and mark the records that must be parsed.
import { isUtf8 } from 'node:buffer';
import type { RecordBatch } from '../../input/batch.js';
import { learnByteFrequencies, Needle } from '../../bytes/needle.js';
import { ALTERNATION_MIN_NEEDLES, NeedleAlternation } from '../../bytes/needle-alternation.js';
import { parsePublished } from '../../events/time.js';
import { publishedAt, type ValueProbe } from './probe.js';

/** Why a record was marked (bits; 0: not marked): a needle, an escape that could hide one, or a byte problem. */
export const enum Mark {
  Needle = 1,
  /** Contains a `\uXXXX` escape of a character some needle uses: only parsing can tell. */
  Escape = 2,
  /** Contains a NUL byte: not valid JSON; parsing reports it. */
  Nul = 4,
  /** Not valid UTF-8: parsed with U+FFFD replacements and reported. */
  BadUtf8 = 8,
  /** A value probe found a value of interest, or could not read the layout. */
  Probe = 16,
}

const ESCAPE = Buffer.from('\\u');

/** Keys that show an input was written by a pipeline that lowercases (or snake-cases) keys, plain or escaped. */
const LOWERCASE_KEYS = ['eventtype', 'event_type', 'debugcontext', 'displaymessage'].flatMap((k) => [Buffer.from(`"${k}"`), Buffer.from(`\\"${k}\\"`)]);

/** Whether a sample (an input's first block) shows keys lowercased by a pipeline. */
export function hasLowercaseKeys(sample: Buffer): boolean {
  return LOWERCASE_KEYS.some((k) => sample.includes(k));
}

/**
 * Marks the records of a batch that may contain one of the needles. Sound for JSON text: a needle
 * that is present in a parsed string value is present in the raw bytes either literally (the
 * needle as given, or lowercased in inputs whose first block has lowercased keys) or behind a
 * `\u` escape of one of its characters, and records with such escapes are marked too. The same holds
 * for events carried as JSON text inside a string (`{"message":"{\"eventType\":…}"}`): needles hold
 * no quote or backslash, and probes read keys in both layouts. Other
 * spellings (Okta writes event types in lower case and keys in camelCase) are found by
 * `--validate`, which parses every record.
 */
export class Prefilter {
  private needles: Needle[];
  /** Lowercased needles, swept only for inputs written with lowercased keys. */
  private readonly lowerVariants = new Set<string>();
  private base: Needle[] = [];
  /** With many needles, one sweep for all of them (set when tuned for an input). */
  private alternation: NeedleAlternation | null = null;
  private tuned = false;
  /** Characters (lowercased code units) used by any needle. */
  private readonly chars = new Set<number>();
  /** Mark every record (validate mode, or a rule no needle can stand for). */
  readonly all: boolean;

  /** Probes swept for this input: the given ones, plus lowercased keys in inputs written that way. */
  private probes: { probe: ValueProbe; needle: Needle }[];
  private readonly baseProbes: { probe: ValueProbe; needle: Needle }[];

  /** `keys`: names read from the raw bytes besides the needles (an escape in them marks the record too). */
  constructor(needles: Iterable<string>, all = false, probes: ValueProbe[] = [], keys: readonly string[] = []) {
    const set = new Set<string>();
    for (const n of needles) {
      if (n.length === 0) {
        all = true;
        continue;
      }
      set.add(n);
      if (n.toLowerCase() !== n) this.lowerVariants.add(n.toLowerCase());
      for (const ch of n.toLowerCase()) this.chars.add(ch.charCodeAt(0));
    }
    // A needle containing another is redundant: any record with it has the shorter one too.
    for (const a of [...set]) for (const b of set) if (a !== b && a.includes(b)) set.delete(a);
    for (const v of this.lowerVariants) for (const b of set) if (v.includes(b)) this.lowerVariants.delete(v);
    for (const v of set) this.lowerVariants.delete(v);
    this.needles = [...set].map((s) => new Needle(s));
    this.probes = this.baseProbes = probes.map((probe) => ({ probe, needle: new Needle(probe.key) }));
    for (const k of [...probes.map((p) => p.key), ...keys]) for (const ch of k.toLowerCase()) this.chars.add(ch.charCodeAt(0));
    // Time-gated probes read `published`: an escape in that key must make the record a candidate.
    if (probes.some((p) => p.intervals !== undefined)) for (const ch of 'published') this.chars.add(ch.charCodeAt(0));
    this.all = all;
  }

  /** Forget the byte statistics (call before reading another input). */
  retune(): void {
    this.tuned = false;
  }

  /** Number of distinct byte needles (and probe keys) swept per block. */
  get size(): number {
    return this.needles.length + this.probes.length;
  }

  /** Fills `marks[0..count)` for `batch`; returns how many records are marked. `all` marks every record. */
  mark(batch: RecordBatch, marks: Uint8Array, all = this.all): number {
    const { buf, starts, ends, count } = batch;
    if (count === 0) return 0;
    if (all) {
      marks.fill(Mark.Needle, 0, count);
      this.checkBytes(batch, marks);
      return count;
    }
    marks.fill(0, 0, count);
    const from = starts[0]!;
    const to = ends[count - 1]!;
    if (!this.tuned) {
      // Learn which bytes are rare in this input from its first block.
      this.tuned = true;
      const sample = buf.subarray(from, to);
      const freq = learnByteFrequencies(sample);
      if (this.base.length === 0) this.base = this.needles;
      const lower = hasLowercaseKeys(sample);
      this.needles = lower ? [...this.base, ...[...this.lowerVariants].map((v) => new Needle(v))] : this.base;
      // A probe reads the value after its key by position, so the same probe serves the lowercased
      // key (`ipaddress`, `requestapitokenid`): only the bytes swept for differ.
      const variants = this.baseProbes.filter(({ probe }) => !probe.locate && probe.key.toLowerCase() !== probe.key);
      this.probes = lower ? [...this.baseProbes, ...variants.map(({ probe }) => ({ probe, needle: new Needle(probe.key.toLowerCase()) }))] : this.baseProbes;
      this.alternation = this.needles.length >= ALTERNATION_MIN_NEEDLES ? new NeedleAlternation(this.needles.map((n) => n.bytes.toString('latin1'))) : null;
      // Needles searched one by one are tuned to the input; the alternation searches them all at once.
      if (this.alternation === null) for (const n of this.needles) n.tune(freq, sample);
      for (const p of this.probes) p.needle.tune(freq, sample);
    }
    this.alternation?.scan(buf, from, to, (start, end) => {
      const r = recordAt(starts, count, start);
      if (r < 0 || end > ends[r]!) return start + 1;
      marks[r]! |= Mark.Needle;
      return ends[r]!;
    });
    for (const needle of this.alternation ? [] : this.needles) {
      const len = needle.bytes.length;
      let p = needle.indexIn(buf, from);
      while (p >= 0 && p < to) {
        const r = recordAt(starts, count, p);
        if (r >= 0 && p + len <= ends[r]!) {
          marks[r]! |= Mark.Needle;
          p = needle.indexIn(buf, ends[r]!);
        } else {
          p = needle.indexIn(buf, p + 1);
        }
      }
    }
    for (const { probe, needle } of this.probes) {
      if (probe.locate) {
        for (let r = 0; r < count; r++) {
          if (marks[r]! & Mark.Probe) continue;
          const start = starts[r]!;
          const end = ends[r]!;
          for (let at = probe.locate(buf, start, end, start); at >= 0; at = probe.locate(buf, start, end, at + 1)) {
            if (probeHit(probe, probe.read(buf, at, end), buf, start, end)) {
              marks[r]! |= Mark.Probe;
              break;
            }
          }
        }
        continue;
      }
      let p = needle.indexIn(buf, from);
      while (p >= 0 && p < to) {
        const r = recordAt(starts, count, p);
        const end = r >= 0 ? ends[r]! : -1;
        if (p < end && !(marks[r]! & Mark.Probe)) {
          if (probeHit(probe, probe.read(buf, p, end), buf, starts[r]!, end)) marks[r]! |= Mark.Probe;
        }
        p = needle.indexIn(buf, p + 1);
      }
    }
    if (this.chars.size > 0) {
      let p = buf.indexOf(ESCAPE, from);
      while (p >= 0 && p < to) {
        const r = recordAt(starts, count, p);
        if (r >= 0 && p < ends[r]! && !(marks[r]! & Mark.Escape) && escapeMayHide(buf, p, this.chars)) {
          marks[r]! |= Mark.Escape;
        }
        p = buf.indexOf(ESCAPE, p + 2);
      }
    }
    this.checkBytes(batch, marks);
    let n = 0;
    for (let i = 0; i < count; i++) if (marks[i]) n++;
    return n;
  }

  /** Marks records holding NUL bytes or invalid UTF-8 (one SIMD check per block in the common case). */
  private checkBytes(batch: RecordBatch, marks: Uint8Array): void {
    const { buf, starts, ends, count } = batch;
    const from = starts[0]!;
    const to = ends[count - 1]!;
    let p = buf.indexOf(0, from);
    while (p >= 0 && p < to) {
      const r = recordAt(starts, count, p);
      if (r >= 0 && p < ends[r]!) marks[r]! |= Mark.Nul;
      p = buf.indexOf(0, p + 1);
    }
    if (!isUtf8(buf.subarray(from, to))) {
      for (let i = 0; i < count; i++) {
        if (!isUtf8(buf.subarray(starts[i], ends[i]))) marks[i]! |= Mark.BadUtf8;
      }
    }
  }
}

/** Whether a probed value makes the record a candidate (value of interest, in time, or unsure). */
function probeHit(probe: ValueProbe, v: string | null | undefined, buf: Buffer, start: number, end: number): boolean {
  if (v === undefined) return false;
  if (v === null) return true;
  if (!probe.values.has(v)) return false;
  const spans = probe.intervals?.(v);
  if (!spans) return true;
  const t = publishedAt(buf, start, end, parsePublished);
  if (t === null) return true;
  for (const [a, b, text] of spans) {
    // A bounded view: indexOf on the whole block would search on past the record.
    if (t >= a && t <= b && (text === undefined || buf.subarray(start, end).indexOf(text) >= 0)) return true;
  }
  return false;
}

/** Index of the record whose range starts at or before `p` (binary search), or -1. */
export function recordAt(starts: Int32Array, count: number, p: number): number {
  let lo = 0;
  let hi = count - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= p) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * `\uXXXX` at p may stand for a character in `chars`. Whatever the backslashes before it: `\\u0041`
 * is a literal backslash in plain JSON, but `A` in an event carried as JSON text inside a string.
 */
function escapeMayHide(buf: Buffer, p: number, chars: Set<number>): boolean {
  const hex = buf.toString('latin1', p + 2, p + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
    let backslashes = 0;
    for (let i = p - 1; i >= 0 && buf[i] === 0x5c; i--) backslashes++;
    return backslashes % 2 === 0; // an invalid escape: only a parse can say what happens
  }
  const code = parseInt(hex, 16);
  return chars.has(String.fromCharCode(code).toLowerCase().charCodeAt(0));
}
