// Token table reporter: one row per token (most severe flag first, then the latest use), then counts by status.
import { Chalk } from 'chalk';
import { TOKEN_STATUSES, type TokenInventory, type TokenStatus } from '../../model/token.js';
import { safeText } from '../sanitize.js';
import { MAX_CELL_WIDTH, normaliseWidth, renderBlocks, renderGrid } from '../table/grid.js';
import { plural } from '../../text/plural.js';
import { displayWidth, wrapText } from '../table/width.js';
import type { TokenReporter } from './reporter.js';
import { NAME_WRAP, tokenColumns, tokenColumnWidth } from './token-cells.js';

/** What `active` means, under every table. */
export const ACTIVE_NOTE = '"active" only means that this input holds no revocation of the token: check the live list in the Okta admin console.';

/** How each status is written in the footer. */
const STATUS_WORDS: Readonly<Record<TokenStatus, string>> = { active: 'active', revoked: 'revoked', 'revoked-by-okta': 'revoked by Okta', 'revoke-failed': 'revoke failed' };

/** `3 tokens: 1 active, 1 revoked, 1 revoked by Okta, 0 revoke failed; 2 flagged` */
export function statusLine(inventory: TokenInventory): string {
  const s = inventory.summary;
  return `${plural(s.tokens, 'token')}: ${TOKEN_STATUSES.map((st) => `${s.byStatus[st]} ${STATUS_WORDS[st]}`).join(', ')}; ${s.flagged} flagged`;
}

/** `2 files, 1200 events, 3 duplicates, 0 diagnostics` */
export function inputLine(inventory: TokenInventory): string {
  const s = inventory.summary;
  return [plural(s.files, 'file'), plural(s.events, 'event'), plural(s.duplicates, 'duplicate'), plural(s.diagnostics, 'diagnostic')].join(', ');
}

/**
 * Renders the inventory for people: a table with one row per token in report order (token name
 * and full id, owner, created, last used, calls, places, status, flags), a block list instead on
 * terminals too narrow for it, then the counts by status, what `active` means, and the input
 * totals. The token's name and id are broken over lines, never cut. Every log value goes through
 * `safeText`; lines never exceed `options.width` when it is given, except a token id longer than
 * the terminal is wide; colours only with `options.color`.
 */
export const tokenTableReporter: TokenReporter = function* tokenTableReporter(inventory, options) {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = normaliseWidth(options.width);
  const { tokens } = inventory;
  if (tokens.length === 0) {
    const s = inventory.summary;
    for (const l of wrapText(`No API tokens found in ${plural(s.events, 'event')} from ${plural(s.files, 'file')}.`, width)) yield `${l}\n`;
    return;
  }
  const idWidth = Math.max(...tokens.map((t) => displayWidth(safeText(t.id))));
  const nameWrap = Math.min(MAX_CELL_WIDTH, Math.max(NAME_WRAP, idWidth));
  const grid = renderGrid(tokenColumns(tokenColumnWidth(tokens, nameWrap), nameWrap, options.timeZone), tokens, width, chalk);
  if (grid !== undefined) yield `${grid}\n`;
  else {
    // A block list: the Token lines are broken to fit beside their `Token: ` label.
    const wrap = (width ?? MAX_CELL_WIDTH) - 'Token: '.length;
    yield* renderBlocks(tokenColumns(0, wrap, options.timeZone), tokens, width ?? MAX_CELL_WIDTH, chalk);
  }
  for (const l of wrapText(statusLine(inventory), width)) yield `${l}\n`;
  for (const l of wrapText(ACTIVE_NOTE, width)) yield `${chalk.dim(l)}\n`;
  for (const l of wrapText(inputLine(inventory), width)) yield `${chalk.dim(l)}\n`;
};
