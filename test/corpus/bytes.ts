// Byte-level damage: NUL bytes, invalid UTF-8, lone surrogates, BOMs, CR line ends, random flips.
import type { CorpusCase } from './case.js';
import { assembleCase, broken, insertBytesInValue, insertInValue, ok, sample, sampleWith, type Piece } from './build.js';
import { AT, RECORDS } from './sample.js';

const group = 'bytes';
const R = RECORDS;

/** Where damage goes: outside every window, a window event, the owner's create, a revocation. */
const TARGETS = { far: AT.after, window: AT.tokenCall, create: AT.create, revoke: AT.firstRevoke } as const;

/** Invalid UTF-8 sequences, each inside a string value (the record stays usable, with U+FFFD). */
const BAD_UTF8: Record<string, number[]> = {
  'ff': [0xff],
  'lone-continuation': [0x80],
  'cut-3-byte': [0xe2, 0x82],
  'overlong-slash': [0xc0, 0xaf],
  'utf8-surrogate': [0xed, 0xa0, 0x80],
  '5-byte-lead': [0xf8, 0x88, 0x80, 0x80, 0x80],
};

/** A tiny deterministic PRNG (the corpus must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** One byte of record `i` changed or inserted; the generator decides with JSON.parse whether it survives. */
function mutated(i: number, bytes: Buffer, what: string): Piece {
  const text = bytes.toString('utf8');
  const original = JSON.parse(R[i]!) as Record<string, unknown>;
  let value: Record<string, unknown> | null = null;
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) value = v as Record<string, unknown>;
  } catch {
    value = null;
  }
  const usable = value !== null && value.eventType === original.eventType && value.published === original.published && value.uuid === original.uuid && !text.includes('\n');
  return usable ? { bytes, good: JSON.stringify(value) } : broken(bytes, what);
}

/** Flips and insertions at pseudo-random places of a record outside every window. */
function randomDamage(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const next = rng(7);
  const i = TARGETS.far;
  const original = Buffer.from(R[i]!);
  const inserts = [0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c, 0x2c, 0x3a, 0x00, 0xff, 0x0a, 0x20];
  for (let n = 0; n < 12; n++) {
    const at = 1 + Math.floor(next() * (original.length - 2));
    const flipped = Buffer.from(original);
    flipped[at] = flipped[at]! ^ (1 << Math.floor(next() * 8));
    out.push(assembleCase({ name: `bytes-flip-${n}-at-${at}`, group }, sampleWith(i, mutated(i, flipped, `byte ${at} flipped`))));
    const b = inserts[n]!;
    const inserted = Buffer.concat([original.subarray(0, at), Buffer.from([b]), original.subarray(at)]);
    out.push(assembleCase({ name: `bytes-insert-${b.toString(16)}-at-${at}`, group }, sampleWith(i, mutated(i, inserted, `byte 0x${b.toString(16)} inserted at ${at}`))));
  }
  return out;
}

/** Every byte-level case. */
export function byteCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const add = (name: string, pieces: Piece[], layout?: Parameters<typeof assembleCase>[2]) => out.push(assembleCase({ name: `bytes-${name}`, group }, pieces, layout));

  for (const [where, i] of Object.entries(TARGETS)) {
    add(`nul-in-string-${where}`, sampleWith(i, broken(insertInValue(R[i]!, 'alternateId', '\u0000'), 'NUL in a string')));
    add(`nul-after-brace-${where}`, sampleWith(i, broken('{\u0000' + R[i]!.slice(1), 'NUL between tokens')));
    for (const [kind, seq] of Object.entries(BAD_UTF8)) {
      add(`utf8-${kind}-${where}`, sampleWith(i, { bytes: insertBytesInValue(R[i]!, 'displayName', seq), good: true }));
    }
    add(`bom-in-string-${where}`, sampleWith(i, ok(insertInValue(R[i]!, 'displayName', '\uFEFF'))));
    add(`bom-between-tokens-${where}`, sampleWith(i, broken('{\uFEFF' + R[i]!.slice(1), 'BOM between tokens')));
    add(`escaped-nul-${where}`, sampleWith(i, ok(insertInValue(R[i]!, 'displayName', '\\u0000'))));
  }
  // Lone and reversed surrogates in \u escapes: valid JSON, usable text (the token's name here).
  for (const [kind, esc] of Object.entries({ high: '\\ud800', low: '\\udc00', reversed: '\\udc00\\ud800', 'high-then-ascii': '\\ud83d\\u0041' })) {
    const target = R[AT.firstRevoke]!.replace('"displayName":"ci-deploy"', `"displayName":"ci-${esc}deploy"`);
    if (target === R[AT.firstRevoke]) throw new Error('token name not found');
    add(`lone-surrogate-${kind}-token-name`, sampleWith(AT.firstRevoke, ok(target)));
    add(`lone-surrogate-${kind}-actor`, sampleWith(AT.tokenCall, ok(insertInValue(R[AT.tokenCall]!, 'alternateId', esc))));
  }
  add('nul-line-between-records', [...sample(0, 10), broken('\u0000\u0000\u0000', 'a line of NUL bytes'), ...sample(10)]);
  add('ff-line-between-records', [...sample(0, 10), broken(Buffer.from([0xff, 0xfe, 0xfd]), 'a line of invalid UTF-8'), ...sample(10)]);
  add('bom-at-line-start', [...sample(0, 20), { bytes: '\uFEFF' + R[20]!, good: R[20]! }, ...sample(21)]);
  add('bom-every-line', R.map((r) => ({ bytes: '\uFEFF' + r, good: r })));
  add('bom-only-line', [...sample(0, 20), { bytes: '\uFEFF' }, ...sample(20)]);
  add('cr-only-line-ends', sample(), { sep: '\r', close: '\r' });
  add('crlf-line-ends', sample(), { sep: '\r\n', close: '\r\n' });
  add('blank-lines-and-tabs', sample().map((p) => ok(`\t ${p.bytes as string} \t`)), { sep: '\n\n \t\n', close: '\n\n' });
  out.push(...randomDamage());
  return out;
}
