// The record index: entries written by the first pass and read back by the second, in unnamed temporary files.
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { RecordRef } from '../../../src/model/original.js';
import { RecordBatch } from '../../../src/input/batch.js';
import { loadBuiltinRules } from '../../../src/rules/index.js';
import { IndexBuild, readIndexed } from '../../../src/scan/fast/indexed-read.js';
import { SourceFile } from '../../../src/input/record-source.js';
import { RecordHasher, valueHash } from '../../../src/scan/fast/record-hashes.js';
import { closeQuietly, forEachCandidate, IndexWriter, openIndexFile, selectionFor, type Candidate } from '../../../src/scan/fast/record-index.js';
import { scan } from '../../../src/scan/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const h = (s: string) => valueHash(Buffer.from(s), 0, Buffer.byteLength(s));
const T0 = Date.parse('2024-03-05T13:00:00.000Z');

/** A hasher whose values are set by hand (the writer only copies them). */
function hasherWith(rows: { actor?: string; ip?: string; token?: string; force?: boolean }[]): RecordHasher {
  const hasher = new RecordHasher();
  rows.forEach((r, i) => {
    hasher.actor[i] = r.actor ? h(r.actor) : 0;
    hasher.ip[i] = r.ip ? h(r.ip) : 0;
    hasher.token[i] = r.token ? h(r.token) : 0;
    hasher.force[i] = r.force ? 1 : 0;
  });
  return hasher;
}

function batch(base: number, ranges: [number, number, number][]): RecordBatch {
  const b = new RecordBatch();
  b.reset(Buffer.alloc(0), base);
  for (const [s, e, line] of ranges) b.push(s, e, line);
  return b;
}

describe('IndexWriter and forEachCandidate', () => {
  it('give back, in order, the entries whose values are selected or that are forced', () => {
    const fd = openIndexFile()!;
    expect(fd).not.toBeNull();
    try {
      const w = new IndexWriter(fd);
      w.add(batch(0, [[0, 10, 1], [11, 30, 2]]), hasherWith([{ actor: '00uA', ip: '192.0.2.1' }, { actor: '00uB', ip: '192.0.2.9' }]));
      // A second batch far into a large file: offsets above 4 GiB keep every bit.
      w.add(batch(5_000_000_000, [[0, 7, 1], [8, 20, 0]]), hasherWith([{ actor: '00uC', token: '00T1' }, { force: true }]));
      w.flush();
      expect(w.entries).toBe(4);
      const sel = selectionFor([
        { kind: 'actor', spans: [['00uB', [[T0, T0]]]] },
        { kind: 'token', spans: [['00T1', [[T0, T0]]]] },
      ]);
      const got: Candidate[] = [];
      forEachCandidate({ fd, entries: w.entries, lineOffset: 100 }, sel, (c) => got.push({ ...c }));
      expect(got.map(({ offset, length, line, forced }) => [offset, length, line, forced])).toEqual([
        [11, 19, 102, false],
        [5_000_000_000, 7, 101, false],
        [5_000_000_008, 12, 0, true],
      ]);
      expect(got[0]!.actor).toBe(h('00uB'));
    } finally {
      closeQuietly(fd);
    }
  });

});

describe('openIndexFile', () => {
  it('leaves no name behind in the temporary folder, even while the file is open', () => {
    const fd = openIndexFile()!;
    try {
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`okta-revoke-scan-${process.pid}-`))).toEqual([]);
    } finally {
      closeQuietly(fd);
    }
  });
});

describe('IndexBuild', () => {
  it('gives no index when a write failed (e.g. a full disk): the input is then read again', () => {
    const path = join(dir, 'ro.bin');
    writeFileSync(path, '');
    const build = IndexBuild.start()!;
    // Swap in a descriptor that cannot be written.
    const ro = openSync(path, 'r');
    (build as unknown as { writer: IndexWriter }).writer = new IndexWriter(ro);
    build.writer.add(batch(0, [[0, 5, 1]]), hasherWith([{ actor: '00uA' }]));
    expect(build.finish(1)).toBeNull();
    expect(build.writer.failed).toBe(true);
    expect(() => closeSync(ro)).toThrow(); // finish closed it
  });

  it('gives no index when not every record has its entry (an input read as a document)', () => {
    const build = IndexBuild.start()!;
    expect(build.finish(3)).toBeNull();
  });
});

