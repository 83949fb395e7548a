// An interest becomes one probe per kind of value, spans as time gates (an event type as the third element).
import { describe, expect, it } from 'vitest';
import { addSpan, noInterest } from '../../../src/events/interest.js';
import { probesFor } from '../../../src/scan/fast/interest-probes.js';

describe('probesFor', () => {
  it('gives no probe for an empty interest', () => {
    expect(probesFor(noInterest())).toEqual([]);
  });

  it('gives token, actor and ip probes with their spans', () => {
    const i = noInterest();
    addSpan(i.addresses, '2001:db8::1', { from: 3, to: 4 });
    addSpan(i.tokenCalls, '00Ta', { from: 10, to: 20 });
    addSpan(i.actors, '00u1', { from: 1, to: 2, eventType: 'user.session.start' });
    expect(probesFor(i)).toEqual([
      { kind: 'token', spans: [['00Ta', [[10, 20]]]] },
      { kind: 'actor', spans: [['00u1', [[1, 2, 'user.session.start']]]] },
      { kind: 'ip', spans: [['2001:db8::1', [[3, 4]]]] },
    ]);
  });
});
