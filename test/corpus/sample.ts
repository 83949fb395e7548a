// The corpus's clean base: the sample export's 46 records in five layouts, with each record's bytes.
import { readFileSync } from 'node:fs';

/** The hand-written sample whose revocations and windows are known (samples/README.md). */
const SAMPLE_PATH = 'samples/okta-export.ndjson';

/** The sample's records, one compact JSON text each, in file order. */
export const RECORDS: readonly string[] = readFileSync(SAMPLE_PATH, 'utf8').trim().split('\n');

/** Notable records (0-based). Windows are 24 h before each revocation (03-04 16:15 to 03-05 16:19). */
export const AT = {
  /** `system.api_token.create` of ci-deploy by Ann: makes Ann the owner. */
  create: 4,
  /** A call made with ci-deploy from the attacker's address, inside every window. */
  tokenCall: 17,
  /** The privilege grant made with the stolen token (non-ASCII names). */
  grant: 18,
  firstRevoke: 33,
  secondRevoke: 34,
  lastRevoke: 35,
  /** A sign-in on 03-06, outside every window. */
  after: 42,
  last: 45,
} as const;

/** The records laid out as one input. */
export interface Layout {
  /** `ndjson`, `escaped` (NDJSON with \u and \/ escapes), `compact`, `lines` or `pretty` (jq .). */
  name: string;
  text: Buffer;
  /** [start, end) of each record in `text`. */
  ranges: [number, number][];
  /** Each record's JSON text as it appears in this layout. */
  records: string[];
  /** An array: cutting anywhere before its `]` leaves it open. */
  array: boolean;
}

/** Joins pieces, remembering where each one is. */
function assemble(name: string, records: string[], open: string, sep: string, close: string, array: boolean): Layout {
  const parts: Buffer[] = [Buffer.from(open)];
  const ranges: [number, number][] = [];
  let at = parts[0]!.length;
  records.forEach((r, i) => {
    if (i > 0) {
      parts.push(Buffer.from(sep));
      at += Buffer.byteLength(sep);
    }
    const b = Buffer.from(r);
    const indent = r.length - r.trimStart().length; // pretty elements start with their indentation
    ranges.push([at + indent, at + b.length]);
    parts.push(b);
    at += b.length;
  });
  parts.push(Buffer.from(close));
  return { name, text: Buffer.concat(parts), ranges, records, array };
}

/**
 * The same value with more escapes: every non-ASCII character as `\uXXXX`, every `/` as `\/`, and
 * the letters of `eventType` as `\u00XX` (so the pre-filter must look behind escapes).
 */
function escapeRecord(text: string): string {
  const withEscapes = text
    .replace(/\//g, '\\/')
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return withEscapes.replace(/"eventType":"([^"]*)"/, (_m, v: string) => `"eventType":"${v.replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"`);
}

/** A record as `jq .` prints it inside an array (2-space indent, nested one level). */
export function prettyElement(text: string): string {
  return '  ' + JSON.stringify(JSON.parse(text), null, 2).replace(/\n/g, '\n  ');
}

/** The five layouts of `records`. */
export function layouts(records: readonly string[] = RECORDS): Layout[] {
  const rs = [...records];
  return [
    assemble('ndjson', rs, '', '\n', '\n', false),
    assemble('escaped', rs.map(escapeRecord), '', '\n', '\n', false),
    assemble('compact', rs, '[', ',', ']', true),
    assemble('lines', rs, '[\n', ',\n', '\n]\n', true),
    assemble('pretty', rs.map(prettyElement), '[\n', ',\n', '\n]\n', true),
  ];
}
