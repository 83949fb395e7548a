// Needle: anchored search finds exactly what Buffer.indexOf finds, whatever the anchor.
import { describe, expect, it } from 'vitest';
import { learnByteFrequencies, Needle } from '../../src/bytes/needle.js';

function all(find: (from: number) => number): number[] {
  const out: number[] = [];
  let p = find(0);
  while (p >= 0) {
    out.push(p);
    p = find(p + 1);
  }
  return out;
}

describe('Needle', () => {
  const text = Buffer.from(
    '{"eventType":"system.api_token.revoke"}{"x":"system.api_token.revok"}system.api_token.revoke'.repeat(50) + 'xx_token.revoke',
  );
  it.each(['system.api_token.revoke', '_token', 'e', 'zz', 'revoke"}', 'xx_token.revoke'])('finds every %s like Buffer.indexOf', (n) => {
    const expected = all((f) => text.indexOf(n, f));
    const tuned = new Needle(n, learnByteFrequencies(text));
    expect(all((f) => tuned.indexIn(text, f))).toEqual(expected);
    const untuned = new Needle(n);
    expect(all((f) => untuned.indexIn(text, f))).toEqual(expected);
  });
  it('handles a needle at the very end and beyond', () => {
    const n = new Needle('abc', learnByteFrequencies(Buffer.from('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzabc')));
    expect(n.indexIn(Buffer.from('zzab'), 0)).toBe(-1);
    expect(n.indexIn(Buffer.from('zzabc'), 0)).toBe(2);
    expect(n.indexIn(Buffer.from('zzabc'), 3)).toBe(-1);
  });
});
