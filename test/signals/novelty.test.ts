// new-ip, new-country, new-asn, new-user-agent and no-baseline: against the token's calls before the window.
import { describe, expect, it } from 'vitest';
import { analyse, call, DAY, H, one, signalsOf } from './helpers.js';

const usual = { ip: '203.0.113.10', country: 'United States', asn: 16509, asOrg: 'amazon', ua: 'okta-sdk-python/2.9.5' };
const attacker = { ip: '198.51.100.23', country: 'Romania', asn: 9009, asOrg: 'm247', ua: 'python-requests/2.31.0' };

describe('novelty signals', () => {
  it('fire for each value the token first used inside the window, with those calls as evidence', () => {
    const f = analyse([call('old', -10 * DAY, usual), call('same', -2 * H, usual), call('x1', -H, attacker), call('x2', -H / 2, attacker)]);
    expect(one(f, 'new-country')).toMatchObject({ severity: 'medium', evidence: ['x1', 'x2'] });
    expect(one(f, 'new-country').message).toContain('Romania (2 calls)');
    expect(one(f, 'new-ip')).toMatchObject({ severity: 'low', evidence: ['x1', 'x2'] });
    expect(one(f, 'new-asn').message).toContain('AS9009 m247');
    expect(one(f, 'new-user-agent').message).toContain('python-requests/2.31.0');
    expect(signalsOf(f, 'no-baseline')).toEqual([]);
  });

  it('near miss: values used before the window, even weeks before, are not new', () => {
    const f = analyse([call('old', -20 * DAY, attacker), call('usual', -3 * DAY, usual), call('x1', -H, attacker)]);
    for (const id of ['new-ip', 'new-country', 'new-asn', 'new-user-agent'] as const) expect(signalsOf(f, id)).toEqual([]);
  });

  it('only what differs fires: a new address in a known country and network', () => {
    const f = analyse([call('old', -3 * DAY, usual), call('x1', -H, { ...usual, ip: '203.0.113.99' })]);
    expect(f.signals.map((s) => s.id)).toEqual(['new-ip']);
    expect(f.severity).toBe('low');
  });

  it('a use after the window is no baseline for it', () => {
    const f = analyse([call('old', -3 * DAY, usual), call('x1', -H, attacker), call('later', 2 * H, attacker)]);
    expect(one(f, 'new-country').evidence).toEqual(['x1']);
  });

  it('no earlier call at all: one no-baseline info signal instead of flagging everything', () => {
    const f = analyse([call('x1', -H, attacker), call('x2', -H / 2, attacker)]);
    expect(f.signals.map((s) => s.id)).toEqual(['no-baseline']);
    expect(one(f, 'no-baseline')).toMatchObject({ severity: 'info', evidence: ['x1'] });
    expect(f.severity).toBe('info');
  });

  it('no call in the window: neither novelty nor no-baseline', () => {
    const f = analyse([call('old', -3 * DAY, usual)]);
    expect(f.signals).toEqual([]);
    expect(f.severity).toBe('info');
  });
});
