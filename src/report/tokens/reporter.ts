// Token reporters: pure functions from the inventory to output text, one module per format, loaded when used.
import type { TokenInventory } from '../../model/token.js';
import type { ReportOptions } from '../reporter.js';

/** A token reporter turns an inventory into output text, chunk by chunk. */
export type TokenReporter = (inventory: TokenInventory, options: ReportOptions) => Iterable<string>;

/** Formats of `okta-revoke-scan tokens`, in display order (the first is the default on a terminal). */
export const tokenFormatNames = ['table', 'ndjson', 'json', 'csv'] as const;

/** One of tokenFormatNames. */
export type TokenFormatName = (typeof tokenFormatNames)[number];

/** How to load each reporter: the table's libraries load only when a table is written. */
const loaders: Record<TokenFormatName, () => Promise<TokenReporter>> = {
  table: async () => (await import('./table.js')).tokenTableReporter,
  ndjson: async () => (await import('./ndjson.js')).tokenNdjsonReporter,
  json: async () => (await import('./json.js')).tokenJsonReporter,
  csv: async () => (await import('./csv.js')).tokenCsvReporter,
};

/** The reporter for `name`, loading its module on first use. */
export async function loadTokenReporter(name: TokenFormatName): Promise<TokenReporter> {
  // A caller from JavaScript (or with a cast) may pass any string.
  if (!(tokenFormatNames as readonly string[]).includes(name)) throw new TypeError(`unknown token output format: ${name}`);
  return loaders[name]();
}
