// Tells a CSV event table from other text by its header row, and a line holding a quoted event from CSV.
import { parse as parseCsv } from 'csv-parse/sync';
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
    let fields: string[];
    try {
      fields = (parseCsv(line, { delimiter: d, relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      continue;
    }
    if (fields.length > most && (forced || looksLikeEventHeader(fields))) {
      best = d;
      most = fields.length;
    }
  }
  return best;
}
