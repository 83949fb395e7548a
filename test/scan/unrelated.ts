// fast-check arbitrary: events outside every window of the samples, made of the windows' own actors, addresses and tokens.
import fc from 'fast-check';

const ms = (iso: string) => Date.parse(iso);
/** Each revocation in the samples and its default window (24 h before it, inclusive). */
const REVOCATIONS = ['2024-03-02T04:12:37.905Z', '2024-03-05T16:15:02.413Z', '2024-03-05T16:18:30.905Z', '2024-03-05T16:19:12.274Z'].map(ms);
const DAY = 86_400_000;
/** Times outside every window: before, between and after them. */
const OUTSIDE: [number, number][] = [
  [ms('2023-06-01T00:00:00.000Z'), REVOCATIONS[0]! - DAY - 1],
  [REVOCATIONS[0]! + 1, REVOCATIONS[1]! - DAY - 1],
  [REVOCATIONS[3]! + 1, ms('2025-06-01T00:00:00.000Z')],
];

/** Token ids of the samples and when each was created (a later create never changes its owner). */
const TOKENS: Record<string, number> = {
  '00Tci7dPlY3kT9wQx5d7': ms('2024-03-04T15:10:05.630Z'),
  '00Tbk5yN3cR8mL2vZ5d7': ms('2024-03-05T13:53:55.914Z'),
  '00TL3g4cyS7ncWq2x5d7': ms('2024-01-22T16:40:12.552Z'),
  '00TzzzzzzzzzzzzzzzZ9': 0,
};
const ACTORS = [
  { id: '00uAnn4dm1nQ7xk2d5d7', type: 'User', alternateId: 'ann@corp.example', displayName: 'Ann Admin' },
  { id: '00uB3nBkr8Hq2LmZw5d7', type: 'User', alternateId: 'ben.baker@corp.example', displayName: 'Ben Baker' },
  { id: '00uS0renK1erkG4rd5d7', type: 'User', alternateId: 'soren.k@corp.example', displayName: 'Søren Kierkegård' },
  { id: 'spr8Qk2mX7vN3pL9w5d7', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' },
  { id: '00uNew0ne0000000x5d7', type: 'User', alternateId: 'new@corp.example', displayName: 'Someone Else' },
];
const IPS = ['198.51.100.23', '192.0.2.33', '203.0.113.10', '203.0.113.11', '192.0.2.141', '192.0.2.200', null];
const TYPES = ['user.session.start', 'user.account.update_profile', 'system.api_token.revoke', 'system.api_token.create', 'system.api_token.update', 'group.user_membership.add'];

/** One event published outside every window (an earlier create of a revoked token is left out: it would change the owner). */
export const unrelatedEvent = fc
  .record({
    span: fc.constantFrom(...OUTSIDE),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    eventType: fc.constantFrom(...TYPES),
    actor: fc.constantFrom(...ACTORS),
    ip: fc.constantFrom(...IPS),
    calledWith: fc.option(fc.constantFrom(...Object.keys(TOKENS)), { nil: null }),
    target: fc.option(fc.constantFrom(...Object.keys(TOKENS)), { nil: null }),
    uuid: fc.uuid(),
    outcome: fc.constantFrom('SUCCESS', 'FAILURE'),
  })
  .map(({ span, at, eventType, actor, ip, calledWith, target, uuid, outcome }) => {
    const t = Math.floor(span[0] + at * (span[1] - span[0]));
    return {
      actor,
      client: { ipAddress: ip, geographicalContext: { city: 'Nowhere', country: 'Noland' }, userAgent: { rawUserAgent: 'fc/1.0' } },
      displayMessage: 'generated',
      eventType,
      outcome: { result: outcome, reason: null },
      published: new Date(t).toISOString(),
      transaction: { type: 'WEB', id: 'x', detail: calledWith ? { requestApiTokenId: calledWith } : {} },
      uuid,
      target: target ? [{ id: target, type: 'Token', alternateId: 'unknown', displayName: 'a token' }] : [],
    };
  })
  .filter((e) => !(e.eventType === 'system.api_token.create' && e.target.some((t) => Date.parse(e.published) <= TOKENS[t.id]!)));
