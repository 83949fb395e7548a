// Interests: spans added per value, and merged interests keep every span of each, first seen first.
import { describe, expect, it } from 'vitest';
import { addSpan, mergeInterests, noInterest, type Span } from '../../src/events/interest.js';

describe('event interest', () => {
  it('adds spans per value, in order', () => {
    const m = new Map<string, Span[]>();
    addSpan(m, 'a', { from: 1, to: 2 });
    addSpan(m, 'b', { from: 3, to: 4 });
    addSpan(m, 'a', { from: 5, to: 6, eventType: 'user.session.start' });
    expect([...m]).toEqual([
      ['a', [{ from: 1, to: 2 }, { from: 5, to: 6, eventType: 'user.session.start' }]],
      ['b', [{ from: 3, to: 4 }]],
    ]);
  });

  it('merges interests kind by kind, never mixing tokens, actors and addresses', () => {
    const a = noInterest();
    addSpan(a.tokenCalls, '00Ta', { from: 10, to: 20 });
    addSpan(a.addresses, '192.0.2.1', { from: 10, to: 20 });
    const b = noInterest();
    addSpan(b.tokenCalls, '00Ta', { from: 0, to: 20 });
    addSpan(b.tokenCalls, '00Tb', { from: 5, to: 6 });
    addSpan(b.actors, '00Ta', { from: 1, to: 2 });
    const m = mergeInterests(a, b);
    expect([...m.tokenCalls]).toEqual([
      ['00Ta', [{ from: 10, to: 20 }, { from: 0, to: 20 }]],
      ['00Tb', [{ from: 5, to: 6 }]],
    ]);
    expect([...m.actors]).toEqual([['00Ta', [{ from: 1, to: 2 }]]]);
    expect([...m.addresses]).toEqual([['192.0.2.1', [{ from: 10, to: 20 }]]]);
    // The inputs are left as they were.
    expect(a.tokenCalls.get('00Ta')).toHaveLength(1);
  });
});
