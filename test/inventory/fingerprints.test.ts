// Fingerprints: an event identity is added once; different identities never collide in practice; growing keeps them all.
import { describe, expect, it } from 'vitest';
import { Fingerprints } from '../../src/inventory/fingerprints.js';

describe('Fingerprints', () => {
  it('says whether an identity is new', () => {
    const f = new Fingerprints();
    expect(f.add('u1', 'system.api_token.create', 1)).toBe(true);
    expect(f.add('u1', 'system.api_token.create', 1)).toBe(false);
    // The same uuid on another type or at another time is another event.
    expect(f.add('u1', 'system.api_token.revoke', 1)).toBe(true);
    expect(f.add('u1', 'system.api_token.create', 2)).toBe(true);
    expect(f.size).toBe(3);
  });

  it('tells identities apart however their parts are cut, and times 2³² ms apart', () => {
    const f = new Fingerprints();
    expect(f.add('ab', 'c', 1)).toBe(true);
    expect(f.add('a', 'bc', 1)).toBe(true);
    expect(f.add('abc', '', 1)).toBe(true);
    expect(f.add('', 'abc', 1)).toBe(true);
    expect(f.add('ab', 'c', 1 + 2 ** 32)).toBe(true);
    expect(f.add('ab', 'c', -1)).toBe(true);
    expect(f.add('ab', 'c', 1 + 2 ** 32)).toBe(false);
    expect(f.size).toBe(6);
  });

  it('keeps 100,000 identities through every growth, and knows each again', () => {
    const f = new Fingerprints();
    let added = 0;
    for (let i = 0; i < 100_000; i++) if (f.add(`uuid-${i}`, 'group.user_membership.add', 1_700_000_000_000 + i)) added++;
    expect(added).toBe(100_000);
    expect(f.size).toBe(100_000);
    let again = 0;
    for (let i = 0; i < 100_000; i++) if (!f.add(`uuid-${i}`, 'group.user_membership.add', 1_700_000_000_000 + i)) again++;
    expect(again).toBe(100_000);
  });
});
