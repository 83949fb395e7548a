// Spill files: candidate batches written in order and read back exactly; a failed write says so.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeQuietly, openIndexFile } from '../../../src/scan/fast/record-index.js';
import { readSpilled, SpillWriter, type RawRecordsBatch, type RecordsBatch } from '../../../src/scan/fast/spill.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-spill-'));

/** A batch as the worker holds it: the records' bytes one after another. */
function raw(b: RecordsBatch): RawRecordsBatch {
  const parts = b.texts.map((t) => Buffer.from(t, 'utf8'));
  return { bytes: Buffer.concat(parts), lengths: parts.map((p) => p.length), offsets: b.offsets, lines: b.lines, marks: b.marks };
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SpillWriter and readSpilled', () => {
  it('give back each batch exactly, texts with any characters included', () => {
    const fd = openIndexFile()!;
    try {
      const w = new SpillWriter(fd);
      const a = { texts: ['{"a":"é\\n"}', '{"b":"日本 \u2028 😀"}'], offsets: [0, 5_000_000_000], lines: [1, 0], marks: [1, 9] };
      const b = { texts: ['{"c":"' + 'x'.repeat(100_000) + '"}'], offsets: [7], lines: [3], marks: [2] };
      const at = [w.write(raw(a))!, w.write(raw(b))!];
      expect(at[1]!.position).toBe(at[0]!.position + at[0]!.bytes);
      expect(readSpilled(fd, at[1]!)).toEqual(b);
      expect(readSpilled(fd, at[0]!)).toEqual(a);
    } finally {
      closeQuietly(fd);
    }
  });

  it('writes records as read: bytes that are not UTF-8 are decoded (as U+FFFD) only when read back', () => {
    const fd = openIndexFile()!;
    try {
      const w = new SpillWriter(fd);
      const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xc3]), Buffer.from('"}{"b":1}')]);
      const at = w.write({ bytes, lengths: [10, 7], offsets: [0, 10], lines: [1, 2], marks: [8, 1] })!;
      expect(at.bytes).toBeGreaterThan(bytes.length);
      expect(readSpilled(fd, at)).toEqual({ texts: [bytes.toString('utf8', 0, 10), '{"b":1}'], offsets: [0, 10], lines: [1, 2], marks: [8, 1] });
      expect(readSpilled(fd, at).texts[0]).toBe('{"a":"\ufffd\ufffd"}');
    } finally {
      closeQuietly(fd);
    }
  });

  it('reports a failed write (a full disk) so the worker waits instead', () => {
    const path = join(dir, 'ro');
    writeFileSync(path, '');
    const ro = openSync(path, 'r');
    try {
      const w = new SpillWriter(ro);
      expect(w.write(raw({ texts: ['{}'], offsets: [0], lines: [1], marks: [1] }))).toBeNull();
      expect(w.failed).toBe(true);
    } finally {
      closeSync(ro);
    }
  });
});
