// --min-severity for tokens: keeps the tokens with a flag at least as severe as asked, the summary counting only those.
import { severityRank, type Severity } from '../model/severity.js';
import { topSeverity, type TokenInventory, type TokenRecord } from '../model/token.js';
import { tokenSummary } from './summary.js';

/** Whether the token carries a flag at least as severe as `min`. */
export function flaggedAtLeast(token: TokenRecord, min: Severity): boolean {
  const top = topSeverity(token);
  return top !== null && severityRank(top) >= severityRank(min);
}

/**
 * The inventory with only the tokens that carry a flag at least as severe as `min` (a token
 * without flags is left out whatever `min` is), its summary counting those; and how many were
 * left out.
 */
export function filterTokensBySeverity(inventory: TokenInventory, min: Severity): { inventory: TokenInventory; hidden: number } {
  const tokens = inventory.tokens.filter((t) => flaggedAtLeast(t, min));
  const summary = tokenSummary(inventory.inputs, inventory.summary.diagnostics, tokens);
  return { inventory: { ...inventory, tokens, summary }, hidden: inventory.tokens.length - tokens.length };
}
