// --min-severity for tokens: only tokens with a flag that severe, the summary recounted.
import { describe, expect, it } from 'vitest';
import { filterTokensBySeverity, flaggedAtLeast } from '../../src/inventory/filter.js';
import { tokenSummary } from '../../src/inventory/summary.js';
import { SCHEMA_VERSION } from '../../src/model/report.js';
import type { TokenInventory } from '../../src/model/token.js';
import { callEv, createEv, recordsOf } from './helpers.js';

describe('filterTokensBySeverity', () => {
  const proxy = { ip: '198.51.100.23', city: 'Bucharest', country: 'Romania', asn: 9009, asOrg: 'm247', proxy: true };
  const tokens = recordsOf([
    callEv('2024-06-01T00:00:00.000Z', { place: proxy }, '00Tproxy000000000001'),
    createEv('2024-06-01T00:00:00.000Z', {}, '00Tunused00000000002', 'unused'),
    callEv('2024-06-02T00:00:00.000Z', {}, '00Tquiet000000000003'),
  ]);
  const inputs = [{ path: 'x.ndjson', format: 'ndjson', events: 3, duplicates: 1, diagnostics: 0 }];
  const inventory: TokenInventory = { schemaVersion: SCHEMA_VERSION, inputs, summary: tokenSummary(inputs, 0, tokens), tokens, diagnostics: [] };

  it('keeps the tokens with a flag at least that severe; unflagged ones never', () => {
    expect(filterTokensBySeverity(inventory, 'info').inventory.tokens.map((t) => t.id)).toEqual(['00Tproxy000000000001', '00Tunused00000000002']);
    const medium = filterTokensBySeverity(inventory, 'medium');
    expect(medium.inventory.tokens.map((t) => t.id)).toEqual(['00Tproxy000000000001']);
    expect(medium.hidden).toBe(2);
    expect(medium.inventory.summary).toEqual({ files: 1, events: 3, duplicates: 1, diagnostics: 0, tokens: 1, byStatus: { active: 1, revoked: 0, 'revoked-by-okta': 0, 'revoke-failed': 0 }, flagged: 1, byFlag: { proxy: 1 } });
    expect(flaggedAtLeast(tokens[0]!, 'high')).toBe(false);
  });

  it('counts flags in their fixed order, whatever order the tokens come in', () => {
    expect(Object.keys(tokenSummary(inputs, 0, [...tokens].reverse()).byFlag)).toEqual(['proxy', 'never-used']);
  });
});