describe('readIndexed', () => {
  it('stops with a user error when the input is shorter than at the first read', () => {
    const path = join(dir, 'short.ndjson');
    writeFileSync(path, '{"a":1}\n');
    const build = IndexBuild.start()!;
    build.writer.add(batch(0, [[0, 7, 1], [8, 40, 2]]), hasherWith([{ force: true }, { force: true }]));
    const index = build.finish(2)!;
    try {
      const texts: string[] = [];
      const file = new SourceFile(path, 'short.ndjson');
      expect(() => readIndexed(file, index, selectionFor([]), (t) => texts.push(t))).toThrow(UserError);
      expect(texts).toEqual(['{"a":1}']);
      file.close();
    } finally {
      for (const p of index.parts) closeQuietly(p.fd);
    }
  });
});

describe('scan with a record index', () => {
  const lines = readFileSync('samples/okta-export.ndjson', 'utf8').trim().split('\n');
  const plain = join(dir, 'sample.ndjson');
  writeFileSync(plain, lines.join('\n') + '\n');
  const gz = join(dir, 'sample.ndjson.gz');
  writeFileSync(gz, gzipSync(Buffer.from(lines.join('\n') + '\n')));

  async function run(path: string) {
    return scan([{ label: 'x', path }], {
      read: { maxRecordBytes: 1 << 20 },
      rules: await loadBuiltinRules(),
      validate: false,
      window: { before: 86_400_000, after: 0, maxEvents: 10_000 },
    });
  }
  const findings = async (path: string) => {
    const r = await run(path);
    r.originals.close();
    return r.report.findings;
  };

  it('finds what a second full read finds (a gzip input has no index and is read again)', async () => {
    const viaIndex = await run(plain);
    const again = await run(gz);
    expect([viaIndex.stats.indexed, again.stats.indexed]).toEqual([1, 0]);
    expect(viaIndex.report.findings.some((f) => (f.window?.events.length ?? 0) > 0)).toBe(true);
    // The same findings once originals held by reference are read: the same texts.
    const resolved = (r: typeof again) =>
      JSON.stringify(r.report.findings, (key, value: unknown) => (key === 'event' && typeof value === 'object' && value !== null && 'ref' in value ? { text: r.originals.text((value as { ref: RecordRef }).ref) } : value));
    expect(viaIndex.report.findings.flatMap((f) => f.window?.events ?? []).every((e) => 'ref' in e.event)).toBe(true);
    expect(resolved(viaIndex)).toBe(resolved(again));
    viaIndex.originals.close();
  });

  it('reads window events\' originals again from the input, and notices when it changed', async () => {
    const copy = join(dir, 'changing.ndjson');
    writeFileSync(copy, readFileSync(plain));
    const { report, originals } = await run(copy);
    const ev = report.findings.flatMap((f) => f.window?.events ?? [])[0]!;
    // Window events of an indexed input hold a reference, read through the scan's originals.
    if (!('ref' in ev.event)) throw new Error('expected a reference');
    const ref = ev.event.ref;
    const uuid = (JSON.parse(originals.text(ref)) as { uuid: string }).uuid;
    expect(uuid).toBe(ev.uuid);
    originals.close();
    // Read again after close: the file is opened anew.
    expect((JSON.parse(originals.text(ref)) as { uuid: string }).uuid).toBe(uuid);
    originals.close();
    // The same length, other bytes (a file rewritten while it was scanned): an input error, never other text.
    writeFileSync(copy, readFileSync(copy, 'utf8').replace(/"uuid":"[0-9a-f]/g, '"uuid":"x'));
    expect(() => originals.text(ref)).toThrow(UserError);
    originals.close();
  });

  it('reads an input with lowercased keys (ipaddress, which the index would miss) in full again, finding the same', async () => {
    const lower = join(dir, 'lower.ndjson');
    const lowered = lines.map((l) => l.replace(/"(eventType|ipAddress|displayMessage|requestApiTokenId)"/g, (_, k: string) => `"${k.toLowerCase()}"`));
    writeFileSync(lower, lowered.join('\n') + '\n');
    const viaIndex = await run(plain);
    const again = await run(lower);
    expect([viaIndex.stats.indexed, again.stats.indexed]).toEqual([1, 0]);
    const typed = (r: typeof again) => r.report.findings.map((f) => (f.window?.events ?? []).map((e) => [e.uuid, e.links]));
    expect(typed(again)).toEqual(typed(viaIndex));
    viaIndex.originals.close();
    again.originals.close();
  });

  it.runIf(existsSync('/proc/self/fd'))('closes its index files', async () => {
    const open = () => readdirSync('/proc/self/fd').length;
    await findings(plain);
    const before = open();
    for (let i = 0; i < 5; i++) await findings(plain);
    expect(open()).toBe(before);
  });
});
