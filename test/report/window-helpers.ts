// Test helper: hand-built activity windows (every link kind, a null IP, hostile strings) and findings with them.
import type { Entity } from '../../src/model/entity.js';
import type { Finding, ScanReport } from '../../src/model/report.js';
import { summarize } from '../../src/window/summary.js';
import type { ActivityWindow, WindowEvent } from '../../src/model/window.js';
import { makeFinding, makeReport } from './helpers.js';

const OWNER: Entity = { id: '00u9olga', type: 'User', alternateId: 'olga@corp.example', displayName: 'Olga Owner' };
const ANN: Entity = { id: '00u1ann', type: 'User', alternateId: 'ann@corp.example', displayName: 'Ann Example' };

/** Hostile log strings (ESC, CR, BEL, U+202E) carried by the fifth standard event. */
export const HOSTILE = {
  eventType: 'app.\u001b[2Jwipe\r',
  actor: 'ann\u202egpj.exe@corp.example',
  target: 'tgt\u001b]0;pwn\u0007\r\n',
} as const;

/** A window event at `published`; `patch` overrides fields. */
export function makeWindowEvent(published: string, patch: Partial<WindowEvent> = {}): WindowEvent {
  const uuid = patch.uuid ?? `ev-${published}`;
  return {
    uuid,
    published,
    eventType: 'user.session.start',
    displayMessage: 'User login to Okta',
    actor: ANN,
    client: { ipAddress: '203.0.113.7', city: 'Berlin', country: 'Germany' },
    outcome: 'SUCCESS',
    targets: [],
    links: ['actor'],
    event: { text: JSON.stringify({ uuid, published, eventType: patch.eventType ?? 'user.session.start' }) },
    ...patch,
  };
}

/** Six events in time order: every link kind, two targets, a null IP, hostile strings. */
export function standardEvents(): WindowEvent[] {
  const token = { id: '00Tabc123def456ghi78', type: 'Token', displayName: 'ci-deploy' };
  return [
    makeWindowEvent('2024-04-30T13:00:00.000Z', { eventType: 'system.api_token.create', actor: OWNER, targets: [token], links: ['owner'] }),
    makeWindowEvent('2024-05-01T08:00:00.000Z', {
      eventType: 'user.lifecycle.deactivate',
      actor: OWNER,
      client: { ipAddress: '198.51.100.50', city: null, country: 'United States' },
      targets: [{ id: '00u7carl', type: 'User', displayName: 'Carl Target' }, token],
      links: ['token', 'owner', 'ip'],
    }),
    makeWindowEvent('2024-05-01T09:00:00.000Z', {
      actor: { id: '00u6mal', type: 'User', alternateId: 'mallory@evil.example', displayName: null },
      client: { ipAddress: '198.51.100.50', city: null, country: 'United States' },
      outcome: 'FAILURE',
      links: ['ip'],
    }),
    makeWindowEvent('2024-05-01T10:00:00.000Z', {
      eventType: 'user.authentication.sso',
      client: { ipAddress: null, city: null, country: null },
      links: ['actor'],
    }),
    makeWindowEvent('2024-05-01T11:00:00.000Z', {
      eventType: HOSTILE.eventType,
      actor: { ...ANN, alternateId: HOSTILE.actor },
      targets: [{ id: 'x1', type: 'AppInstance', displayName: HOSTILE.target }],
      links: ['token', 'actor'],
    }),
    makeWindowEvent('2024-05-01T11:59:00.000Z', { eventType: 'policy.lifecycle.update', outcome: null, links: ['actor'] }),
  ];
}

/** A 24h-before window ending at makeFinding's revocation, summarised like the collector does. */
export function makeWindow(events: WindowEvent[] = standardEvents(), patch: Partial<ActivityWindow> = {}): ActivityWindow {
  const dropped = patch.dropped ?? 0;
  return {
    start: '2024-04-30T12:00:00.123Z',
    end: '2024-05-01T12:00:00.123Z',
    before: '24h',
    after: '0',
    owner: OWNER,
    eventCount: events.length + dropped,
    dropped,
    summary: summarize(events),
    events,
    ...patch,
  };
}

/** `count` events a minute apart from 2024-05-01 10:00Z, alternating token and ip links. */
export function manyEvents(count: number): WindowEvent[] {
  return Array.from({ length: count }, (_, i) =>
    makeWindowEvent(new Date(Date.parse('2024-05-01T10:00:00.000Z') + i * 60_000).toISOString(), {
      eventType: `app.event.n${i}`,
      links: i % 2 === 0 ? ['token'] : ['ip'],
    }),
  );
}

/** makeFinding's revocation carrying `window`. */
export function windowFinding(window: ActivityWindow = makeWindow(), id = 'a1b2c3d4-0000-4000-8000-0000000000w1'): Finding {
  return makeFinding({ id, window });
}

/**
 * Three findings: the standard window (known owner), a system revocation whose window has no
 * events and no known owner, and one without a window (as with `--no-window`).
 */
export function windowReport(): ScanReport {
  return makeReport([
    windowFinding(),
    makeFinding({
      id: 'a1b2c3d4-0000-4000-8000-0000000000w2',
      token: { id: '00Tsys000000000000001', name: 'legacy-sync' },
      revokedBy: { kind: 'system', id: '0oa1system', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' },
      client: { ipAddress: null, city: null, country: null, userAgent: null },
      window: makeWindow([], { owner: null }),
    }),
    makeFinding({ id: 'a1b2c3d4-0000-4000-8000-0000000000w3', token: { name: 'no-window-token' } }),
  ]);
}
