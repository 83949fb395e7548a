// The token flags at their edges: 30 idle days, revoked tokens, an owner back from suspension, --max-places, threat verdicts.
import { describe, expect, it } from 'vitest';
import { userTarget } from '../helpers/token-events.js';
import { ANN, callEv, createEv, DAY, ev, recordsOf, revokeEv, the, TOKEN } from './helpers.js';

const END = '2024-06-30T00:00:00.000Z';
/** A call made with another token at END: where the input ends. */
const end = () => callEv(END, {}, '00Tothertoken0000009');
const ids = (events: Parameters<typeof recordsOf>[0], options = {}) => the(recordsOf(events, options)).flags.map((f) => f.id);
const daysBefore = (d: number) => new Date(Date.parse(END) - d * DAY).toISOString();

describe('dormant', () => {
  it('a token used, but not in the last 30 days of the input, and not revoked', () => {
    expect(ids([createEv(daysBefore(60)), callEv(daysBefore(31)), end()])).toEqual(['dormant']);
    expect(ids([createEv(daysBefore(60)), callEv(daysBefore(30)), end()])).toEqual([]);
    expect(ids([createEv(daysBefore(60)), callEv(daysBefore(31)), revokeEv(daysBefore(1)), end()])).toEqual([]);
    // A failed revocation leaves it live.
    expect(ids([createEv(daysBefore(60)), callEv(daysBefore(31)), revokeEv(daysBefore(1), { outcome: 'FAILURE' }), end()])).toEqual(['dormant']);
  });

  it('counts back from the end of the range', () => {
    const events = [createEv(daysBefore(60)), callEv(daysBefore(50)), end()];
    expect(the(recordsOf(events, {}, { to: Date.parse(daysBefore(25)) })).flags.map((f) => f.id)).toEqual([]);
    expect(the(recordsOf(events, {}, { to: Date.parse(daysBefore(15)) })).flags.map((f) => f.id)).toEqual(['dormant']);
  });
});

describe('never-used', () => {
  it('a live token without a call; with its creation as evidence', () => {
    const create = createEv(daysBefore(3));
    const t = the(recordsOf([create, end()]));
    expect(t.flags).toEqual([{ id: 'never-used', severity: 'low', message: 'no call made with it in the input (created 3 days before its end)', evidence: [create.uuid] }]);
    expect(ids([createEv(daysBefore(3)), revokeEv(daysBefore(2)), end()])).toEqual([]);
  });
});

describe('orphaned', () => {
  const dee = { id: '00udeeowner000000001', alternateId: 'dee@corp.example', displayName: 'Dee' };
  const state = (type: string, d: number) => ev({ eventType: type, published: daysBefore(d), targets: [userTarget(dee)] });

  it('its owner deactivated or suspended, and the token not revoked', () => {
    expect(ids([createEv(daysBefore(9), { actor: dee }), callEv(daysBefore(1)), state('user.lifecycle.deactivate', 5), end()])).toEqual(['orphaned']);
    expect(ids([createEv(daysBefore(9), { actor: dee }), callEv(daysBefore(1)), state('user.lifecycle.suspend', 5), end()])).toEqual(['orphaned']);
    expect(ids([createEv(daysBefore(9), { actor: dee }), callEv(daysBefore(1)), state('user.lifecycle.deactivate', 5), revokeEv(daysBefore(4), { actor: ANN }), end()])).toEqual([]);
  });

  it('not when the owner came back, nor when someone else left', () => {
    expect(ids([createEv(daysBefore(9), { actor: dee }), callEv(daysBefore(1)), state('user.lifecycle.suspend', 5), state('user.lifecycle.unsuspend', 4), end()])).toEqual([]);
    expect(ids([createEv(daysBefore(9), { actor: dee }), callEv(daysBefore(1)), state('user.lifecycle.deactivate', 5), state('user.lifecycle.reactivate', 4), end()])).toEqual([]);
    expect(ids([createEv(daysBefore(9)), callEv(daysBefore(1)), state('user.lifecycle.deactivate', 5), end()])).toEqual([]);
  });
});

describe('created-by-token, proxy, privileged-use, many-places', () => {
  it('created-by-token names the other token', () => {
    const t = the(recordsOf([createEv(daysBefore(9), { viaToken: '00Tparent00000000001' }), createEv(daysBefore(20), {}, '00Tparent00000000001', 'parent'), callEv(daysBefore(1)), end()]));
    expect(t.flags[0]).toMatchObject({ id: 'created-by-token', severity: 'high' });
    expect(t.flags[0]!.message).toContain('00Tparent00000000001 (parent)');
  });

  it('proxy is medium, high with a threat verdict', () => {
    const proxy = { ip: '198.51.100.23', city: 'Bucharest', country: 'Romania', asn: 9009, asOrg: 'm247', proxy: true };
    expect(the(recordsOf([callEv(daysBefore(1), { place: proxy }), end()])).flags).toMatchObject([{ id: 'proxy', severity: 'medium' }]);
    expect(the(recordsOf([callEv(daysBefore(1), { threatSuspected: true }), end()])).flags).toMatchObject([{ id: 'proxy', severity: 'high', message: "1 call with Okta's threat verdict (threatSuspected)" }]);
  });

  it('privileged-use weighs the heaviest sensitive type, and system.api_token.create made with the token counts', () => {
    const t = the(recordsOf([callEv(daysBefore(2), { eventType: 'user.lifecycle.create' }), callEv(daysBefore(1), { eventType: 'system.api_token.create', targets: [] }), end()]));
    expect(t.flags).toMatchObject([{ id: 'privileged-use', severity: 'high' }]);
    expect(t.flags[0]!.message).toBe('2 sensitive calls: user.lifecycle.create ×1 (user created), system.api_token.create ×1 (API token created by a token: persistence)');
  });

  it('many-places: more countries or more networks than --max-places', () => {
    const place = (i: number, country: string) => ({ ip: `203.0.113.${i}`, city: 'x', country, asn: 100 + i, asOrg: 'net' });
    const calls = [1, 2, 3].map((i) => callEv(daysBefore(i), { place: place(i, 'United States') }));
    expect(ids([...calls, end()], { maxPlaces: 3 })).toEqual([]);
    expect(ids([...calls, end()], { maxPlaces: 2 })).toEqual(['many-places']);
    expect(the(recordsOf([...calls, end()], { maxPlaces: 2 })).flags[0]!.message).toBe('calls from 1 country (United States) and 3 networks (AS103, AS102, AS101): more than 2');
  });

  it('flags are listed by severity, then in their fixed order', () => {
    const proxy = { ip: '198.51.100.23', city: 'Bucharest', country: 'Romania', asn: 9009, asOrg: 'm247', proxy: true };
    const t = the(recordsOf([createEv(daysBefore(9), { viaToken: '00Tparent00000000001' }), callEv(daysBefore(1), { place: proxy, eventType: 'user.lifecycle.create' }), end()]));
    expect(t.flags.map((f) => `${f.severity} ${f.id}`)).toEqual(['high created-by-token', 'medium proxy', 'low privileged-use']);
    expect(t.id).toBe(TOKEN);
  });
});
