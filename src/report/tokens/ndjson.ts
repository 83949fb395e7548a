// Token NDJSON reporter: one token record per line, in report order.
import { stringifySafe } from '../json-text.js';
import type { TokenReporter } from './reporter.js';

/** Yields each token record as compact JSON (terminal-unsafe characters escaped) ending in `\n`; nothing when there is none. */
export const tokenNdjsonReporter: TokenReporter = function* tokenNdjsonReporter(inventory) {
  for (const token of inventory.tokens) yield `${stringifySafe(token)}\n`;
};
