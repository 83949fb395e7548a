// toPublicFinding: contract key order, publishedMs dropped, later-stage keys passed through.
import { describe, expect, it } from 'vitest';
import { toPublicFinding } from '../../src/report/public.js';
import { makeFinding } from './helpers.js';

const ORDER = ['schemaVersion', 'kind', 'id', 'published', 'rules', 'token', 'outcome', 'revokedBy', 'client', 'event'];

describe('toPublicFinding', () => {
  it('orders keys by the contract and drops publishedMs', () => {
    const pub = toPublicFinding(makeFinding());
    expect(Object.keys(pub)).toEqual(ORDER);
    expect(pub).not.toHaveProperty('publishedMs');
  });

  it('keeps the order even when the finding was built in another order', () => {
    const f = makeFinding();
    const shuffled = Object.fromEntries(Object.entries(f).reverse()) as unknown as typeof f;
    expect(Object.keys(toPublicFinding(shuffled))).toEqual(ORDER);
  });

  it('passes unknown extra keys through, after client and before event', () => {
    const window = { before: 3, after: 1 };
    const f = { ...makeFinding(), window, signals: ['new-ip'], severity: 'high' };
    const pub = toPublicFinding(f);
    expect(Object.keys(pub)).toEqual([...ORDER.slice(0, -1), 'window', 'signals', 'severity', 'event']);
    expect(pub.window).toBe(window);
    expect(pub.severity).toBe('high');
  });

  it('carries values unchanged', () => {
    const f = makeFinding();
    const pub = toPublicFinding(f);
    expect(pub.event).toBe(f.event);
    expect(pub.revokedBy).toEqual(f.revokedBy);
    expect(pub.published).toBe('2024-05-01T12:00:00.123Z');
  });

  it('keeps an own "__proto__" key as data instead of changing the prototype', () => {
    const f = makeFinding();
    Object.defineProperty(f, '__proto__', { value: { polluted: true }, enumerable: true });
    const pub = toPublicFinding(f);
    expect(Object.getPrototypeOf(pub)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(pub)).__proto__).toEqual({ polluted: true });
  });
});
