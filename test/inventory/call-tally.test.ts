// CallTally: counts per value, first and last, inside the range, the same in any order; evidence bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallTally } from '../../src/inventory/call-tally.js';
import { callEv, TOKEN } from './helpers.js';

const DE = { ip: '203.0.113.60', city: 'Frankfurt', country: 'Germany', asn: 24940, asOrg: 'hetzner', proxy: true };

describe('CallTally', () => {
  const calls = [
    callEv('2024-06-01T00:00:00.000Z', { uuid: 'a', userAgent: 'sdk' }),
    callEv('2024-06-02T00:00:00.000Z', { uuid: 'b', userAgent: 'sdk', eventType: 'user.account.privilege.grant' }),
    callEv('2024-06-03T00:00:00.000Z', { uuid: 'c', userAgent: 'curl', place: DE, threatSuspected: true }),
    // The same address later with another country (a geo database update): the latest call's wins.
    callEv('2024-06-04T00:00:00.000Z', { uuid: 'd', userAgent: 'curl', place: { ...DE, country: 'Austria', asn: 1 } }),
    callEv('2024-06-05T00:00:00.000Z', { uuid: 'e', place: null, userAgent: null }),
  ];

  it('counts by address, agent, type, country and network, whatever the order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(calls, { minLength: calls.length, maxLength: calls.length }), (order) => {
        const t = new CallTally(-Infinity, Infinity, 2);
        for (const c of order) expect(t.observe(c)).toBe(true);
        const c = t.get(TOKEN)!;
        expect(c.calls).toBe(5);
        expect([c.first.uuid, c.last.uuid]).toEqual(['a', 'e']);
        expect(Object.fromEntries([...c.addresses].map(([ip, a]) => [ip, [a.calls, a.country, a.asn]]))).toEqual({ '203.0.113.10': [2, 'United States', '16509'], '203.0.113.60': [2, 'Austria', '1'] });
        expect(Object.fromEntries(c.userAgents)).toEqual({ sdk: 2, curl: 2 });
        expect(c.eventTypes.get('user.account.privilege.grant')).toEqual({ calls: 1, first: { t: Date.parse('2024-06-02T00:00:00.000Z'), uuid: 'b' } });
        expect([...c.countries.keys()].sort()).toEqual(['Austria', 'Germany', 'United States']);
        expect([...c.networks.keys()].sort()).toEqual(['1', '16509', '24940']);
        expect([c.proxy, c.threat, c.marked.map((s) => s.uuid)]).toEqual([2, 1, ['c', 'd']]);
      }),
    );
  });

  it('leaves out calls outside the range and events made without a token', () => {
    const t = new CallTally(Date.parse('2024-06-02T00:00:00.000Z'), Date.parse('2024-06-03T00:00:00.000Z'), 5);
    for (const c of calls) t.observe(c);
    expect(t.observe(callEv('2024-06-02T12:00:00.000Z', {}, ''))).toBe(false);
    expect(t.get(TOKEN)?.calls).toBe(2);
    expect([...t.tokenIds()]).toEqual([TOKEN]);
  });

  it('keeps at most `keep` marked calls, the earliest', () => {
    const t = new CallTally(-Infinity, Infinity, 3);
    for (let i = 9; i >= 0; i--) t.observe(callEv(`2024-06-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`, { uuid: `p${i}`, place: DE }));
    expect(t.get(TOKEN)!.marked.map((s) => s.uuid)).toEqual(['p0', 'p1', 'p2']);
    expect(t.get(TOKEN)!.proxy).toBe(10);
  });
});
