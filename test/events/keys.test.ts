// Canonical key spellings: pipeline variants (eventtype, event_type, EventType) map to Okta's camelCase.
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS, canonicalize, canonicalKey, hasCanonicalKeys } from '../../src/events/keys.js';

describe('canonicalKey', () => {
  it('gives each Okta key for itself and for its lowercased, snake_cased and capitalised variants', () => {
    for (const k of CANONICAL_KEYS) {
      expect(canonicalKey(k)).toBe(k);
      expect(canonicalKey(k.toLowerCase())).toBe(k);
      expect(canonicalKey(k.toUpperCase())).toBe(k);
      expect(canonicalKey(k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))).toBe(k);
    }
  });

  it('no two Okta keys fold alike (a key spelled as Okta spells it is its own canonical spelling)', () => {
    const folded = CANONICAL_KEYS.map((k) => k.replace(/_/g, '').toLowerCase());
    expect(new Set(folded).size).toBe(CANONICAL_KEYS.length);
  });

  it('leaves other keys alone', () => {
    expect(canonicalKey('custom_field')).toBe('custom_field');
    expect(canonicalKey('__proto__')).toBe('__proto__');
  });
});

describe('hasCanonicalKeys', () => {
  it('is true when every Okta key is spelled as Okta spells it, whatever other keys there are', () => {
    expect(hasCanonicalKeys({ uuid: 'u', eventType: 'x', published: 't', custom: 1 })).toBe(true);
    expect(hasCanonicalKeys({})).toBe(true);
  });

  it('is false as soon as one key is a variant', () => {
    expect(hasCanonicalKeys({ uuid: 'u', eventtype: 'x' })).toBe(false);
    expect(hasCanonicalKeys({ event_type: 'x' })).toBe(false);
    expect(hasCanonicalKeys({ EventType: 'x', uuid: 'u' })).toBe(false);
  });
});

describe('canonicalize', () => {
  it('renames variants at every depth; a canonical key present too wins over its variant', () => {
    expect(canonicalize({ event_type: 'a', client: { ipaddress: '192.0.2.1' }, target: [{ display_name: 'T' }], eventType: 'b' })).toEqual({
      eventType: 'b',
      client: { ipAddress: '192.0.2.1' },
      target: [{ displayName: 'T' }],
    });
  });
});
