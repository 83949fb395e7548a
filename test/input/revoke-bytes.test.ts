// The revocation event type in raw bytes: in one range, and across the pieces of a record that streams by.
import { describe, expect, it } from 'vitest';
import { namesRevocation, RevocationWatch } from '../../src/input/revoke-bytes.js';

const text = '{"eventType":"system.api_token.revoke","x":"aaaa"}';

describe('namesRevocation', () => {
  it('looks only inside the range', () => {
    const buf = Buffer.from(text);
    expect(namesRevocation(buf, 0, buf.length)).toBe(true);
    expect(namesRevocation(buf, 0, 20)).toBe(false);
    expect(namesRevocation(buf, 20, buf.length)).toBe(false);
    expect(namesRevocation(Buffer.from('{"eventType":"system.api_token.create"}'), 0, 38)).toBe(false);
  });
});

describe('RevocationWatch', () => {
  it('finds the needle split over pieces at every seam, and forgets on reset', () => {
    const buf = Buffer.from(text);
    for (let cut = 1; cut < buf.length; cut++) {
      for (const step of [1, 3, 7]) {
        const w = new RevocationWatch();
        w.feed(buf, 0, cut);
        for (let at = cut; at < buf.length; at += step) w.feed(Buffer.from(buf.subarray(at, Math.min(at + step, buf.length))), 0, Math.min(step, buf.length - at));
        expect(w.seen, `cut ${cut} step ${step}`).toBe(true);
      }
    }
    const w = new RevocationWatch();
    w.feed(buf, 0, buf.length);
    w.reset();
    w.feed(Buffer.from('{"x": 1}'), 0, 8);
    expect(w.seen).toBe(false);
  });
});
