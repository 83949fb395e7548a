// A window's summary: counts by link, event type and outcome, sorted; addresses and countries; first and last seen.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/window/summary.js';
import type { WindowEvent } from '../../src/model/window.js';

function we(eventType: string, outcome: string | null, published: string, links: WindowEvent['links'], ip: string | null = null, country: string | null = null): WindowEvent {
  return {
    uuid: `${eventType}-${published}`,
    published,
    eventType,
    displayMessage: null,
    actor: { id: null, type: null, alternateId: null, displayName: null },
    client: { ipAddress: ip, city: null, country },
    outcome,
    targets: [],
    links,
    event: { text: '{}' },
  };
}

describe('summarize', () => {
  it('counts by link, event type and outcome, most frequent first then by name', () => {
    const s = summarize([
      we('b.type', 'SUCCESS', '2024-03-05T10:00:00.000Z', ['actor'], '192.0.2.9', 'Norway'),
      we('a.type', 'FAILURE', '2024-03-05T10:01:00.000Z', ['actor', 'ip'], '192.0.2.1', 'Chile'),
      we('c.type', null, '2024-03-05T10:02:00.000Z', ['token'], '192.0.2.1', null),
      we('c.type', 'SUCCESS', '2024-03-05T10:03:00.000Z', ['token']),
    ]);
    expect(s.byLink).toEqual({ token: 2, actor: 2, owner: 0, ip: 1 });
    expect(Object.entries(s.byEventType)).toEqual([['c.type', 2], ['a.type', 1], ['b.type', 1]]);
    expect(Object.entries(s.byOutcome)).toEqual([['SUCCESS', 2], ['FAILURE', 1], ['UNKNOWN', 1]]);
    expect(s.ipAddresses).toEqual(['192.0.2.1', '192.0.2.9']);
    expect(s.countries).toEqual(['Chile', 'Norway']);
    expect([s.firstSeen, s.lastSeen]).toEqual(['2024-03-05T10:00:00.000Z', '2024-03-05T10:03:00.000Z']);
  });

  it('keeps event types named like Object.prototype members as plain keys', () => {
    const s = summarize([we('__proto__', 'SUCCESS', '2024-03-05T10:00:00.000Z', ['actor']), we('__proto__', 'SUCCESS', '2024-03-05T10:00:01.000Z', ['actor']), we('constructor', 'SUCCESS', '2024-03-05T10:00:02.000Z', ['actor'])]);
    expect(Object.getPrototypeOf(s.byEventType)).toBe(Object.prototype);
    expect(Object.keys(s.byEventType)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(s.byEventType)).toBe('{"__proto__":2,"constructor":1}');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('is empty for no events', () => {
    const s = summarize([]);
    expect(s.byEventType).toEqual({});
    expect([s.firstSeen, s.lastSeen]).toEqual([null, null]);
  });
});
