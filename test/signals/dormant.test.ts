// dormant-token: a revocation by Okta after 30 idle days (info), or despite recent use (medium).
import { describe, expect, it } from 'vitest';
import { SignalHistory } from '../../src/signals/history.js';
import { DEFAULT_SIGNAL_OPTIONS } from '../../src/signals/options.js';
import { buildFinding } from '../../src/scan/finding.js';
import { analyse, call, creation, DAY, H, one, revocation, signalsOf, T } from './helpers.js';

describe('dormant-token', () => {
  it('no use in the 30 days before: info, consistent with automatic expiry', () => {
    const f = analyse([creation(-60 * DAY), call('last', -39 * DAY)], revocation('system'));
    expect(one(f, 'dormant-token')).toMatchObject({ severity: 'info', evidence: [] });
    expect(f.severity).toBe('info');
  });

  it('a call 10 days before is unexpected: medium, with that call as evidence', () => {
    const f = analyse([creation(-60 * DAY), call('mid', -20 * DAY), call('last', -10 * DAY)], revocation('system'));
    expect(one(f, 'dormant-token')).toMatchObject({ severity: 'medium', evidence: ['last'] });
    expect(one(f, 'dormant-token').message).toContain('used 10 days before');
  });

  it('a call 29 days before counts, one 31 days before does not', () => {
    expect(one(analyse([call('a', -29 * DAY)], revocation('system')), 'dormant-token').severity).toBe('medium');
    expect(one(analyse([call('a', -31 * DAY)], revocation('system')), 'dormant-token').severity).toBe('info');
  });

  it('a token created 10 days before cannot have expired by itself: medium', () => {
    const f = analyse([creation(-10 * DAY)], revocation('system'));
    expect(one(f, 'dormant-token').message).toContain('created only 10 days before');
  });

  it('near miss: a revocation by a person gets no dormant-token signal', () => {
    expect(signalsOf(analyse([call('last', -39 * DAY)]), 'dormant-token')).toEqual([]);
  });

  it("the second pass asks for the token's calls from 30 days before an Okta revocation, and baseline before a window", () => {
    const sys = buildFinding(revocation('system'), []);
    const user = { ...buildFinding(revocation(), []), id: 'R2' };
    const h = new SignalHistory([sys, user], { before: 24 * H, after: H }, { ...DEFAULT_SIGNAL_OPTIONS, baseline: 7 * DAY });
    const { tokenCalls, actors, addresses } = h.interest();
    expect([...tokenCalls]).toEqual([['00Ttok', [{ from: T - 30 * DAY, to: T + H }, { from: T - 8 * DAY, to: T + H }]]]);
    expect([...actors]).toEqual([['00uadmin', [{ from: T - 8 * DAY, to: T + H, eventType: 'user.session.start' }]]]);
    expect(addresses.size).toBe(0);
  });
});
