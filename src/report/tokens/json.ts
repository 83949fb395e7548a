// Token JSON reporter: one pretty-printed document, streamed token by token.
import type { InputSummary } from '../../model/report.js';
import { stringifySafe } from '../json-text.js';
import type { TokenReporter } from './reporter.js';

const INDENT = 2;

/** The per-input entry, keys in contract order; `error` only when set. */
function publicInput(input: InputSummary): InputSummary {
  const { path, format, events, duplicates, diagnostics, error } = input;
  const entry: InputSummary = { path, format, events, duplicates, diagnostics };
  if (error !== undefined) entry.error = error;
  return entry;
}

/**
 * Yields `{schemaVersion, inputs, summary, diagnostics, tokens}`: exactly
 * `JSON.stringify(doc, null, 2) + '\n'` with terminal-unsafe characters escaped, one chunk for the
 * head and one per token, without building the whole text at once.
 */
export const tokenJsonReporter: TokenReporter = function* tokenJsonReporter(inventory) {
  const head = stringifySafe(
    { schemaVersion: inventory.schemaVersion, inputs: inventory.inputs.map(publicInput), summary: inventory.summary, diagnostics: inventory.diagnostics },
    INDENT,
  );
  // `head` ends with "\n}": reopen it and append the tokens as its last key.
  const open = `${head.slice(0, -2)},\n  "tokens": [`;
  if (inventory.tokens.length === 0) {
    yield `${open}]\n}\n`;
    return;
  }
  let before = `${open}\n    `;
  for (const token of inventory.tokens) {
    yield before + stringifySafe(token, INDENT).replaceAll('\n', '\n    ');
    before = ',\n    ';
  }
  yield '\n  ]\n}\n';
};
