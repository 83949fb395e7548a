// Gzip member framing: headers with every optional field, cut-short headers, trailer checks.
import { gzipSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readGzipHeader, trailerProblem } from '../../src/input/gzip-member.js';

/** A header with the given flags and optional fields, as RFC 1952 lays it out. */
function header(opts: { extra?: Buffer; name?: string; comment?: string; hcrc?: boolean }): Buffer {
  let flags = 0;
  const parts: Buffer[] = [];
  if (opts.extra) {
    flags |= 4;
    const len = Buffer.alloc(2);
    len.writeUInt16LE(opts.extra.length);
    parts.push(len, opts.extra);
  }
  if (opts.name !== undefined) {
    flags |= 8;
    parts.push(Buffer.from(opts.name + '\0', 'latin1'));
  }
  if (opts.comment !== undefined) {
    flags |= 16;
    parts.push(Buffer.from(opts.comment + '\0', 'latin1'));
  }
  if (opts.hcrc) {
    flags |= 2;
    parts.push(Buffer.from([0xab, 0xcd]));
  }
  return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3]), ...parts]);
}

describe('readGzipHeader', () => {
  it('reads the plain header gzip writes', () => {
    expect(readGzipHeader(gzipSync('x'))).toEqual({ kind: 'ok', length: 10 });
  });

  it('skips the extra field, file name, comment and header CRC', () => {
    const h = header({ extra: Buffer.from('abcdef'), name: 'export.json', comment: 'from the SIEM', hcrc: true });
    expect(readGzipHeader(Buffer.concat([h, Buffer.from('deflate data')]))).toEqual({ kind: 'ok', length: h.length });
  });

  it('asks for more bytes at every cut inside a header', () => {
    const h = header({ extra: Buffer.from('abcdef'), name: 'export.json', comment: 'c', hcrc: true });
    for (let cut = 0; cut < h.length; cut++) expect(readGzipHeader(h.subarray(0, cut)), `cut at ${cut}`).toEqual({ kind: 'more' });
  });

  it('refuses what is not a deflate member', () => {
    expect(readGzipHeader(Buffer.from('garbage!garbage!'))).toMatchObject({ kind: 'bad' });
    expect(readGzipHeader(Buffer.from([0x1f, 0x00]))).toMatchObject({ kind: 'bad' });
    expect(readGzipHeader(Buffer.from([0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 3]))).toEqual({ kind: 'bad', reason: 'unknown gzip compression method 7' });
    expect(readGzipHeader(Buffer.from([0x1f, 0x8b, 8, 0x20, 0, 0, 0, 0, 0, 3]))).toMatchObject({ kind: 'bad' });
  });
});

describe('trailerProblem', () => {
  const data = Buffer.from('{"eventType":"system.api_token.revoke"}\n');
  const gz = gzipSync(data);
  const trailer = gz.subarray(gz.length - 8);

  it('accepts the CRC-32 and length gzip wrote', () => {
    expect(trailerProblem(trailer, crc32(data), data.length)).toBeNull();
  });

  it('names the check that fails', () => {
    expect(trailerProblem(trailer, crc32(data) ^ 1, data.length)).toBe('CRC-32');
    expect(trailerProblem(trailer, crc32(data), data.length + 1)).toBe('length');
  });

  it('compares lengths modulo 2^32, as gzip stores them', () => {
    const t = Buffer.from(trailer);
    t.writeUInt32LE(5, 4);
    expect(trailerProblem(t, crc32(data), 2 ** 32 + 5)).toBeNull();
  });
});
