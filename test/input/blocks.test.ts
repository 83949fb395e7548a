// Block reader: plain and gzip inputs give back their bytes; gzip damage costs nothing read before it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOCK_SIZE, openBlocks } from '../../src/input/blocks.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
  let leftover: Buffer = Buffer.alloc(0);
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
const gz = gzipSync(text);

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

describe('gzip', () => {
  it('gives back every byte, with no problem, also when a record spans blocks', async () => {
    expect((await drain(file(gz))).bytes.equals(text)).toBe(true);
    const r = await drain(file(gz), (buf) => buf.length - buf.lastIndexOf(0x0a) - 1);
    expect(r.bytes.equals(text)).toBe(true);
    expect(r.errors).toEqual([]);
  });

  it('a wrong CRC-32 or length: every byte still comes, then the problem at the end of the data', async () => {
    for (const [at, what] of [[8, 'CRC-32'], [4, 'length']] as const) {
      const bad = Buffer.from(gz);
      bad[bad.length - at]! ^= 0xff;
      const r = await drain(file(bad));
      expect(r.bytes.equals(text), what).toBe(true);
      expect(r.errors).toEqual([{ at: text.length, error: expect.stringContaining(`fails its ${what} check`) }]);
    }
  });

  it('bytes after the data are reported and ignored; zero padding is fine', async () => {
    const r = await drain(file(Buffer.concat([gz, Buffer.from('<html>not found</html>')])));
    expect(r.bytes.equals(text)).toBe(true);
    expect(r.errors).toEqual([{ at: text.length, error: expect.stringMatching(/^bytes after the gzip data are not gzip/) }]);
    const padded = await drain(file(Buffer.concat([gz, Buffer.alloc(5000)])));
    expect(padded.bytes.equals(text)).toBe(true);
    expect(padded.errors).toEqual([]);
  });

  it('several members (cat a.gz b.gz) read as one stream; a bad member is named where it ends', async () => {
    const a = exportText(3000);
    const b = Buffer.from('{"uuid":"last"}\n');
    const second = gzipSync(b);
    second[second.length - 8]! ^= 1;
    const r = await drain(file(Buffer.concat([gzipSync(a), second, gzipSync(a)])));
    expect(r.bytes.equals(Buffer.concat([a, b, a]))).toBe(true);
    expect(r.errors).toEqual([{ at: a.length + b.length, error: expect.stringContaining('gzip member 2 fails its CRC-32 check') }]);
  });

  it('cut anywhere: every byte zlib can inflate from the prefix comes, then one problem', async () => {
    const small = gzipSync(exportText(2000));
    for (const cut of [3, 10, 11, 100, small.length >> 1, small.length - 9, small.length - 8, small.length - 3, small.length - 1]) {
      const prefix = small.subarray(0, cut);
      const r = await drain(file(prefix));
      const inflatable = cut < 10 ? Buffer.alloc(0) : gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH });
      expect(r.bytes.equals(inflatable), `cut at ${cut}`).toBe(true);
      expect(r.errors, `cut at ${cut}`).toHaveLength(1);
      expect(r.errors[0]!.error).toMatch(/cut short/);
    }
  });

  it('a decompression bomb is inflated in small pieces: no block is much larger than BLOCK_SIZE', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * BLOCK_SIZE, 0x20), { level: 9 });
    const r = await openBlocks(file(bomb));
    let total = 0;
    let largest = 0;
    try {
      for (let b = await r.next(Buffer.alloc(0)); b; b = b.eof ? null : await r.next(Buffer.alloc(0))) {
        total += b.buf.length;
        largest = Math.max(largest, b.buf.length);
      }
    } finally {
      await r.close();
    }
    expect(total).toBe(64 * BLOCK_SIZE);
    expect(largest).toBeLessThanOrEqual(BLOCK_SIZE + 5 * 1024 * 1024);
  });
});

describe('plain reads and the event loop', () => {
  it('give timers and signals a turn while a large file is read (reads are synchronous)', async () => {
    const content = Buffer.alloc(20 * BLOCK_SIZE, 0x61);
    const path = file(content);
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    try {
      const r = await openBlocks(path);
      let blocks = 0;
      let first = -1;
      let last = -1;
      for (let b = await r.next(Buffer.alloc(0)); b; b = await r.next(Buffer.alloc(0))) {
        blocks++;
        if (first < 0) first = turns;
        if (!b.eof) last = turns;
      }
      await r.close();
      expect(blocks).toBe(20);
      // Between the first and the last block the timer ran: the loop was not starved.
      expect(last - first).toBeGreaterThan(0);
    } finally {
      clearInterval(tick);
    }
  });
});
