// Token records: status from the last revocation, names, lists capped with counts, which tokens a range lists.
import { describe, expect, it } from 'vitest';
import { OKTA } from '../helpers/token-events.js';
import { callEv, createEv, ev, recordsOf, revokeEv, the, TOKEN } from './helpers.js';

describe('status', () => {
  it.each([
    ['active', []],
    ['revoked', [['2024-06-02', 'SUCCESS', false]]],
    ['revoke-failed', [['2024-06-02', 'FAILURE', false]]],
    ['revoke-failed', [['2024-06-02', 'DENY', false]]],
    ['revoked-by-okta', [['2024-06-02', 'SUCCESS', true]]],
    ['revoked', [['2024-06-02', 'FAILURE', false], ['2024-06-03', 'SUCCESS', false]]],
    ['revoke-failed', [['2024-06-03', 'FAILURE', false], ['2024-06-02', 'SUCCESS', false]]],
    ['revoked-by-okta', [['2024-06-02', 'SUCCESS', false], ['2024-06-03', 'SUCCESS', true]]],
  ] as [string, [string, 'SUCCESS' | 'FAILURE' | 'DENY', boolean][]][])('%s after %j', (status, revocations) => {
    const events = [createEv('2024-06-01T00:00:00.000Z'), ...revocations.map(([day, outcome, okta]) => revokeEv(`${day}T00:00:00.000Z`, { outcome, ...(okta ? { actor: OKTA, place: null } : {}) }))];
    const t = the(recordsOf(events));
    expect(t.status).toBe(status);
    expect(t.revoked?.outcome ?? null).toBe(revocations.length ? [...revocations].sort()[revocations.length - 1]![1] : null);
  });
});

describe('records', () => {
  it('seen, used, named: times from every event naming the token, the latest name', () => {
    const events = [
      createEv('2024-06-01T00:00:00.000Z'),
      callEv('2024-06-02T00:00:00.000Z'),
      ev({ eventType: 'system.api_token.update', published: '2024-06-04T00:00:00.000Z', targets: [{ id: TOKEN, type: 'Token', displayName: 'ci-v2' }] }),
      callEv('2024-06-03T00:00:00.000Z'),
    ];
    expect(the(recordsOf(events))).toMatchObject({ name: 'ci-v2', firstSeen: '2024-06-01T00:00:00.000Z', lastSeen: '2024-06-04T00:00:00.000Z', lastUsed: '2024-06-03T00:00:00.000Z', calls: 2 });
  });

  it('lists keep the most used values up to --max-values and count the rest', () => {
    const events = ['a', 'b', 'b', 'c', 'c', 'c'].map((ua, i) => callEv(`2024-06-0${i + 1}T00:00:00.000Z`, { userAgent: ua, eventType: `type.${ua}` }));
    const t = the(recordsOf(events, { maxValues: 2 }));
    expect(t.userAgents).toEqual([{ value: 'c', calls: 3 }, { value: 'b', calls: 2 }]);
    expect(t.eventTypes).toEqual({ 'type.c': 3, 'type.b': 2 });
    expect(t.omitted).toEqual({ addresses: 0, userAgents: 1, eventTypes: 1 });
  });

  it('a range lists the tokens with an event in it; what happened before it still decides the status', () => {
    const events = [createEv('2024-06-01T00:00:00.000Z'), revokeEv('2024-06-02T00:00:00.000Z'), callEv('2024-06-05T00:00:00.000Z'), createEv('2024-06-01T00:00:00.000Z', {}, '00Tquiet0000000000001', 'quiet')];
    const records = recordsOf(events, {}, { from: Date.parse('2024-06-04T00:00:00.000Z') });
    expect(records.map((r) => r.id)).toEqual([TOKEN]);
    expect(the(records)).toMatchObject({ status: 'revoked', calls: 1, firstSeen: '2024-06-01T00:00:00.000Z' });
  });
});
