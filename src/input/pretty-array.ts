// Fast splitter for pretty-printed arrays (`jq .` layout), careful scanning for anything else.
import type { DiagnosticSink, RecordBatch, Splitter } from './batch.js';
import { namesRevocation } from './revoke-bytes.js';
import { JsonScanner, PENDING_FROM } from './json-scanner.js';
import { learnByteFrequencies, Needle } from '../bytes/needle.js';

const enum Phase {
  /** Before an array: find `[`, then learn the element indentation from the first element. */
  Sniff,
  /** Inside a pretty array whose element lines start with `nl + indent + {`. */
  Fast,
  /** Any other layout: the careful scanner for the rest of the input. */
  Careful,
}

/**
 * Cuts a top-level JSON array into its elements. In `jq .`-style output every element starts with
 * a line holding only `indent{` and ends with `indent}` followed by `,` or the closing `]`; deeper
 * objects are indented further and strings cannot hold a raw newline, so sweeping the bytes for
 * that line finds every element without reading it byte by byte. Compact arrays, concatenated
 * pages (`][`) and unexpected layouts go to the careful scanner.
 */
export class ArraySplitter implements Splitter {
  format = 'array';
  private phase = Phase.Sniff;
  private marker = new Needle(Buffer.alloc(0));
  private end = new Needle(Buffer.alloc(0));
  /** Offset of `{` within the marker. */
  private brace = 0;
  private careful: JsonScanner | null = null;
  /** The fast phase ran, so line numbers are no longer known. */
  private seenElements = false;

  constructor(private readonly maxRecordBytes: number) {}

  /** See Splitter.takeRestore: the careful scanner's, when it has one. */
  takeRestore(): Buffer | null {
    return this.careful?.takeRestore() ?? null;
  }

