// Originals held by reference are read once however many windows hold them, and kept no longer than needed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordHash, SourceFile } from '../../src/input/record-source.js';
import type { RecordRef } from '../../src/model/original.js';
import { OriginalStore } from '../../src/scan/originals.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-orig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = ['{"uuid":"a"}', '{"uuid":"bb"}'];
const path = join(dir, 'in.ndjson');
writeFileSync(path, records.join('\n') + '\n');
const refs: RecordRef[] = records.map((r, i) => {
  const offset = records.slice(0, i).reduce((n, x) => n + x.length + 1, 0);
  return { input: 3, offset, length: r.length, check: recordHash(Buffer.from(r), 0, r.length) };
});

describe('OriginalStore', () => {
  it('reads a record held by three windows once', () => {
    const store = new OriginalStore(new Map([[3, new SourceFile(path, 'in.ndjson')]]));
    for (let i = 0; i < 3; i++) store.expect(refs[0]!);
    store.expect(refs[1]!);
    expect([store.text(refs[0]!), store.text(refs[1]!), store.text(refs[0]!), store.text(refs[0]!)]).toEqual([records[0], records[1], records[0], records[0]]);
    expect(store.reads).toBe(2);
    // Read more often than expected: read again, still right.
    expect(store.text(refs[0]!)).toBe(records[0]);
    expect(store.reads).toBe(3);
    store.close();
  });

  it('prepares a record held by three windows once, and keeps it prepared', () => {
    const store = new OriginalStore(new Map([[3, new SourceFile(path, 'in.ndjson')]]));
    for (let i = 0; i < 3; i++) store.expect(refs[0]!);
    const prepared: string[] = [];
    const prepare = (text: string) => (prepared.push(text), `<${text}>`);
    expect([0, 1, 2].map(() => store.text(refs[0]!, prepare))).toEqual(Array(3).fill(`<${records[0]}>`));
    expect(prepared).toEqual([records[0]]);
    expect(store.reads).toBe(1);
    store.close();
  });

  it('reads a record again for a reader that asks for it prepared another way', () => {
    const store = new OriginalStore(new Map([[3, new SourceFile(path, 'in.ndjson')]]));
    for (let i = 0; i < 3; i++) store.expect(refs[1]!);
    const upper = (text: string) => text.toUpperCase();
    expect(store.text(refs[1]!, upper)).toBe(records[1]!.toUpperCase());
    expect(store.text(refs[1]!)).toBe(records[1]);
    expect(store.text(refs[1]!)).toBe(records[1]);
    expect(store.reads).toBe(2);
    store.close();
  });

  it('reads every time when nothing was expected', () => {
    const store = new OriginalStore(new Map([[3, new SourceFile(path, 'in.ndjson')]]));
    store.text(refs[1]!);
    store.text(refs[1]!);
    expect(store.reads).toBe(2);
    store.close();
  });

  it('refuses a reference to an input it does not hold', () => {
    const store = new OriginalStore(new Map());
    expect(() => store.text(refs[0]!)).toThrow(/no input 3/);
  });
});
