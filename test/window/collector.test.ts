// WindowCollector: boundaries, owner from the create event anywhere, Okta revoker, ip links, cap.
import { describe, expect, it } from 'vitest';
import type { OktaEvent } from '../../src/events/types.js';
import { tokenCallOf } from '../../src/events/token-call.js';
import { buildFinding } from '../../src/scan/finding.js';
import { WindowCollector, type WindowOptions } from '../../src/window/collector.js';
import { TokenIndex } from '../../src/window/token-index.js';
import { ev } from './helpers.js';

const H = 3_600_000;
const REVOKED_AT = '2024-05-02T12:00:00.000Z';

function run(events: OktaEvent[], revocation: OktaEvent, opts: Partial<WindowOptions> = {}) {
  const tokens = new TokenIndex();
  for (const e of [...events, revocation]) {
    if (!TokenIndex.wants(e)) continue;
    tokens.observeCreation(e);
    const call = tokenCallOf(e);
    if (call) tokens.observeCall(call);
  }
  const finding = buildFinding(revocation, [{ id: 'r', title: 'Okta API Token Revoked', level: 'medium' }]);
  const c = new WindowCollector([finding], tokens, { before: 24 * H, after: 0, maxEvents: 1000, ...opts }, new Map([[revocation.uuid, revocation]]));
  for (const e of [...events, revocation]) c.observe(e);
  c.finish();
  return finding.window!;
}

const revoke = (actor = '00uadmin', actorType = 'User', alt?: string) =>
  ev({ uuid: 'R', at: REVOKED_AT, type: 'system.api_token.revoke', actor, actorType, alt, targets: [{ id: '00Ttok', type: 'Token', displayName: 'ci' }] });
const create = ev({ uuid: 'C', at: '2024-01-01T00:00:00.000Z', type: 'system.api_token.create', actor: '00uowner', targets: [{ id: '00Ttok', type: 'Token' }] });

describe('WindowCollector', () => {
  it('includes an event exactly at T - before and excludes one a millisecond earlier', () => {
    const w = run(
      [
        ev({ uuid: 'in', at: '2024-05-01T12:00:00.000Z', token: '00Ttok' }),
        ev({ uuid: 'out', at: '2024-05-01T11:59:59.999Z', token: '00Ttok' }),
        ev({ uuid: 'after', at: '2024-05-02T12:00:00.001Z', token: '00Ttok' }),
        ev({ uuid: 'atT', at: REVOKED_AT, token: '00Ttok' }),
      ],
      revoke(),
    );
    expect(w.events.map((e) => e.uuid)).toEqual(['in', 'atT']);
    expect(w.start).toBe('2024-05-01T12:00:00.000Z');
    expect(w.end).toBe(REVOKED_AT);
    expect(w.before).toBe('1d');
  });

  it('--after widens the window past the revocation', () => {
    const w = run([ev({ uuid: 'after', at: '2024-05-02T12:30:00.000Z', token: '00Ttok' })], revoke(), { after: H });
    expect(w.events.map((e) => e.uuid)).toEqual(['after']);
  });

  it('finds the owner from a create event long before the window, and links their activity', () => {
    const w = run([create, ev({ uuid: 'o1', at: '2024-05-02T08:00:00.000Z', actor: '00uowner' })], revoke());
    expect(w.owner?.id).toBe('00uowner');
    expect(w.events.map((e) => [e.uuid, e.links])).toEqual([['o1', ['owner']]]);
  });

  it('unknown owner: null and no owner links', () => {
    const w = run([ev({ uuid: 'o1', at: '2024-05-02T08:00:00.000Z', actor: '00uowner' })], revoke());
    expect(w.owner).toBeNull();
    expect(w.events).toEqual([]);
  });

  it('Okta itself as revoker: no actor links', () => {
    const w = run(
      [ev({ uuid: 'job', at: '2024-05-02T08:00:00.000Z', actor: '0oaOKTA', actorType: 'SystemPrincipal', alt: 'system@okta.com' })],
      revoke('0oaOKTA', 'SystemPrincipal', 'system@okta.com'),
    );
    expect(w.events).toEqual([]);
  });

  it('ip link only for addresses the token used inside the window', () => {
    const w = run(
      [
        ev({ uuid: 'use-old', at: '2024-04-01T00:00:00.000Z', token: '00Ttok', ip: '203.0.113.1' }),
        ev({ uuid: 'use', at: '2024-05-02T09:00:00.000Z', token: '00Ttok', ip: '198.51.100.7' }),
        ev({ uuid: 'same-ip', at: '2024-05-02T10:00:00.000Z', actor: '00ustranger', ip: '198.51.100.7' }),
        ev({ uuid: 'old-ip', at: '2024-05-02T10:00:00.000Z', actor: '00ustranger', ip: '203.0.113.1' }),
      ],
      revoke(),
    );
    expect(w.events.map((e) => [e.uuid, e.links])).toEqual([
      ['use', ['token', 'ip']],
      ['same-ip', ['ip']],
    ]);
    expect(w.summary.ipAddresses).toEqual(['198.51.100.7']);
    expect(w.summary.byLink).toEqual({ token: 1, actor: 0, owner: 0, ip: 2 });
  });

  it('keeps the latest events when a window is over its cap, and says how many were dropped', () => {
    const events = Array.from({ length: 30 }, (_, i) => ev({ uuid: `e${String(i).padStart(2, '0')}`, at: new Date(Date.parse(REVOKED_AT) - (30 - i) * 60_000).toISOString(), token: '00Ttok' }));
    const w = run(events, revoke(), { maxEvents: 10 });
    expect(w.events.map((e) => e.uuid)).toEqual(events.slice(20).map((e) => e.uuid));
    expect(w.dropped).toBe(20);
    expect(w.eventCount).toBe(30);
  });

  it('gives the same window whatever the order of the events', () => {
    const events = [
      create,
      ev({ uuid: 'a', at: '2024-05-02T09:00:00.000Z', token: '00Ttok', ip: '198.51.100.7', actor: '00uowner' }),
      ev({ uuid: 'b', at: '2024-05-02T10:00:00.000Z', actor: '00uadmin' }),
      ev({ uuid: 'c', at: '2024-05-02T10:00:00.000Z', actor: '00ux', ip: '198.51.100.7' }),
    ];
    const forward = run(events, revoke());
    const backward = run([...events].reverse(), revoke());
    expect(backward).toEqual(forward);
    expect(forward.events.map((e) => e.uuid)).toEqual(['a', 'b', 'c']);
  });
});