  split(buf: Buffer, base: number, eof: boolean, out: RecordBatch, diag: DiagnosticSink): number {
    if (this.pendingLayout) {
      this.useLayout(this.pendingLayout, buf);
      this.pendingLayout = null;
    }
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      if (this.phase === Phase.Careful) {
        return this.careful!.splitFrom(buf, pos, base, eof, out, diag);
      }
      if (this.phase === Phase.Sniff) {
        const r = this.sniff(buf, pos, base, eof);
        if (r === -1) return pos; // need more bytes
        if (r === -2) {
          this.phase = Phase.Careful;
          this.careful = new JsonScanner({ maxRecordBytes: this.maxRecordBytes, linesUnknown: this.seenElements });
          continue;
        }
        if (r === -3) return n; // only blanks left
        pos = r;
        this.phase = Phase.Fast;
        this.format = 'array';
        continue;
      }
      // Fast phase: pos is the `{` of an element.
      const next = this.marker.indexIn(buf, pos);
      if (next >= 0) {
        const nextBrace = next + this.brace;
        const endAt = elementEnd(buf, pos, next);
        if (endAt > 0) this.emit(buf, pos, endAt, base, out, diag);
        else diag(base + pos, 0, 'array element cut short (not closed before the next element); skipped', namesRevocation(buf, pos, next));
        pos = nextBrace;
        continue;
      }
      const last = this.end.indexIn(buf, pos);
      if (last >= 0) {
        this.emit(buf, pos, last + this.brace + 1, base, out, diag);
        pos = last + this.end.bytes.length; // just after the closing `]`
        this.phase = Phase.Sniff;
        continue;
      }
      if (!eof) {
        if (n - pos > Math.min(this.maxRecordBytes, PENDING_FROM)) {
          // Let the careful scanner keep the large element apart, or skip a giant one as it streams by.
          this.phase = Phase.Careful;
          this.careful = new JsonScanner({ maxRecordBytes: this.maxRecordBytes, startInArray: true, linesUnknown: true });
          continue;
        }
        return pos;
      }
      // Input ends inside this array: the careful scanner reports exactly how.
      this.phase = Phase.Careful;
      this.careful = new JsonScanner({ maxRecordBytes: this.maxRecordBytes, startInArray: true, linesUnknown: true });
    }
    return n;
  }

  private emit(buf: Buffer, s: number, e: number, base: number, out: RecordBatch, diag: DiagnosticSink): void {
    if (e - s > this.maxRecordBytes) diag(base + s, 0, `record larger than ${this.maxRecordBytes} bytes; skipped`, namesRevocation(buf, s, e));
    else out.push(s, e, 0);
  }

  /**
   * Reads `[`, blanks, a newline and the first element's opening line. Returns the index of the
   * element's `{`, -1 when more bytes are needed, -2 when the layout is not a pretty array
   * (including an empty one), -3 when only blanks remain.
   */
  private sniff(buf: Buffer, pos: number, base: number, eof: boolean): number {
    let i = pos;
    const n = buf.length;
    if (n - pos < 4096 && !eof) return -1;
    while (i < n && isSpace(buf[i]!)) i++;
    if (base + i === 0 && buf[i] === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) i += 3;
    while (i < n && isSpace(buf[i]!)) i++;
    if (i >= n) return eof ? -3 : -1;
    if (buf[i] !== 0x5b) return -2;
    i++;
    while (i < n && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
    const nlStart = i;
    if (buf[i] === 0x0d) i++;
    if (buf[i] !== 0x0a) return -2;
    i++;
    const nl = buf.subarray(nlStart, i);
    const indStart = i;
    while (i < n && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
    if (i === indStart || buf[i] !== 0x7b) return -2;
    const ind = buf.subarray(indStart, i);
    const brace = i;
    if (!buf.subarray(brace + 1, brace + 1 + nl.length).equals(nl)) return -2;
    this.useLayout({ nl: Buffer.from(nl), indent: Buffer.from(ind) }, buf.subarray(i, Math.min(n, i + (1 << 20))));
    this.seenElements = true;
    return brace;
  }

  /** The layout learned from the first element, once the fast phase has started. */
  layout: PrettyLayout | null = null;

  private useLayout(layout: PrettyLayout, sample: Buffer): void {
    // Newlines are everywhere in pretty JSON: anchor the search on the input's rarest byte of
    // the marker (usually `{`, searched alone: see anchorOnly) instead of Buffer.indexOf's scan
    // from the first byte.
    const freq = learnByteFrequencies(sample);
    const { nl, indent } = layout;
    this.layout = layout;
    this.marker = new Needle(Buffer.concat([nl, indent, Buffer.from('{'), nl]), freq, sample);
    this.end = new Needle(Buffer.concat([nl, indent, Buffer.from('}'), nl, Buffer.from(']')]), freq, sample);
    this.brace = nl.length + indent.length;
  }

  /**
   * A splitter that starts in the middle of a pretty array at an element's `{` (the second part
   * of a file split for a parallel scan); `sample` is a block of the input to learn byte
   * frequencies from.
   */
  static resume(maxRecordBytes: number, layout: PrettyLayout): ArraySplitter {
    const s = new ArraySplitter(maxRecordBytes);
    s.pendingLayout = layout;
    s.phase = Phase.Fast;
    s.seenElements = true;
    return s;
  }

  /** The layout of a pretty array starting in `head`, or null when it is not one. */
  static sniffLayout(head: Buffer): PrettyLayout | null {
    const s = new ArraySplitter(Number.MAX_SAFE_INTEGER);
    return s.sniff(head, 0, 0, true) >= 0 ? s.layout : null;
  }

  /** Set by `resume`: tuned on the first block seen. */
  private pendingLayout: PrettyLayout | null = null;

  /**
   * Where a pretty array can be cut near `from` for a parallel scan: the first element starting
   * at or after `from` that follows a `},` separator. Returns the end of the element before it
   * (just past its `}`) and the start of the next (its `{`), or null.
   */
  static cutPoint(buf: Buffer, from: number, layout: PrettyLayout): { end: number; next: number } | null {
    const marker = Buffer.concat([layout.nl, layout.indent, Buffer.from('{'), layout.nl]);
    const q = buf.indexOf(marker, from);
    if (q < 0) return null;
    let i = q - 1;
    while (i > 0 && isSpace(buf[i]!)) i--;
    if (buf[i] !== 0x2c) return null;
    i--;
    while (i > 0 && isSpace(buf[i]!)) i--;
    if (buf[i] !== 0x7d) return null;
    return { end: i + 1, next: q + layout.nl.length + layout.indent.length };
  }
}

/** How a pretty array is laid out: its newline and the indentation of each element's braces. */
export interface PrettyLayout {
  nl: Buffer;
  indent: Buffer;
}

/**
 * End (exclusive) of the element starting at `start` whose successor's opening line begins at
 * `next`: walking back over blanks must give `,` then `}` (or `]`, blanks, `[` … for a page
 * boundary `}\n]\n[`, with or without a BOM before the `[`). Returns -1 when the element was not
 * closed.
 */
function elementEnd(buf: Buffer, start: number, next: number): number {
  let i = next - 1;
  while (i > start && isSpace(buf[i]!)) i--;
  if (buf[i] === 0x2c) {
    i--;
  } else if (buf[i] === 0x5b) {
    i--;
    while (i > start && isSpace(buf[i]!)) i--;
    // Pages saved with a BOM each and concatenated: `}\n]\n<BOM>[`.
    if (buf[i] === 0xbf && buf[i - 1] === 0xbb && buf[i - 2] === 0xef) {
      i -= 3;
      while (i > start && isSpace(buf[i]!)) i--;
    }
    if (buf[i] !== 0x5d) return -1;
    i--;
  } else {
    return -1;
  }
  while (i > start && isSpace(buf[i]!)) i--;
  return buf[i] === 0x7d ? i + 1 : -1;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
