// `node dist/bench/wrap.js in.ndjson SHAPE out`: rewrites a (generated) NDJSON export in another input shape.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { csvColumns, csvRow, type CsvStyle } from './csv-export.js';
import { envelope, recordsOf, SHAPES, type Event, type Shape } from './shapes.js';

const CSV_STYLES: Record<string, CsvStyle> = {
  csv: {},
  'csv-snake': { snake: true, index: 'bracket', timestamp: true, delimiter: ';' },
};

/** Every shape name `wrap` accepts. */
export const WRAP_SHAPES = [...SHAPES, ...Object.keys(CSV_STYLES)];

/** Events per Event Hook delivery in benchmark files. */
const PER_DELIVERY = 50;
/** CSV columns are those of the first events (exporters fix the header up front too). */
const HEADER_SAMPLE = 5000;

/**
 * Streams `input` (NDJSON) into `output` as `shape`, holding at most one delivery (or the CSV
 * header sample) in memory, so gigabyte files can be rewritten. Returns the events written.
 */
export async function wrapFile(input: string, shape: string, output: string): Promise<number> {
  if (!WRAP_SHAPES.includes(shape)) throw new Error(`unknown shape ${shape} (one of ${WRAP_SHAPES.join(', ')})`);
  const out = createWriteStream(output);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
  const style = CSV_STYLES[shape];
  let pending: Event[] = [];
  let columns: string[] | null = null;
  let count = 0;
  let first = true;
  const flush = async (last: boolean) => {
    if (style) {
      if (columns === null) {
        columns = csvColumns(pending, style);
        await write(columns.join(style.delimiter ?? ',') + '\r\n');
      }
      for (const e of pending) await write(csvRow(e, columns, style) + '\r\n');
    } else if (shape === 'hook-ndjson' || shape === 'hook-array') {
      if (pending.length === 0) return;
      const text = JSON.stringify(envelope(pending, count));
      await write(shape === 'hook-array' ? (first ? '[\n' : ',\n') + text : text + '\n');
    } else if (shape === 'events-doc' || shape === 'data-doc' || shape === 'hook-single') {
      const open = shape === 'events-doc' ? '{"events":[\n' : shape === 'data-doc' ? '{"data":[\n' : '{"eventType":"com.okta.event_hook","data":{"events":[\n';
      const body = pending.map((e) => JSON.stringify(e)).join(',\n');
      if (body) await write((first ? open : ',\n') + body);
      else if (first) await write(open);
      if (last) await write(shape === 'hook-single' ? '\n]}}\n' : '\n]}\n');
    } else {
      for (const r of recordsOf(shape as Shape, pending)) await write(r + '\n');
    }
    if (pending.length > 0) first = false;
    if (last && shape === 'hook-array') await write(first ? '[]\n' : '\n]\n');
    pending = [];
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    pending.push(JSON.parse(line) as Event);
    count++;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- flush() sets columns; TypeScript does not follow assignments in a called closure
    const batch = style && columns === null ? HEADER_SAMPLE : PER_DELIVERY;
    if (pending.length >= batch) await flush(false);
  }
  await flush(true);
  out.end();
  await once(out, 'finish');
  return count;
}

/** Command line entry. */
export async function main(argv: string[]): Promise<number> {
  const [input, shape, output] = argv;
  if (!input || !shape || !output) {
    process.stderr.write(`usage: node dist/bench/wrap.js in.ndjson SHAPE out\nshapes: ${WRAP_SHAPES.join(', ')}\n`);
    return 2;
  }
  const n = await wrapFile(input, shape, output);
  process.stderr.write(`wrote ${n} events as ${shape} to ${output}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`wrap: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
