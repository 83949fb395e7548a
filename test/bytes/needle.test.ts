// Needle: the window search finds exactly what Buffer.indexOf finds, and the window and the way to search it are chosen by the measured rules.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOnly, learnByteFrequencies, MAX_LINEAR_PATTERN, Needle, needleWindow } from '../../src/bytes/needle.js';

function all(find: (from: number) => number): number[] {
  const out: number[] = [];
  let p = find(0);
  while (p >= 0) {
    out.push(p);
    p = find(p + 1);
  }
  return out;
}

/** The window's bytes, as text. */
function windowOf(needle: string, freq: Float64Array): string {
  const { at, end } = needleWindow(Buffer.from(needle), freq);
  return needle.slice(at, end);
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
  it('finds a needle whose window is at its end, and one cut off by the end of the buffer', () => {
    const freq = learnByteFrequencies(Buffer.from('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaZ'));
    const n = new Needle('aaaaaaaaaZ', freq);
    expect(needleWindow(n.bytes, freq)).toEqual({ at: 9, end: 10 });
    expect(n.indexIn(Buffer.from('aaaaaaaaaaaZaaZ'), 0)).toBe(2);
    expect(n.indexIn(Buffer.from('aaZaaaaaaaaaaaaaaaaaZ'), 0)).toBe(11);
    const m = new Needle('Zaaaaaaaaaa', freq);
    expect(m.indexIn(Buffer.from('xxZaaaaaaaaa'), 0)).toBe(-1);
  });
  it('finds what Buffer.indexOf finds for any needle, text, frequencies and start', () => {
    const bytes = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((a) => Buffer.from(a.map((b) => 97 + (b % 4))));
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 12 }), fc.nat(300), fc.nat(300), fc.uint8Array({ minLength: 4, maxLength: 4 }), (hay, len, start, from, weights) => {
        const needle = hay.length > 0 ? hay.subarray(start % hay.length, (start % hay.length) + len) : Buffer.from('ab');
        const freq = new Float64Array(256);
        for (let i = 0; i < 4; i++) freq[97 + i] = weights[i]! / 255;
        const f = from % (hay.length + 1);
        // Through the window, and (the sample decides) on the window's first byte alone.
        expect(new Needle(Buffer.from(needle), freq).indexIn(hay, f)).toBe(hay.indexOf(needle, f));
        expect(new Needle(Buffer.from(needle), freq, hay).indexIn(hay, f)).toBe(hay.indexOf(needle, f));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('needleWindow', () => {
  // Frequencies of an Okta export (the sample's first block): `q`, `_` and `f` are the rarest bytes of these needles.
  const okta = learnByteFrequencies(readFileSync('samples/okta-export.ndjson'));

  it('starts at the rarest byte and never spans more than MAX_LINEAR_PATTERN bytes', () => {
    expect(windowOf('requestApiTokenId', okta)).toBe('questAp');
    expect(windowOf('system.api_token.revoke', okta)).toBe('_token.');
    expect(windowOf('user.lifecycle.', okta)).toBe('fecycle');
  });

  it('is the whole needle when it is short and starts with its rarest byte (plain Buffer.indexOf)', () => {
    expect(needleWindow(Buffer.from('fecycle'), okta)).toEqual({ at: 0, end: 7 });
    expect(needleWindow(Buffer.from('_token.'), okta)).toEqual({ at: 0, end: 7 });
  });

  it('cuts a long needle whose first byte is the rarest to its first MAX_LINEAR_PATTERN bytes (no Boyer-Moore-Horspool)', () => {
    expect(MAX_LINEAR_PATTERN).toBe(7);
    expect(windowOf('_token.revoke', okta)).toBe('_token.');
  });

  it('takes the first of equally rare bytes', () => {
    const freq = new Float64Array(256);
    expect(needleWindow(Buffer.from('abcabc'), freq)).toEqual({ at: 0, end: 6 });
    freq[0x61] = 0.5;
    expect(needleWindow(Buffer.from('abcabc'), freq)).toEqual({ at: 1, end: 6 });
  });
});

describe('anchorOnly', () => {
  const okta = readFileSync('samples/okta-export.ndjson');
  const pretty = readFileSync('samples/okta-export-pretty.json');

  it('searches a window that rules out most of its first byte\'s occurrences (`questAp` of requestApiTokenId)', () => {
    const needle = Buffer.from('requestApiTokenId');
    expect(anchorOnly(needle, needleWindow(needle, learnByteFrequencies(okta)), okta)).toBe(false);
  });

  it('searches the first byte alone when the window matches at most of them (`{` then a newline in a pretty array)', () => {
    const marker = Buffer.from('\n  {\n');
    const w = needleWindow(marker, learnByteFrequencies(pretty));
    expect(marker.toString('latin1', w.at, w.end)).toBe('{\n');
    expect(anchorOnly(marker, w, pretty)).toBe(true);
    const n = new Needle(marker, learnByteFrequencies(pretty), pretty);
    expect(all((f) => n.indexIn(pretty, f))).toEqual(all((f) => pretty.indexOf(marker, f)));
  });

  it('never for a needle searched whole', () => {
    const needle = Buffer.from('{\n');
    expect(anchorOnly(needle, { at: 0, end: 2 }, pretty)).toBe(false);
  });
});
