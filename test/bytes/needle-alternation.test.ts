// One sweep for many needles: same records marked as one sweep per needle, on tricky and random input.
import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../src/input/batch.js';
import { ALTERNATION_MIN_NEEDLES, NeedleAlternation } from '../../src/bytes/needle-alternation.js';
import { Mark, Prefilter } from '../../src/scan/fast/prefilter.js';

function batchOf(records: string[], separator = '\n'): RecordBatch {
  const b = new RecordBatch();
  const buf = Buffer.from(records.join(separator) + separator);
  b.reset(buf, 0);
  let pos = 0;
  records.forEach((r, i) => {
    const len = Buffer.byteLength(r);
    b.push(pos, pos + len, i + 1);
    pos += len + Buffer.byteLength(separator);
  });
  return b;
}

function marked(needles: string[], records: string[], separator?: string): number[] {
  const marks = new Uint8Array(records.length);
  new Prefilter(needles).mark(batchOf(records, separator), marks);
  return [...marks].map((m) => m & Mark.Needle);
}

/** What one sweep per needle marks: the needles that occur inside a record (reference). */
const reference = (needles: string[], records: string[]) => records.map((r) => (needles.some((n) => r.includes(n)) ? Mark.Needle : 0));

const MANY = ['user.session.start', 'zone.delete', 'policy.rule.update', 'a+b(c)', '[x]', 'security.threat.detected', 'token.detect_reuse', 'New Geo-Location=POSITIVE', 'user.account.lock'];

describe('NeedleAlternation', () => {
  it('reports every occurrence left to right, resuming where told', () => {
    const alt = new NeedleAlternation(['ab', 'cd', 'b.c']);
    const buf = Buffer.from('xxabxcdxb.cxab');
    const hits: [number, number][] = [];
    alt.scan(buf, 1, buf.length, (s, e) => (hits.push([s, e]), e));
    expect(hits).toEqual([[2, 4], [5, 7], [8, 11], [12, 14]]);
    const skipping: number[] = [];
    alt.scan(buf, 0, buf.length, (s) => (skipping.push(s), 9));
    expect(skipping).toEqual([2, 12]);
  });

  it('treats regular-expression characters literally and works on bytes', () => {
    const alt = new NeedleAlternation(['a+b(c)', '[x]', Buffer.from('é').toString('latin1')]);
    const buf = Buffer.from('aab(c) a+b(c) x [x] é');
    const hits: number[] = [];
    alt.scan(buf, 0, buf.length, (s, e) => (hits.push(s), e));
    expect(hits).toEqual([7, 16, 20]);
  });
});

describe('Prefilter with many needles', () => {
  it(`uses one sweep from ${ALTERNATION_MIN_NEEDLES} needles on and marks the same records`, () => {
    const records = ['{"eventType":"user.session.start"}', '{"x":"a+b(c)"}', '{"eventType":"user.session.end"}', '{"b":"[x]","c":"zone.delete"}', '{}'];
    expect(MANY.length).toBeGreaterThanOrEqual(ALTERNATION_MIN_NEEDLES);
    expect(marked(MANY, records)).toEqual(reference(MANY, records));
    expect(marked(MANY, records)).toEqual([1, 1, 0, 1, 0]);
  });

  it('a needle spanning two records marks neither, while the next record is still searched', () => {
    const needles = [...MANY, 'x,y'];
    expect(marked(needles, ['{"a":"x', 'y"}', '{"a":"zone.delete"}'], ',')).toEqual([0, 0, 1]);
  });

  it('finds lowercased needles in inputs written with lowercased keys', () => {
    const needles = [...MANY, 'requestApiTokenId'];
    expect(marked(needles, ['{"eventtype":"x","transaction":{"detail":{"requestapitokenid":"00T1"}}}'])).toEqual([1]);
    expect(marked(needles, ['{"eventType":"x","transaction":{"detail":{"requestapitokenid":"00T1"}}}'])).toEqual([0]);
  });

  it('marks exactly what a search per needle marks, on random records', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = 'abcxyz.+[]()_=-';
    const needles = Array.from({ length: 12 }, () => Array.from({ length: 2 + rand(3) }, () => alphabet[rand(alphabet.length)]).join(''));
    expect(new Prefilter(needles).size).toBeGreaterThanOrEqual(ALTERNATION_MIN_NEEDLES);
    for (let round = 0; round < 50; round++) {
      const records = Array.from({ length: 20 }, () => Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join(''));
      const kept = needles.filter((a) => !needles.some((b) => b !== a && a.includes(b)));
      expect(marked(needles, records, ',')).toEqual(reference(kept, records));
    }
  });
});
