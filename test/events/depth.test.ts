// Nesting depth: measured without recursion at any depth; records too deep for output are refused.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestedDeeperThan, textMayNestDeeperThan } from '../../src/events/depth.js';
import { normalize } from '../../src/events/normalize.js';

/** `{"a":[{"a":[…]}]}` with `levels` levels of objects and arrays, built by JSON.parse. */
function nested(levels: number): unknown {
  return JSON.parse(nestedText(levels));
}

/** The JSON text of {@link nested}. */
function nestedText(levels: number): string {
  let text = '';
  for (let i = 0; i < levels; i++) text += i % 2 === 0 ? '{"a":' : '[';
  text += '1';
  for (let i = levels - 1; i >= 0; i--) text += i % 2 === 0 ? '}' : ']';
  return text;
}

describe('nestedDeeperThan', () => {
  it('counts objects and arrays, the value itself being level 1', () => {
    expect(nestedDeeperThan(1, 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
    expect(nestedDeeperThan({}, 1)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan(nested(5), 5)).toBe(false);
    expect(nestedDeeperThan(nested(5), 4)).toBe(true);
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: null }], d: { e: 'x' } }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: [] }], d: { e: 'x' } }, 3)).toBe(true);
  });

  it('finds the one deep branch among shallow ones, and survives 200,000 levels', () => {
    const wide = { x: [1, 2, 3], y: { z: {} }, deep: nested(50) };
    expect(nestedDeeperThan(wide, 51)).toBe(false); // wide is level 1, its deep branch levels 2 to 51
    expect(nestedDeeperThan(wide, 50)).toBe(true);
    expect(nestedDeeperThan(nested(200_000), MAX_NESTING)).toBe(true);
  });

  it('treats an own __proto__ key like any other key', () => {
    const v = JSON.parse('{"__proto__":{"a":{"b":{}}}}') as unknown;
    expect(nestedDeeperThan(v, 3)).toBe(true);
    expect(nestedDeeperThan(v, 4)).toBe(false);
  });
});

describe('textMayNestDeeperThan', () => {
  it('is false when the text holds no more opening brackets than the limit, and never false for a text that nests deeper', () => {
    expect(textMayNestDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(textMayNestDeeperThan('{"a":[1,{"b":[]}]}', 3)).toBe(true);
    // Brackets inside strings count too: an upper bound, never an underestimate.
    expect(textMayNestDeeperThan('{"a":"[[[[{{{{"}', 3)).toBe(true);
    for (const levels of [1, 2, 5, 50, MAX_NESTING, MAX_NESTING + 1, 5000]) {
      const text = nestedText(levels);
      for (const limit of [levels - 1, levels, MAX_NESTING]) {
        if (nestedDeeperThan(JSON.parse(text), limit)) expect(textMayNestDeeperThan(text, limit)).toBe(true);
      }
      expect(textMayNestDeeperThan(text, levels)).toBe(false);
    }
  });
});

describe('normalize and nesting', () => {
  const base = { uuid: 'u', eventType: 'x.y', published: '2024-01-01T00:00:00Z' };

  it('refuses an event nested deeper than MAX_NESTING, which no output could serialise', () => {
    const deep = { ...base, debugContext: nested(10_000) };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(normalize(deep, () => 'f')).toEqual({ ok: false, reason: `nested more than ${MAX_NESTING} levels deep; skipped` });
    const text = JSON.stringify({ ...base, debugContext: 0 }).replace('0}', `${nestedText(10_000)}}`);
    expect(normalize(JSON.parse(text), () => 'f', text)).toEqual({ ok: false, reason: `nested more than ${MAX_NESTING} levels deep; skipped` });
  });

  it('takes the text as a bound only: many brackets in strings do not refuse a shallow event', () => {
    const event = { ...base, displayMessage: '['.repeat(5000) };
    const text = JSON.stringify(event);
    expect(normalize(JSON.parse(text), () => 'f', text).ok).toBe(true);
  });

  it('accepts an event right at the limit', () => {
    const r = normalize({ ...base, debugContext: nested(MAX_NESTING - 1) }, () => 'f');
    expect(r.ok).toBe(true);
    const text = JSON.stringify({ ...base, debugContext: nested(MAX_NESTING - 1) });
    expect(normalize(JSON.parse(text), () => 'f', text).ok).toBe(true);
  });
});
