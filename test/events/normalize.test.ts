// normalize: typed fields from real shapes, wrong types tolerated, unusable records explained.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/events/normalize.js';

const id = () => 'fallback';

describe('normalize', () => {
  it('reads the fields every stage uses', () => {
    const r = normalize(
      {
        uuid: 'u1',
        published: '2024-05-01T12:00:00.000Z',
        eventType: 'system.api_token.revoke',
        displayMessage: 'Revoke API token',
        actor: { id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann' },
        client: { ipAddress: '192.0.2.1', userAgent: { rawUserAgent: 'curl/8' }, geographicalContext: { city: 'Oslo', country: 'Norway' } },
        securityContext: { asNumber: 64500, asOrg: 'example', isProxy: 'false' },
        outcome: { result: 'SUCCESS' },
        transaction: { detail: { requestApiTokenId: '00Tabc' } },
        target: [{ id: '00Tdef', type: 'Token', displayName: 'ci' }],
      },
      id,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.event;
    expect(e.published).toBe(Date.UTC(2024, 4, 1, 12));
    expect(e.actor).toEqual({ id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann' });
    expect(e.client).toMatchObject({ ipAddress: '192.0.2.1', city: 'Oslo', country: 'Norway', userAgent: 'curl/8', asNumber: '64500', isProxy: false });
    expect(e.requestApiTokenId).toBe('00Tabc');
    expect(e.targets[0]).toEqual({ id: '00Tdef', type: 'Token', alternateId: null, displayName: 'ci' });
    expect(e.outcome.result).toBe('SUCCESS');
  });

  it('renames lowercase and snake_case keys, keeping the original', () => {
    const original = { uuid: 'u2', published: '2021-01-08 21:28:34.875', eventtype: 'x.y', debugcontext: { debugdata: { requesturi: '/a' } } };
    const r = normalize(original, id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.eventType).toBe('x.y');
    expect(r.event.doc).toMatchObject({ eventType: 'x.y', debugContext: { debugData: { requestUri: '/a' } } });
    expect(r.event.original).toBe(original);
    const snake = normalize({ uuid: 'u3', published: '2024-05-01T00:00:00Z', event_type: 'x.z', client: { ip_address: '192.0.2.9' } }, id);
    expect(snake.ok && snake.event.client.ipAddress).toBe('192.0.2.9');
  });

  it('tolerates wrong types without throwing', () => {
    const r = normalize(
      { published: '2024-05-01T00:00:00Z', eventType: 'x', actor: null, target: 'oops', transaction: { detail: 'str' }, client: [] },
      id,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.uuid).toBe('fallback');
    expect(r.event.actor.id).toBeNull();
    expect(r.event.targets).toEqual([]);
    expect(r.event.requestApiTokenId).toBeNull();
    const single = normalize({ published: '2024-05-01T00:00:00Z', eventType: 'x', target: { id: '00T1', type: 'Token' } }, id);
    expect(single.ok && single.event.targets[0]!.id).toBe('00T1');
  });

  it('keeps __proto__ keys as data', () => {
    const value = JSON.parse('{"uuid":"p","published":"2024-05-01T00:00:00Z","eventtype":"x","__proto__":{"polluted":1}}');
    const r = normalize(value, id);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.getPrototypeOf(r.event.doc)).toBe(Object.prototype);
  });

  it.each([
    [null, /not a JSON object \(null\)/],
    [[1], /array/],
    [{ published: '2024-05-01T00:00:00Z' }, /no eventType/],
    [{ eventType: ['a'], published: '2024-05-01T00:00:00Z' }, /eventType is not/],
    [{ eventType: 'x' }, /no published/],
    [{ eventType: 'x', published: 12345 }, /published is not a time \(12345\)/],
  ])('explains why %j is not an event', (value, reason) => {
    const r = normalize(value, id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('field types and spellings pipelines change', () => {
  it('numbers and booleans where Okta writes strings are read as text; the original keeps them', () => {
    const original = {
      uuid: 7, published: '2024-05-01T00:00:00Z', eventType: 'system.api_token.revoke', version: 0,
      actor: { id: '00u1', type: 'User' }, client: { ipAddress: '192.0.2.1', geographicalContext: { postalCode: 94107 } },
      securityContext: { asNumber: 9009, isProxy: true }, outcome: { result: 'SUCCESS' },
      debugContext: { debugData: { threatSuspected: false } }, target: [{ id: '00T1', type: 'Token' }],
    };
    const r = normalize(original, id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.uuid).toBe('7');
    expect(r.event.client).toMatchObject({ asNumber: '9009', isProxy: true });
    expect(r.event.original).toBe(original);
    expect((r.event.original as { version: unknown }).version).toBe(0);
  });
  it("the 2017 docs sample's authentication_context maps to authenticationContext", () => {
    const r = normalize({ uuid: 'u', published: '2016-09-30T19:25:04.839Z', eventType: 'x', authentication_context: { external_session_id: 's1' } }, id);
    expect(r.ok && r.event.doc).toMatchObject({ authenticationContext: { externalSessionId: 's1' } });
  });
});
