// Block reader: plain inputs give back their bytes; a giant record is read in doubling blocks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, openBlocks } from '../../src/input/blocks.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-blocks-'));
let files = 0;
function file(content: Buffer): string {
  const p = join(dir, `f${files++}`);
  writeFileSync(p, content);
  return p;
}

interface Drained {
  bytes: Buffer;
  errors: { at: number; error: string }[];
  blocks: number;
}

/** Reads every block; `keep` says how many bytes of each block the caller hands back (a giant record). */
async function drain(path: string, keep: (buf: Buffer) => number = () => 0): Promise<Drained> {
  const r = await openBlocks(path);
  const parts: Buffer[] = [];
  const errors: Drained['errors'] = [];
  let leftover = Buffer.alloc(0);
  let at = 0;
  let blocks = 0;
  try {
    for (;;) {
      const b = await r.next(leftover);
      if (!b) break;
      blocks++;
      const k = b.eof ? 0 : keep(b.buf);
      parts.push(Buffer.from(b.buf.subarray(0, b.buf.length - k)));
      at += b.buf.length - k;
      if (b.error) errors.push({ at: at + k, error: b.error });
      leftover = b.buf.subarray(b.buf.length - k);
      if (b.eof) break;
    }
  } finally {
    await r.close();
  }
  return { bytes: Buffer.concat(parts), errors, blocks };
}

/** Text that compresses like an export: varied lines of JSON. */
function exportText(lines: number): Buffer {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(JSON.stringify({ uuid: `u-${i}`, eventType: 'user.session.start', n: (i * 7919) % 10007, s: 'Jörg Weiß '.repeat(i % 5) }));
  return Buffer.from(out.join('\n') + '\n');
}

const text = exportText(60_000); // about 4 MiB: several blocks

describe('plain files', () => {
  it('gives back every byte, block by block', async () => {
    const r = await drain(file(text));
    expect(r.bytes.equals(text)).toBe(true);
    expect(r.errors).toEqual([]);
  });

  it('a giant record (no block boundary consumed) is read in a few doubling blocks, not one block at a time', async () => {
    const big = Buffer.alloc(40 * BLOCK_SIZE, 0x61);
    const r = await drain(file(big), (buf) => buf.length);
    expect(r.bytes.equals(big)).toBe(true);
    expect(r.blocks).toBeLessThanOrEqual(8); // 1, 2, 4 … 64 MiB: log2(40) + 2
  });
});
