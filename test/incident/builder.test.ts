// The incident builder: which revocations form one incident, and what it counts (each distinct event once).
import { describe, expect, it } from 'vitest';
import { IncidentBuilder } from '../../src/incident/builder.js';
import type { Finding } from '../../src/model/report.js';
import type { KeptEvent } from '../../src/window/collector.js';

const T0 = Date.parse('2024-05-01T12:00:00.000Z');

function finding(id: string, minutes: number, tokenId: string, name = tokenId): Finding {
  return {
    schemaVersion: 1,
    kind: 'revocation',
    id,
    published: new Date(T0 + minutes * 60_000).toISOString(),
    publishedMs: T0 + minutes * 60_000,
    rules: [],
    token: { id: tokenId, name },
    outcome: 'SUCCESS',
    revokedBy: { kind: 'user', id: '00uadmin', type: 'User', alternateId: 'admin@corp.example', displayName: 'Admin' },
    client: { ipAddress: '192.0.2.1', city: 'Oslo', country: 'Norway', userAgent: 'browser' },
    severity: 'low',
    event: { securityContext: { asNumber: 2119, asOrg: 'telenor', isProxy: false } },
  };
}

function event(uuid: string, minutes: number, o: { ip?: string; call?: string; actor?: string; country?: string; asn?: string; agent?: string; proxy?: boolean } = {}): KeptEvent {
  return {
    uuid,
    published: T0 + minutes * 60_000,
    eventType: 'user.account.update_profile',
    displayMessage: null,
    actor: { id: `00u${o.actor ?? 'ann'}`, type: 'User', alternateId: `${o.actor ?? 'ann'}@corp.example`, displayName: null },
    client: { ipAddress: o.ip ?? null, city: null, country: o.country ?? null },
    outcome: 'SUCCESS',
    targets: [],
    requestApiTokenId: o.call ?? null,
    detections: [],
    facts: { asNumber: o.asn ?? null, asOrg: o.asn ? `org${o.asn}` : null, userAgent: o.agent ?? null, isProxy: o.proxy ?? null, threatSuspected: false, riskLevel: null },
    links: [],
  };
}

describe('grouping', () => {
  it('windows that share an event, a revoked token or a token address are one incident; others are not', () => {
    const b = new IncidentBuilder();
    b.add(finding('r1', 0, '00Ta'), [event('e1', -10, { ip: '198.51.100.1', call: '00Ta' })]);
    b.add(finding('r2', 5, '00Tb'), [event('e1', -10, { ip: '198.51.100.1', call: '00Ta' })]); // shares e1
    b.add(finding('r3', 900, '00Ta'), []); // revokes 00Ta again
    b.add(finding('r4', 2000, '00Tc'), [event('e4', 1990, { ip: '203.0.113.9', call: '00Tc' })]);
    b.add(finding('r5', 4000, '00Td'), [event('e5', 3990, { ip: '203.0.113.9', call: '00Td' })]); // same token address as r4
    b.add(finding('r6', 6000, '00Te'), [event('e6', 5990, { ip: '192.0.2.200' })]);
    const incidents = b.build();
    expect(incidents.map((i) => [i.id, i.revocations])).toEqual([
      ['incident-1', ['r1', 'r2', 'r3']],
      ['incident-2', ['r4', 'r5']],
      ['incident-3', ['r6']],
    ]);
    expect(incidents[0]!.ties).toEqual({ sharedEvents: 1, tokens: ['00Ta'], addresses: [] });
    expect(incidents[1]!.ties).toEqual({ sharedEvents: 0, tokens: [], addresses: ['203.0.113.9'] });
  });
});

describe('counts', () => {
  it('each distinct event once, with the windows it is in, first and last seen; lists by events then value', () => {
    const b = new IncidentBuilder();
    const attacker = { ip: '198.51.100.23', country: 'Romania', asn: '9009', agent: 'python-requests/2.31.0', proxy: true };
    const calls = [event('c1', -30, { ...attacker, call: '00Tci' }), event('c2', -20, { ...attacker, call: '00Tci' })];
    const dana = event('d1', -10, { ...attacker, actor: 'dana', agent: 'Chrome' });
    b.add(finding('r1', 0, '00Tci', 'ci-deploy'), [...calls, dana]);
    b.add(finding('r2', 1, '00Tbk', 'backup-sync'), [...calls, dana, event('c3', -5, { ...attacker, call: '00Tbk' })]);
    const [incident] = b.build();
    expect(incident).toMatchObject({ kind: 'incident', severity: 'low', eventCount: 6, firstSeen: '2024-05-01T11:30:00.000Z', lastSeen: '2024-05-01T12:01:00.000Z' });
    expect(incident!.addresses[0]).toEqual({
      ip: '198.51.100.23',
      city: null,
      country: 'Romania',
      asNumber: '9009',
      asOrg: 'org9009',
      proxy: true,
      events: 4,
      windows: 2,
      firstSeen: '2024-05-01T11:30:00.000Z',
      lastSeen: '2024-05-01T11:55:00.000Z',
      tokens: ['00Tbk', '00Tci'],
      actors: ['ann@corp.example', 'dana@corp.example'],
    });
    // The revocations' own address, with the network read from their events.
    expect(incident!.addresses[1]).toMatchObject({ ip: '192.0.2.1', events: 2, asNumber: '2119', asOrg: 'telenor', actors: ['admin@corp.example'] });
    expect(incident!.tokens.map((t) => [t.id, t.name, t.calls, t.events, t.revocations])).toEqual([
      ['00Tci', 'ci-deploy', 2, 3, ['r1']],
      ['00Tbk', 'backup-sync', 1, 2, ['r2']],
    ]);
    expect(incident!.actors.map((a) => [a.label, a.events, a.tokens])).toEqual([
      ['ann@corp.example', 3, ['00Tbk', '00Tci']],
      ['admin@corp.example', 2, []],
      ['dana@corp.example', 1, []],
    ]);
    expect(incident!.userAgents.map((u) => [u.value, u.events])).toEqual([['python-requests/2.31.0', 3], ['browser', 2], ['Chrome', 1]]);
    expect(incident!.countries.map((c) => [c.value, c.events])).toEqual([['Romania', 4], ['Norway', 2]]);
    expect(incident!.networks.map((n) => [n.asNumber, n.events, n.addresses])).toEqual([['9009', 4, ['198.51.100.23']], ['2119', 2, ['192.0.2.1']]]);
  });
  it('no revocations, no incidents', () => expect(new IncidentBuilder().build()).toEqual([]));
});
