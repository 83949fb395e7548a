// toPublicFinding: contract key order, publishedMs dropped, later-stage keys (window) passed through.
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { toPublicFinding } from '../../src/report/public.js';
import { collect, makeFinding, makeReport } from './helpers.js';
import { makeWindow, windowFinding } from './window-helpers.js';

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

  it('passes window and unknown extra keys through, after client and before event', () => {
    const window = makeWindow();
    const signals = [{ id: 'new-ip' as const, severity: 'medium' as const, message: 'new address', evidence: ['e1'] }];
    const f = { ...makeFinding(), window, signals, severity: 'high' as const };
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

/** The WindowEvent contract, in order. */
const EVENT_KEYS = ['uuid', 'published', 'eventType', 'displayMessage', 'actor', 'client', 'outcome', 'targets', 'links', 'event'];

/** Every key at any depth of `value`. */
function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

describe('window in the JSON outputs', () => {
  const finding = windowFinding();

  it('toPublicFinding passes the window through unchanged, between client and event', () => {
    const pub = toPublicFinding(finding);
    expect(Object.keys(pub)).toEqual([...ORDER.slice(0, -1), 'window', 'event']);
    expect(pub.window).toBe(finding.window);
  });

  it.each([
    ['json', (text: string) => (JSON.parse(text) as { findings: Record<string, unknown>[] }).findings[0]!],
    ['ndjson', (text: string) => JSON.parse(text.split('\n')[0]!) as Record<string, unknown>],
  ] as const)('%s: window events carry only contract fields and round-trip, hostile strings included', (format, first) => {
    const report = makeReport([finding, makeFinding({ id: 'no-window' })]);
    const text = collect((format === 'json' ? jsonReporter : ndjsonReporter)(report, { color: false }));
    expect(text).not.toMatch(/[\u001b\u202e\u0007]/);
    const parsed = first(text);
    expect(Object.keys(parsed)).toEqual([...ORDER.slice(0, -1), 'window', 'event']);
    // The window as written: each original is its record's own text, as JSON.
    const written = JSON.parse(JSON.stringify(makeWindow())) as { events: { event: { text: string } }[] };
    for (const e of written.events) (e as { event: unknown }).event = JSON.parse(e.event.text);
    expect(parsed.window).toEqual(written);
    const window = parsed.window as { events: Record<string, unknown>[] };
    expect(window.events).toHaveLength(6);
    for (const e of window.events) expect(Object.keys(e)).toEqual(EVENT_KEYS);
    expect(allKeys(parsed.window).has('publishedMs')).toBe(false);
    expect(allKeys(parsed).has('publishedMs')).toBe(false);
  });
});
