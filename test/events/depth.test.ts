// Nesting depth: measured without recursion at any depth; records too deep for output are refused.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestedDeeperThan } from '../../src/events/depth.js';
import { normalize } from '../../src/events/normalize.js';

/** `{"a":[{"a":[…]}]}` with `levels` levels of objects and arrays, built by JSON.parse. */
function nested(levels: number): unknown {
  let text = '';
  for (let i = 0; i < levels; i++) text += i % 2 === 0 ? '{"a":' : '[';
  text += '1';
  for (let i = levels - 1; i >= 0; i--) text += i % 2 === 0 ? '}' : ']';
  return JSON.parse(text);
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

describe('normalize and nesting', () => {
  const base = { uuid: 'u', eventType: 'x.y', published: '2024-01-01T00:00:00Z' };

  it('refuses an event nested deeper than MAX_NESTING, which no output could serialise', () => {
    const deep = { ...base, debugContext: nested(10_000) };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(normalize(deep, () => 'f')).toEqual({ ok: false, reason: `nested more than ${MAX_NESTING} levels deep; skipped` });
  });

  it('accepts an event right at the limit', () => {
    const r = normalize({ ...base, debugContext: nested(MAX_NESTING - 1) }, () => 'f');
    expect(r.ok).toBe(true);
  });
});
