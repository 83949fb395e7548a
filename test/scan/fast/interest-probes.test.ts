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

  it("merges a value's overlapping spans of one event type, and keeps others apart", () => {
    const i = noInterest();
    for (const [from, to] of [[50, 60], [10, 20], [15, 30], [30, 40], [70, 80]] as const) addSpan(i.actors, '00u1', { from, to });
    addSpan(i.actors, '00u1', { from: 12, to: 18, eventType: 'user.session.start' });
    addSpan(i.actors, '00u1', { from: 17, to: 25, eventType: 'user.session.start' });
    expect(probesFor(i)).toEqual([{ kind: 'actor', spans: [['00u1', [[10, 40], [50, 60], [70, 80], [12, 25, 'user.session.start']]]] }]);
  });
});
