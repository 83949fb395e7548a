// ValueHashes: rules out raw values that are none of a set, never one that is.
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/bytes/fnv.js';
import { ValueHashes } from '../../src/bytes/value-hashes.js';
import { readString } from '../../src/bytes/json-bytes.js';

describe('ValueHashes', () => {
  const values = ['198.51.100.23', '00uAnn4dm1nQ7xk2d5d7', 'Jörg'];
  const set = new ValueHashes(values);
  const at = (text: string) => {
    const b = Buffer.from(`"${text}"`);
    return set.mayHold(b, 1, b.length - 1);
  };

  it('holds every value (including non-ASCII ones, by their UTF-8 bytes)', () => {
    for (const v of values) expect(at(v)).toBe(true);
  });

  it('rules out other values, of the same length or not', () => {
    for (const v of ['198.51.100.24', '198.51.100.2', '00uAnn4dm1nQ7xk2d5d8', 'Jorg', '']) expect(at(v)).toBe(false);
  });

  it('is FNV-1a over the byte range only', () => {
    const b = Buffer.from('xxabcxx');
    expect(fnv1a(b, 2, 5)).toBe(fnv1a(Buffer.from('abc'), 0, 3));
    expect(fnv1a(b, 0, 0)).toBe(0x811c9dc5);
  });

  it('readString with a filter: a ruled-out string is undefined (no candidate), a held one is read, an escape is still unsure', () => {
    const f = new ValueHashes(['a.b']);
    const read = (json: string, depth: 0 | 1 = 0) => readString(Buffer.from(json), 0, json.length, depth, f);
    expect(read('"a.b"')).toBe('a.b');
    expect(read('"a.c"')).toBeUndefined();
    expect(read('"a\\u002eb"')).toBeNull();
    expect(read('\\"a.b\\"', 1)).toBe('a.b');
    expect(read('\\"x.y\\"', 1)).toBeUndefined();
  });
});
