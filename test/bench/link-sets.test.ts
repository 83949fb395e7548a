// Link sets of window events and their comparison.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSets, linkKey, originalDigest, readPeerLinks } from '../../bench/link-sets.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-link-sets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('link sets', () => {
  it('keys a window event and digests an original whatever its spacing', () => {
    expect(linkKey('r', 'u', ['token', 'owner'])).toBe('r u token+owner');
    expect(originalDigest(JSON.parse('{ "a" : [1, 2] }'))).toBe(originalDigest({ a: [1, 2] }));
    expect(originalDigest({ a: 1 })).not.toBe(originalDigest({ a: 2 }));
  });

  it('reads the peer\'s lines, with originals only when they carry them', async () => {
    const path = join(dir, 'p.ndjson');
    writeFileSync(path, '{"revocation":"r","uuid":"u","links":["ip"],"event":{"a":1}}\n\n{"revocation":"r","uuid":"v","links":["actor"],"event":{"b":2}}\n');
    const set = await readPeerLinks(path);
    expect([...set.links]).toEqual(['r u ip', 'r v actor']);
    expect(set.originals!.size).toBe(2);
    writeFileSync(path, '{"revocation":"r","uuid":"u","links":["ip"]}\n');
    expect((await readPeerLinks(path)).originals).toBeUndefined();
  });

  it('counts and shows what only one side has', () => {
    const d = compareSets(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd', 'e']), 1);
    expect(d).toEqual({ equal: false, onlyOurs: 1, onlyTheirs: 2, examples: ['ours only:   a', 'theirs only: d'] });
    expect(compareSets(new Set(['a']), new Set(['a'])).equal).toBe(true);
  });
});
