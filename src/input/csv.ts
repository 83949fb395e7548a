// Streams a CSV export (Okta's "Download CSV" or another tool's) as one rebuilt event per row, with csv-parse.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError, type Info } from 'csv-parse';
import { columnMap, type ColumnMap } from '../events/columns.js';
import { rowToEvent } from '../events/row-event.js';
import { byteCounter, runStages, shortMessage, type ValueSink, type ValueStats } from './values.js';


/**
 * Reads a table whose first row names event fields (see `columnPath`); every later row becomes one
 * nested event, reported with its line. Quoted cells may hold separators, quotes and line breaks;
 * a broken row (an unclosed quote, …) is reported and skipped, and reading goes on.
 */
export async function readCsv(file: string, gzip: boolean, delimiter: string, sink: ValueSink): Promise<ValueStats> {
  let records = 0;
  let bytes = 0;
  let map: ColumnMap | null = null;
  const csv = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err) sink.diag(undefined, lineOf(err), `CSV row skipped: ${err.message.replace(/\s+/g, ' ').slice(0, 160)}`);
      return undefined;
    },
  });
  try {
    await runStages(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      ...(gzip ? [createGunzip()] : []),
      byteCounter((n) => (bytes += n)),
      csv,
      async function (source: AsyncIterable<{ record: string[]; info: Info }>) {
        for await (const { record, info } of source) {
          if (map === null) {
            map = columnMap(record);
            continue;
          }
          records++;
          sink.value(rowToEvent(map, record), { line: info.lines });
        }
      },
    );
  } catch (err) {
    const msg = shortMessage(err);
    sink.diag(bytes, lineOf(err), `CSV cannot be read further (${msg}); every row before that point was read`);
  }
  return { records, bytes };
}

function lineOf(err: unknown): number {
  const lines = (err as { lines?: unknown } | null | undefined)?.lines;
  return typeof lines === 'number' ? lines : 0;
}
