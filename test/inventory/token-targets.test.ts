// Which tokens an event targets: Token targets of any event; a 00T id only on token events.
import { describe, expect, it } from 'vitest';
import { isTokenEvent, tokenTargets } from '../../src/inventory/token-targets.js';
import { ev } from './helpers.js';

describe('tokenTargets', () => {
  it('takes every Token target (any case), each id once', () => {
    const e = ev({ eventType: 'system.api_token.update', targets: [{ id: '00Ta', type: 'Token' }, { id: '00Tb', type: 'TOKEN' }, { id: '00Ta', type: 'token' }, { id: '00u1', type: 'User' }] });
    expect(tokenTargets(e).map((t) => t.id)).toEqual(['00Ta', '00Tb']);
  });

  it('falls back to the first 00T id on token events only', () => {
    expect(tokenTargets(ev({ eventType: 'system.api_token.revoke', targets: [{ id: '00u1', type: 'User' }, { id: '00Tz', type: 'ApiToken' }] })).map((t) => t.id)).toEqual(['00Tz']);
    expect(tokenTargets(ev({ eventType: 'group.user_membership.add', targets: [{ id: '00Tz', type: 'ApiToken' }] }))).toEqual([]);
  });

  it('a Token target of any other event counts too', () => {
    expect(tokenTargets(ev({ eventType: 'user.lifecycle.deactivate', targets: [{ id: '00Tq', type: 'Token' }] })).map((t) => t.id)).toEqual(['00Tq']);
  });

  it('knows token events in any case, not the prefix alone', () => {
    expect(isTokenEvent('system.api_token.create')).toBe(true);
    expect(isTokenEvent('SYSTEM.API_TOKEN.REVOKE')).toBe(true);
    expect(isTokenEvent('system.api_token.')).toBe(false);
    expect(isTokenEvent('system.org.rate_limit.warning')).toBe(false);
  });
});
