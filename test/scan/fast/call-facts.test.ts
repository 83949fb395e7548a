// A record that is only a call made with a token becomes its facts; anything else stays a record for the main thread.
import { describe, expect, it } from 'vitest';
import { tokenCallFromText } from '../../../src/scan/fast/call-facts.js';

const call = {
  uuid: 'u1',
  published: '2024-03-05T10:00:00.000Z',
  eventType: 'group.user_membership.add',
  actor: { id: '00uowner', type: 'User' },
  client: { ipAddress: '198.51.100.7', userAgent: { rawUserAgent: 'curl/8.4' }, geographicalContext: { country: 'Netherlands' } },
  securityContext: { asNumber: 64500, asOrg: 'example' },
  transaction: { detail: { requestApiTokenId: '00Tabc' } },
};

describe('tokenCallFromText', () => {
  it('reads a plain call as the facts baselines and address links use', () => {
    expect(tokenCallFromText(JSON.stringify(call))).toEqual({
      tokenId: '00Tabc',
      published: Date.parse('2024-03-05T10:00:00.000Z'),
      ip: '198.51.100.7',
      country: 'Netherlands',
      network: '64500',
      userAgent: 'curl/8.4',
      eventType: 'group.user_membership.add',
    });
  });

  it('reads keys a pipeline lowercased, as the scan does', () => {
    const text = JSON.stringify(call).replace('"requestApiTokenId"', '"requestapitokenid"').replace('"eventType"', '"eventtype"');
    expect(tokenCallFromText(text)?.tokenId).toBe('00Tabc');
  });

  it('leaves to the main thread what the scan reads whole or reports', () => {
    const other = (patch: object) => tokenCallFromText(JSON.stringify({ ...call, ...patch }));
    expect(other({ eventType: 'system.api_token.revoke' })).toBeNull();
    expect(other({ eventType: 'SYSTEM.API_TOKEN.CREATE' })).toBeNull();
    expect(other({ transaction: { detail: {} } })).toBeNull();
    expect(other({ published: 'yesterday' })).toBeNull();
    expect(tokenCallFromText(`${JSON.stringify(call)}${JSON.stringify(call)}`)).toBeNull();
    expect(tokenCallFromText('{"requestApiTokenId": "00T",')).toBeNull();
    // A SIEM document or an Event Hook delivery wraps the event: unwrapping it is the main thread's.
    expect(tokenCallFromText(JSON.stringify({ message: JSON.stringify(call) }))).toBeNull();
    expect(tokenCallFromText(JSON.stringify({ data: { events: [call, { ...call, uuid: 'u2' }] } }))).toBeNull();
  });
});
