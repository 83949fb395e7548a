// Prefilter: marks exactly the records that may hold a needle, including behind \u escapes.
import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../../src/input/batch.js';
import { batchOf } from '../../helpers/batch.js';
import { Mark, Prefilter, recordAt } from '../../../src/scan/fast/prefilter.js';

function marked(p: Prefilter, records: string[]): number[] {
  const b = batchOf(records);
  const marks = new Uint8Array(records.length);
  p.mark(b, marks);
  return [...marks];
}

describe('Prefilter', () => {
  const p = new Prefilter(['system.api_token.revoke']);
  it('marks records containing the needle and no others', () => {
    const m = marked(p, ['{"eventType":"user.session.start"}', '{"eventType":"system.api_token.revoke"}', '{"x":"system.api_token.revoke and again system.api_token.revoke"}', '{}']);
    expect(m.map((x) => x & Mark.Needle)).toEqual([0, 1, 1, 0]);
  });
  it('finds needles behind escapes of their characters, not behind other escapes', () => {
    const m = marked(p, ['{"eventType":"system.api\\u005ftoken.revoke"}', '{"u":"a\\u0026b"}', '{"u":"C:\\\\users"}']);
    expect(m.map((x) => x !== 0)).toEqual([true, false, false]);
  });
  it('finds needles behind escapes inside an event carried as JSON text', () => {
    // `\\u005f` is a literal backslash in plain JSON, but `_` once the message string is parsed.
    const m = marked(p, ['{"message":"{\\"eventType\\":\\"system.api\\\\u005ftoken.revoke\\"}"}', '{"message":"{\\"u\\":\\"a\\\\u0026\\"}"}']);
    expect(m.map((x) => x !== 0)).toEqual([true, false]);
  });
  it('sweeps lowercased needles only in inputs written with lowercased keys', () => {
    const k = () => new Prefilter(['requestApiTokenId']);
    expect(marked(k(), ['{"eventType":"x","transaction":{"detail":{"requestapitokenid":"00T1"}}}'])).toEqual([0]);
    expect(marked(k(), ['{"eventtype":"x","transaction":{"detail":{"requestapitokenid":"00T1"}}}'])).toEqual([1]);
  });
  it('drops needles that contain another needle', () => {
    expect(new Prefilter(['system.api_token.revoke', '_token.']).size).toBe(1);
  });
  it('marks NUL bytes and invalid UTF-8 for parsing', () => {
    const b = new RecordBatch();
    const buf = Buffer.concat([Buffer.from('{"a":"x\0"}\n{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"a":"ü"}\n')]);
    b.reset(buf, 0);
    b.push(0, 10, 1);
    b.push(11, 20, 2);
    b.push(21, buf.length - 1, 3);
    const marks = new Uint8Array(3);
    p.mark(b, marks);
    expect(marks[0]! & Mark.Nul).toBeTruthy();
    expect(marks[1]! & Mark.BadUtf8).toBeTruthy();
    expect(marks[2]).toBe(0);
  });
  it('a needle spanning two records marks neither', () => {
    const m = marked(new Prefilter(['ab']), ['{"x":"a"}', 'b"}']);
    expect(m).toEqual([0, 0]);
  });
  it('all mode marks everything', () => {
    expect(marked(new Prefilter([], true), ['{}', '{}'])).toEqual([1, 1]);
  });
  it('recordAt finds the record containing an offset', () => {
    const starts = Int32Array.from([0, 10, 20]);
    expect([recordAt(starts, 3, 0), recordAt(starts, 3, 9), recordAt(starts, 3, 10), recordAt(starts, 3, 99)]).toEqual([0, 0, 1, 2]);
  });
});
