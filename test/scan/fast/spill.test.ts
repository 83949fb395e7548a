// Spill files: candidate batches written in order and read back exactly; a failed write says so.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeQuietly, openIndexFile } from '../../../src/scan/fast/record-index.js';
import { readSpilled, SpillWriter } from '../../../src/scan/fast/spill.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SpillWriter and readSpilled', () => {
  it('give back each batch exactly, texts with any characters included', () => {
    const fd = openIndexFile()!;
    try {
      const w = new SpillWriter(fd);
      const a = { texts: ['{"a":"é\\n"}', '{"b":"日本 \u2028 😀"}'], offsets: [0, 5_000_000_000], lines: [1, 0], marks: [1, 9] };
      const b = { texts: ['{"c":"' + 'x'.repeat(100_000) + '"}'], offsets: [7], lines: [3], marks: [2] };
      const at = [w.write(a)!, w.write(b)!];
      expect(at[1]!.position).toBe(at[0]!.position + at[0]!.bytes);
      expect(readSpilled(fd, at[1]!)).toEqual(b);
      expect(readSpilled(fd, at[0]!)).toEqual(a);
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
      expect(w.write({ texts: ['{}'], offsets: [0], lines: [1], marks: [1] })).toBeNull();
      expect(w.failed).toBe(true);
    } finally {
      closeSync(ro);
    }
  });
});
