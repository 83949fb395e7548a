// TokenBaselines: every token's distinct values with first-seen times, from the first pass's token calls.
import { describe, expect, it } from 'vitest';
import { TokenBaselines } from '../../src/signals/token-baseline.js';
import { tokenCallOf } from '../../src/events/token-call.js';
import { at, call, DAY, H, sev, TOKEN } from './helpers.js';

describe('TokenBaselines', () => {
  const b = new TokenBaselines();
  // Input order is not time order: the earliest use wins whatever comes first.
  for (const e of [
    call('late', -H, { ip: '198.51.100.23', asn: null, asOrg: 'm247' }),
    call('early', -3 * DAY, { ip: '198.51.100.23', type: 'User.Lifecycle.Create' }),
    sev({ uuid: 'person', at: at(-5 * DAY), ip: '192.0.2.99' }),
  ]) {
    // A person's own event is no call made with a token.
    const c = tokenCallOf(e);
    if (c) b.observe(c);
  }

  it('keeps the earliest use per value, whatever the input order', () => {
    expect(b.get(TOKEN)?.firstUse).toBe(Date.parse(at(-3 * DAY)));
    expect(b.seenBefore(TOKEN, 'ip', '198.51.100.23', Date.parse(at(-2 * DAY)))).toBe(true);
    expect(b.seenBefore(TOKEN, 'ip', '198.51.100.23', Date.parse(at(-3 * DAY)))).toBe(false);
  });

  it('networks by AS number, else by organisation; event types in any case', () => {
    expect(b.seenBefore(TOKEN, 'asn', '16509', Date.parse(at(0)))).toBe(true);
    expect(b.seenBefore(TOKEN, 'asn', 'm247', Date.parse(at(0)))).toBe(true);
    expect(b.seenBefore(TOKEN, 'eventType', 'user.lifecycle.CREATE', Date.parse(at(0)))).toBe(true);
  });

  it('ignores events not made with a token', () => {
    expect(b.seenBefore(TOKEN, 'ip', '192.0.2.99', Date.parse(at(0)))).toBe(false);
    expect(b.get('00Tother')).toBeNull();
    expect(b.usedBefore('00Tother', Date.parse(at(0)))).toBe(false);
  });
});
