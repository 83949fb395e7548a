// The link spec: one rule per link kind in LINK_ORDER, and the key rules the collector and finding builder read.
import { describe, expect, it } from 'vitest';
import { CREATE_EVENT, REVOKE_EVENT } from '../../src/events/event-types.js';
import { isOktaSystem, tokenTarget } from '../../src/events/revocation.js';
import { KEY_RULES, LINK_RULES, OKTA_ACTOR, SET_KEYS } from '../../src/window/link-spec.js';
import { LINK_ORDER } from '../../src/model/window.js';
import { ev } from './helpers.js';

describe('LINK_RULES', () => {
  it('has one rule per link kind, in LINK_ORDER', () => {
    expect(LINK_RULES.map((r) => r.kind)).toEqual([...LINK_ORDER]);
  });

  it('gives every rule at least one field; tokenIps is the only set key', () => {
    for (const r of LINK_RULES) expect(r.fields.length).toBeGreaterThan(0);
    expect([...SET_KEYS]).toEqual(['tokenIps']);
  });
});

describe('KEY_RULES', () => {
  it('are what the finding builder reads', () => {
    expect(REVOKE_EVENT).toBe('system.api_token.revoke');
    expect(CREATE_EVENT).toBe(KEY_RULES.ownerId.eventType);
    const at = '2024-05-01T10:00:00.000Z';
    const e = ev({ uuid: 'r', at, type: REVOKE_EVENT, targets: [{ id: '00Tfirst', type: 'User' }, { id: 'abc', type: 'TOKEN' }] });
    expect(tokenTarget(e)?.id).toBe('abc');
    const fallback = ev({ uuid: 'r2', at, type: REVOKE_EVENT, targets: [{ id: '00uX', type: 'User' }, { id: `${KEY_RULES.tokenId.fallbackPrefix}x`, type: 'ApiToken' }] });
    expect(tokenTarget(fallback)?.id).toBe('00Tx');
    expect(isOktaSystem({ id: 'x', type: 'SystemPrincipal', alternateId: null, displayName: null })).toBe(true);
    expect(isOktaSystem({ id: 'x', type: 'User', alternateId: OKTA_ACTOR.alternateId.toUpperCase(), displayName: null })).toBe(true);
    expect(isOktaSystem({ id: 'x', type: 'User', alternateId: 'ann@corp.example', displayName: null })).toBe(false);
  });
});
