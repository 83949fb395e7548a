// The second pass through a record index in the worker thread keeps what the main thread would (built worker, real thread).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordBatch } from '../../../src/input/batch.js';
import type { RecordLocation } from '../../../src/events/types.js';
import { GATHER_BUFFER_CHARS } from '../../../src/scan/fast/gather-read.js';
// The compiled modules: the worker thread runs dist/src/scan/fast/gather-thread.js (npm test builds first).
const DIST = '../../../dist/src/';
const { readIndexedInWorker } = (await import(`${DIST}scan/fast/gather-read.js`)) as typeof import('../../../src/scan/fast/gather-read.js');
const { IndexBuild, readIndexed } = (await import(`${DIST}scan/fast/indexed-read.js`)) as typeof import('../../../src/scan/fast/indexed-read.js');
const { valueHash } = (await import(`${DIST}scan/fast/record-hashes.js`)) as typeof import('../../../src/scan/fast/record-hashes.js');
type RecordHasher = import('../../../src/scan/fast/record-hashes.js').RecordHasher;
const { closeIndexes, selectionFor } = (await import(`${DIST}scan/fast/record-index.js`)) as typeof import('../../../src/scan/fast/record-index.js');
const { SourceFile } = (await import(`${DIST}input/record-source.js`)) as typeof import('../../../src/input/record-source.js');
const { startWorker } = (await import(`${DIST}scan/fast/parallel.js`)) as typeof import('../../../src/scan/fast/parallel.js');

const dir = mkdtempSync(join(tmpdir(), 'ors-gather-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.parse('2024-03-05T13:00:00.000Z');
const h = (s: string) => valueHash(Buffer.from(s), 0, Buffer.byteLength(s));

/**
 * An NDJSON file of `n` records (actors 00uA/00uB/00uC in turn, one second apart, some text
 * non-ASCII) and its record index; every tenth record is forced.
 */
function indexedFile(name: string, n: number) {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ actor: { id: `00u${'ABC'[i % 3]}` }, published: new Date(T0 + i * 1000).toISOString(), uuid: `u-${i}`, displayMessage: i % 4 ? 'plain' : `Zoë ${'é'.repeat(i % 50)}` }),
  );
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  const build = IndexBuild.start()!;
  const batch = new RecordBatch();
  batch.reset(Buffer.alloc(0), 0);
  // The writer only copies the hasher's values: set by hand, for every record at once.
  const hasher = { actor: new Uint32Array(n), ip: new Uint32Array(n), token: new Uint32Array(n), force: new Uint8Array(n) } as unknown as RecordHasher;
  let at = 0;
  lines.forEach((l, i) => {
    const len = Buffer.byteLength(l);
    batch.push(at, at + len, i + 1);
    at += len + 1;
  });
  for (let i = 0; i < n; i++) {
    hasher.actor[i] = h(`00u${'ABC'[i % 3]}`);
    hasher.force[i] = i % 10 === 0 ? 1 : 0;
  }
  build.writer.add(batch, hasher);
  return { path, index: build.finish(n)!, lines };
}

// 00uA from the 100th to the 700th second; 00uB all along, in records naming "Zoë" only.
const selection = selectionFor([
  { kind: 'actor', spans: [['00uA', [[T0 + 100_000, T0 + 700_000]]], ['00uB', [[T0, T0 + 10_000_000, 'Zoë']]]] },
]);

interface Taken {
  text: string;
  where: RecordLocation;
  offset: number;
  length: number;
  check: number;
}

describe('readIndexedInWorker', () => {
  it('hands over the records readIndexed keeps, in the same order, with the same locations and sources', async () => {
    const { path, index } = indexedFile('same.ndjson', 1000);
    try {
      const collect = (list: Taken[]) => (text: string, where: RecordLocation, s: { offset: number; length: number; check: number }) =>
        list.push({ text, where, offset: s.offset, length: s.length, check: s.check });
      const here: Taken[] = [];
      const there: Taken[] = [];
      const file = new SourceFile(path, 'same.ndjson');
      readIndexed(file, index, selection, collect(here));
      const progress: number[] = [];
      await readIndexedInWorker(file, index, selection, collect(there), (_bytes, records) => progress.push(records));
      file.close();
      expect(there).toEqual(here);
      // forced (100), 00uA in its span (200), 00uB with Zoë (84 of 334, less those forced)
      expect(here.length).toBeGreaterThan(300);
      expect(here.some((t) => t.text.includes('é'))).toBe(true);
      expect(progress.at(-1)).toBe(1000);
    } finally {
      closeIndexes([index]);
    }
  });

  it('stops with an input error when the file is shorter than at the first read, after the records before', async () => {
    const { path, index, lines } = indexedFile('short.ndjson', 400);
    try {
      writeFileSync(path, lines.slice(0, 200).join('\n') + '\n');
      const texts: string[] = [];
      const file = new SourceFile(path, 'short.ndjson');
      const error = await readIndexedInWorker(file, index, selection, (t) => texts.push(t)).then(
        () => null,
        (e: unknown) => e as Error & { exitCode?: number },
      );
      file.close();
      expect(error?.name).toBe('InputError');
      expect(error?.exitCode).toBe(3);
      expect(error?.message).toMatch(/short\.ndjson: cannot read it again/);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.every((t) => Number(/"u-(\d+)"/.exec(t)![1]) < 200)).toBe(true);
    } finally {
      closeIndexes([index]);
    }
  });

  it('runs at most a bounded amount of text ahead of this thread', async () => {
    const { path, index } = indexedFile('bounded.ndjson', 3000);
    const cap = 16 * 1024;
    try {
      const all = selectionFor([{ kind: 'actor', spans: ['00uA', '00uB', '00uC'].map((a) => [a, [[T0, T0 + 10_000_000]]]) }]);
      const run = startWorker({ kind: 'gather', path, label: 'bounded.ndjson', index, selection: all }, cap);
      await new Promise((r) => setTimeout(r, 400));
      const held = run.inFlight();
      expect(held).toBeGreaterThan(0);
      // at most the cap plus the one message that crossed it (≤ 128 records of ~150 characters)
      expect(held).toBeLessThan(cap + 128 * 200);
      let records = 0;
      for await (const m of run.messages()) if (m.type === 'gathered') records += m.texts.length;
      expect(records).toBe(3000);
      expect(run.inFlight()).toBe(0);
      expect(GATHER_BUFFER_CHARS).toBeGreaterThan(cap);
    } finally {
      closeIndexes([index]);
    }
  });
});
