// Registry of output formats: name → reporter.
import { jsonReporter } from './json.js';
import type { Reporter } from './model.js';
import { ndjsonReporter } from './ndjson.js';
import { tableReporter } from './table.js';

/** Names accepted by `--format`. */
export type FormatName = 'table' | 'ndjson' | 'json';

/** Every reporter, by format name. */
export const reporters: Record<FormatName, Reporter> = {
  table: tableReporter,
  ndjson: ndjsonReporter,
  json: jsonReporter,
};

/** Format names in display order (the first is the default). */
export const formatNames: readonly FormatName[] = ['table', 'ndjson', 'json'];
