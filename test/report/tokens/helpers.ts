// Test helper: the every-flag inventory (its golden document) as reporter input, and reporter output as text.
import { readFileSync } from 'node:fs';
import type { TokenInventory, TokenRecord } from '../../../src/model/token.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import type { TokenReporter } from '../../../src/report/tokens/reporter.js';
import { tokenSummary } from '../../../src/inventory/summary.js';

/** The inventory of test/fixtures/tokens-every-flag, as its golden JSON document has it. */
export function storyInventory(): TokenInventory {
  return JSON.parse(readFileSync('test/fixtures/tokens-every-flag/tokens.expected.json', 'utf8')) as TokenInventory;
}

/** The story's inventory with `patch` applied to its first token (the summary recounted). */
export function withFirst(patch: Partial<TokenRecord>): TokenInventory {
  const inv = storyInventory();
  const tokens = [{ ...inv.tokens[0]!, ...patch }, ...inv.tokens.slice(1)];
  return { ...inv, tokens, summary: tokenSummary(inv.inputs, inv.summary.diagnostics, tokens) };
}

/** Everything a reporter writes. */
export function render(reporter: TokenReporter, inventory: TokenInventory, options: Partial<ReportOptions> = {}): string {
  return [...reporter(inventory, { color: false, ...options })].join('');
}
