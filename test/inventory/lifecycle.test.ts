// TokenLifecycle: facts per token once each, in time order up to a time; a user's last state change.
import { describe, expect, it } from 'vitest';
import { TokenLifecycle } from '../../src/inventory/lifecycle.js';
import { userTarget } from '../helpers/token-events.js';
import { ANN, createEv, ev, revokeEv, TOKEN } from './helpers.js';

describe('TokenLifecycle', () => {
  it('keeps each event once, in time then uuid order, up to `to`', () => {
    const l = new TokenLifecycle();
    const revoke = revokeEv('2024-06-02T00:00:00.000Z', { uuid: 'b' });
    const create = createEv('2024-06-01T00:00:00.000Z', { uuid: 'c' });
    const tie = ev({ eventType: 'system.api_token.update', uuid: 'a', published: '2024-06-02T00:00:00.000Z', targets: [{ id: TOKEN, type: 'Token', displayName: 'renamed' }] });
    for (const e of [revoke, create, tie, revoke]) l.observe(e);
    expect(l.factsOf(TOKEN, Infinity).map((f) => [f.uuid, f.kind, f.name])).toEqual([['c', 'create', 'ci'], ['a', 'other', 'renamed'], ['b', 'revoke', 'ci']]);
    expect(l.factsOf(TOKEN, Date.parse('2024-06-01T12:00:00.000Z')).map((f) => f.uuid)).toEqual(['c']);
    expect([...l.tokenIds()]).toEqual([TOKEN]);
  });

  it("remembers a user's state changes; the last one up to `to` counts", () => {
    const l = new TokenLifecycle();
    const dee = { id: '00udee', alternateId: 'dee@corp.example', displayName: 'Dee' };
    l.observe(ev({ eventType: 'user.lifecycle.suspend', uuid: 's', published: '2024-06-01T00:00:00.000Z', targets: [userTarget(dee)] }));
    l.observe(ev({ eventType: 'user.lifecycle.unsuspend', uuid: 'u', published: '2024-06-03T00:00:00.000Z', targets: [userTarget(dee)] }));
    l.observe(ev({ eventType: 'user.lifecycle.activate', uuid: 'x', published: '2024-06-04T00:00:00.000Z', targets: [userTarget(dee)] }));
    expect(l.lastState(dee.id, Infinity)?.state).toBe('unsuspended');
    expect(l.lastState(dee.id, Date.parse('2024-06-02T00:00:00.000Z'))?.state).toBe('suspended');
    expect(l.lastState(ANN.id, Infinity)).toBeNull();
  });
});
