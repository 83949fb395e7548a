// Tells a CSV event table from other text by its header row, and a line holding a quoted event from CSV.
import { looksLikeEventHeader } from '../events/columns.js';

/** The first line is a JSON string holding an object: NDJSON of quoted events. */
export function quotedRecordLine(head: Buffer, at: number): boolean {
  const nl = head.indexOf(0x0a, at);
  const line = head.toString('utf8', at, nl < 0 ? head.length : nl).trim();
  try {
    const v = JSON.parse(line) as unknown;
    return typeof v === 'string' && v.trimStart().startsWith('{');
  } catch {
    return false;
  }
}

/** The separator of a CSV header row that names an event table, or null when it is not one. */
export function csvDelimiter(head: Buffer, at: number, forced: boolean): string | null {
  const nl = head.indexOf(0x0a, at);
  const line = head.toString('utf8', at, nl < 0 ? head.length : nl).replace(/\r$/, '');
  let best: string | null = null;
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const fields = splitHeader(line, d);
    if (fields.length > most && (forced || looksLikeEventHeader(fields))) {
      best = d;
      most = fields.length;
    }
  }
  return best;
}

/** The cells of a header line: separated by `d`, a cell in quotes may hold `d` and `""` (a quote). */
export function splitHeader(line: string, d: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] !== '"') cell += line[j]!;
        else if (line[j + 1] === '"') cell += line[j++]!;
        else break;
      }
      i = j + 1;
      const next = line.indexOf(d, i);
      cell += line.slice(i, next < 0 ? line.length : next);
      i = next;
    } else {
      const next = line.indexOf(d, i);
      cell = line.slice(i, next < 0 ? line.length : next);
      i = next;
    }
    out.push(cell);
    if (i < 0) return out;
    i += d.length;
  }
}
