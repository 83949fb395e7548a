// Fast NDJSON/JSONL splitter: one record per line, careful scanning only where a line is odd.
import type { DiagnosticSink, RecordBatch, Splitter } from './batch.js';
import { JsonScanner, PENDING_FROM } from './json-scanner.js';
import { namesRevocation } from './revoke-bytes.js';

/**
 * Cuts NDJSON at newlines (a JSON string cannot contain a raw newline). A line that does not
 * look like one whole object (`{…}` after trimming blanks and CR) or one JSON string (an event
 * quoted as text, `"{\"eventType\":…}"`) is handed to the careful
 * scanner, which recovers pretty-printed objects, arrays and cut-short lines, then hands back.
 */
export class NdjsonSplitter implements Splitter {
  readonly format = 'ndjson';
  private line = 1;
  private careful: JsonScanner | null = null;
  private sticky = false;
  private checkedLineEnds = false;

  /**
   * `continued`: this splitter reads the second part of a file cut at a line end for a parallel
   * scan (line ends were checked on the first part; lines count from 1 again).
   */
  constructor(private readonly maxRecordBytes: number, continued = false) {
    this.checkedLineEnds = continued;
  }

  /** See Splitter.takeRestore: the careful scanner's, when it has one. */
  takeRestore(): Buffer | null {
    return this.careful?.takeRestore() ?? null;
  }

  /** Number of lines read so far (complete lines). */
  get linesRead(): number {
    return this.line - 1;
  }

  split(buf: Buffer, base: number, eof: boolean, out: RecordBatch, diag: DiagnosticSink): number {
    const n = buf.length;
    const max = this.maxRecordBytes;
    let pos = 0;
    let line = this.line;
    if (!this.checkedLineEnds) {
      if (n < 65536 && !eof) return 0;
      this.checkedLineEnds = true;
      if (crOnly(buf)) {
        // Old Mac line ends: no LF to cut at; the careful scanner reads the whole input.
        this.careful = new JsonScanner({ maxRecordBytes: max, lineRecords: true });
        this.sticky = true;
      }
    }
    while (pos < n) {
      if (this.careful) {
        const c = this.careful;
        c.setLine(line);
        pos = c.splitFrom(buf, pos, base, eof, out, diag, !this.sticky);
        line = c.currentLine;
        if (this.sticky || !c.atTop || c.restoring) {
          // The odd part continues in the next buffer.
          this.line = line;
          return pos;
        }
        this.careful = null;
        continue;
      }
      let nl = buf.indexOf(0x0a, pos);
      if (nl < 0) {
        if (!eof) {
          if (n - pos > Math.min(max, PENDING_FROM)) {
            // No line end in sight (a giant line, or CR-only line ends): the careful scanner takes
            // over for good; it keeps a large record apart and skips an oversized one as it streams by.
            this.careful = new JsonScanner({ maxRecordBytes: max, lineRecords: true });
            this.sticky = true;
            continue;
          }
          break;
        }
        nl = n;
      }
      let s = pos;
      let e = nl;
      while (s < e && isBlank(buf[s]!)) s++;
      if (base + s === 0 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
      while (e > s && isBlank(buf[e - 1]!)) e--;
      if (s === e) {
        pos = nl + 1;
        line++;
        continue;
      }
      // An object, or a JSON string (an event quoted as text: unwrapped after parsing).
      if ((buf[s] === 0x7b && buf[e - 1] === 0x7d) || (buf[s] === 0x22 && buf[e - 1] === 0x22 && e - s > 1)) {
        if (e - s > max) diag(base + s, line, `record larger than ${max} bytes; skipped`, namesRevocation(buf, s, e));
        else out.push(s, e, line);
        pos = nl + 1;
        line++;
        continue;
      }
      this.careful = new JsonScanner({ maxRecordBytes: max, lineRecords: true });
      pos = s;
    }
    this.line = line;
    return Math.min(pos, n);
  }
}

/** The first line end in the first 64 KiB is a CR not followed by LF. */
function crOnly(buf: Buffer): boolean {
  const head = buf.subarray(0, 65536);
  const cr = head.indexOf(0x0d);
  if (cr < 0) return false;
  const lf = head.indexOf(0x0a);
  return (lf < 0 || cr < lf) && head[cr + 1] !== 0x0a && cr + 1 < head.length;
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d;
}
