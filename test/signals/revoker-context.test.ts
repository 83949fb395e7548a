// revoker-context: the revoker's sign-in for the revocation from a place new for them.
import { describe, expect, it } from 'vitest';
import { analyse, at, call, DAY, H, MIN, one, revocation, sev, signalsOf } from './helpers.js';

const before = sev({ uuid: 'b', at: at(-5 * DAY), actor: '00uadmin', ip: '192.0.2.10', country: 'United States' });
const signIn = (ip: string, country: string) => sev({ uuid: 's', at: at(-10 * MIN), actor: '00uadmin', ip, country });

describe('revoker-context', () => {
  it('a sign-in from a new country and address is medium, with the sign-in and the revocation as evidence', () => {
    const f = analyse([before, signIn('198.51.100.23', 'Romania')], revocation('00uadmin', { ip: '198.51.100.23', country: 'Romania' }), { adminHistory: false });
    const s = one(f, 'revoker-context');
    expect(s).toMatchObject({ severity: 'medium', evidence: ['s', 'R'] });
    expect(s.message).toBe('the revoker signed in (10 min before revoking) from a country (Romania) and an address (198.51.100.23) not seen in their earlier sign-ins');
  });

  it('a new address in a known country is low', () => {
    const f = analyse([before, signIn('192.0.2.33', 'United States')], revocation('00uadmin', { ip: '192.0.2.33' }), { adminHistory: false });
    expect(one(f, 'revoker-context')).toMatchObject({ severity: 'low', evidence: ['s', 'R'] });
  });

  it('near miss: a sign-in from where they were before', () => {
    const f = analyse([before, signIn('192.0.2.10', 'United States')], revocation('00uadmin'), { adminHistory: false });
    expect(signalsOf(f, 'revoker-context')).toEqual([]);
  });

  it('near miss: other kinds of events, and failed sign-ins, do not make a place known', () => {
    const sso = sev({ uuid: 'sso', at: at(-4 * DAY), type: 'user.authentication.sso', actor: '00uadmin', ip: '198.51.100.23', country: 'Romania' });
    const failed = sev({ uuid: 'bad', at: at(-3 * DAY), actor: '00uadmin', ip: '198.51.100.23', country: 'Romania', result: 'FAILURE' });
    const f = analyse([before, sso, failed, signIn('198.51.100.23', 'Romania')], revocation('00uadmin'), { adminHistory: false });
    expect(one(f, 'revoker-context')).toMatchObject({ severity: 'medium', evidence: ['s'] });
    const known = sev({ uuid: 'ok', at: at(-3 * DAY), actor: '00uadmin', ip: '198.51.100.23', country: 'Romania' });
    expect(signalsOf(analyse([before, known, signIn('198.51.100.23', 'Romania')], revocation('00uadmin'), { adminHistory: false }), 'revoker-context')).toEqual([]);
  });

  it("calls made with a token under the revoker's name are not their places", () => {
    const tokenCall = call('tc', -2 * DAY, { actor: '00uadmin', ip: '198.51.100.23', country: 'Romania' });
    const f = analyse([before, tokenCall, signIn('198.51.100.23', 'Romania')], revocation('00uadmin'), { adminHistory: false });
    expect(one(f, 'revoker-context').severity).toBe('medium');
  });

  it('activity before the baseline period is not looked at', () => {
    const f = analyse([before, signIn('192.0.2.10', 'United States')], revocation('00uadmin'), { adminHistory: false, signals: { baseline: DAY } });
    expect(one(f, 'revoker-context')).toMatchObject({ severity: 'info', evidence: ['s'] });
  });

  it('near miss: a revocation made with an API token is an API call, not a sign-in: not looked at', () => {
    const viaToken = revocation('00uadmin', { ip: '198.51.100.23', country: 'Romania', token: '00Tother' });
    expect(signalsOf(analyse([before, signIn('198.51.100.23', 'Romania')], viaToken, { adminHistory: false }), 'revoker-context')).toEqual([]);
  });

  it('no revoker-context for a revocation by Okta', () => {
    expect(signalsOf(analyse([call('c', -H)], revocation('system')), 'revoker-context')).toEqual([]);
  });
});
