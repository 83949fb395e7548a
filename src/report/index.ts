// Registry of output formats: name → reporter, each module loaded only when its format is used.
import type { Reporter } from './reporter.js';

/** Format names in display order (the first is the default on a terminal). */
export const formatNames = ['table', 'ndjson', 'json', 'csv', 'timesketch', 'html'] as const;

/** Names accepted by `--format`. */
export type FormatName = (typeof formatNames)[number];

/**
 * How to load each reporter. Imports are dynamic so that a run only pays for the format it
 * writes: the table reporter pulls in chalk and cli-table3 (several MB of resident memory),
 * which JSON, CSV and Timesketch output never need.
 */
const loaders: Record<FormatName, () => Promise<Reporter>> = {
  table: async () => (await import('./table/table.js')).tableReporter,
  ndjson: async () => (await import('./ndjson.js')).ndjsonReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  csv: async () => (await import('./csv.js')).csvReporter,
  timesketch: async () => (await import('./timesketch.js')).timesketchReporter,
  html: async () => (await import('./html/html.js')).htmlReporter,
};

/** True when `name` is a format this build knows. */
export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

/** The reporter for `name`, loading its module on first use. */
export async function loadReporter(name: FormatName): Promise<Reporter> {
  // A caller from JavaScript (or with a cast) may pass any string.
  if (!isFormatName(name)) throw new TypeError(`unknown output format: ${String(name)}`);
  return loaders[name]();
}
