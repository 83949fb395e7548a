// When the progress bar is shown, and how many bytes the inputs will give (plain sizes, gzip trailers).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedBytes, planProgress, PROGRESS_MIN_BYTES } from '../../src/cli/progress-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = join(dir, 'small.ndjson');
writeFileSync(small, 'x'.repeat(1000));
const zipped = join(dir, 'small.ndjson.gz');
writeFileSync(zipped, gzipSync('y'.repeat(50_000)));
const tty = { write: () => true, isTTY: true };

describe('expectedBytes', () => {
  it('is the size of a plain file and the trailer size of a gzip file', async () => {
    expect(await expectedBytes(small)).toEqual({ onDisk: 1000, read: 1000 });
    const gz = await expectedBytes(zipped);
    expect(gz.read).toBe(50_000);
    expect(gz.onDisk).toBeLessThan(1000);
  });

  it('counts a missing file as nothing', async () => {
    expect(await expectedBytes(join(dir, 'nope'))).toEqual({ onDisk: 0, read: 0 });
  });
});

describe('planProgress', () => {
  it('is off for small inputs, off when piped, quiet, in CI or on a dumb terminal', async () => {
    expect((await planProgress(undefined, tty, {}, false, [small])).show).toBe(false);
    const big = join(dir, 'big.ndjson');
    writeFileSync(big, Buffer.alloc(PROGRESS_MIN_BYTES));
    expect(await planProgress(undefined, tty, {}, false, [big])).toEqual({ show: true, total: PROGRESS_MIN_BYTES });
    expect((await planProgress(undefined, { write: () => true }, {}, false, [big])).show).toBe(false);
    expect((await planProgress(undefined, tty, {}, true, [big])).show).toBe(false);
    expect((await planProgress(undefined, tty, { CI: 'true' }, false, [big])).show).toBe(false);
    expect((await planProgress(undefined, tty, { TERM: 'dumb' }, false, [big])).show).toBe(false);
    expect((await planProgress(false, tty, {}, false, [big])).show).toBe(false);
  });

  it('--progress forces it on, with the total over plain and gzip inputs', async () => {
    expect(await planProgress(true, { write: () => true }, { CI: '1' }, true, [small, zipped])).toEqual({ show: true, total: 51_000 });
  });
});
