// readInput's choice of splitter: junk before the first record costs only itself; no JSON at all is an error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readInput } from '../../src/input/read.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rec = (uuid: string) => JSON.stringify({ uuid, eventType: 'x.y', published: '2024-01-01T00:00:00Z' });

async function read(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const records: string[] = [];
  const diags: { line: number; reason: string }[] = [];
  const stats = await readInput(path, name, { maxRecordBytes: 1 << 20 }, {
    batch(b) {
      for (let i = 0; i < b.count; i++) records.push(b.buf.toString('utf8', b.starts[i], b.ends[i]));
    },
    value(v) {
      records.push(JSON.stringify(v));
    },
    diag(_o, line, reason) {
      diags.push({ line, reason });
    },
  });
  return { records, diags, format: stats.format };
}

describe('readInput: what comes before the first record', () => {
  it('a header line before NDJSON is reported, and every record is read', async () => {
    const r = await read('header.ndjson', `exported 2024-03-06\n${rec('a')}\n${rec('b')}\n`);
    expect(r.records.map((t) => JSON.parse(t).uuid)).toEqual(['a', 'b']);
    expect(r.diags).toEqual([{ line: 1, reason: "unexpected 'e' between records; skipped to the next line" }]);
    expect(r.format).toBe('ndjson');
  });

  it('a damaged first byte costs the first record only', async () => {
    const r = await read('damaged.ndjson', `"${rec('a').slice(1)}\n${rec('b')}\n`);
    expect(r.records.map((t) => JSON.parse(t).uuid)).toEqual(['b']);
    expect(r.diags).toHaveLength(1);
  });

  it('a header line before a pretty array: the array is read', async () => {
    const r = await read('header.json', `# logs\n${JSON.stringify([JSON.parse(rec('a')), JSON.parse(rec('b'))], null, 2)}\n`);
    expect(r.records.map((t) => JSON.parse(t).uuid)).toEqual(['a', 'b']);
    expect(r.diags).toHaveLength(1);
  });

  it('no line starting a record: not JSON at all (an error, exit 3)', async () => {
    await expect(read('zip.json', 'PK\u0003\u0004 binary\nmore binary')).rejects.toThrow(InputError);
    await expect(read('csv.json', 'uuid,eventType\n1,x\n')).rejects.toThrow(/not a JSON export, nor CSV/);
  });
});
