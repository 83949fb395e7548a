// The totals of an inventory: inputs, events, and the reported tokens by status and by flag.
import type { InputSummary } from '../model/report.js';
import { TOKEN_FLAG_IDS, TOKEN_STATUSES, type TokenFlagId, type TokenRecord, type TokenStatus, type TokenSummary } from '../model/token.js';

/** Totals of the reported tokens and the inputs. */
export function tokenSummary(inputs: readonly InputSummary[], diagnostics: number, tokens: readonly TokenRecord[]): TokenSummary {
  const byStatus = Object.fromEntries(TOKEN_STATUSES.map((s) => [s, 0])) as Record<TokenStatus, number>;
  const flagCounts = new Map<TokenFlagId, number>();
  for (const t of tokens) {
    byStatus[t.status]++;
    for (const f of t.flags) flagCounts.set(f.id, (flagCounts.get(f.id) ?? 0) + 1);
  }
  // In TOKEN_FLAG_IDS order, whatever order the tokens come in.
  const byFlag: Partial<Record<TokenFlagId, number>> = {};
  for (const id of TOKEN_FLAG_IDS) if (flagCounts.has(id)) byFlag[id] = flagCounts.get(id)!;
  return {
    files: inputs.length,
    events: inputs.reduce((n, i) => n + i.events, 0),
    duplicates: inputs.reduce((n, i) => n + i.duplicates, 0),
    diagnostics,
    tokens: tokens.length,
    byStatus,
    flagged: tokens.filter((t) => t.flags.length > 0).length,
    byFlag,
  };
}

