// The scan worker runs at most a bounded amount of record text ahead of the main thread (built worker, real thread).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { normalize } from '../../src/events/normalize.js';
import { tokenCallOf, type TokenCall } from '../../src/events/token-call.js';
// The compiled modules: the worker thread runs dist/src/scan/fast/worker.js (npm test builds first).
const DIST = '../../dist/src/scan/fast/';
const { prewarmWorker, releaseWarmWorker, startWorker } = (await import(`${DIST}parallel.js`)) as typeof import('../../src/scan/fast/parallel.js');
const { planSplit } = (await import(`${DIST}split-plan.js`)) as typeof import('../../src/scan/fast/split-plan.js');
const { closeQuietly, openIndexFile } = (await import(`${DIST}record-index.js`)) as typeof import('../../src/scan/fast/record-index.js');
const { readSpilled } = (await import(`${DIST}spill.js`)) as typeof import('../../src/scan/fast/spill.js');

const dir = mkdtempSync(join(tmpdir(), 'ors-wbuf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'gen.ndjson');
const CAP = 64 * 1024;

describe('worker buffer', () => {
  beforeAll(async () => {
    await generate({ out: file, format: 'ndjson', events: 4000, revocations: 4, seed: 3, days: 2, manifest: false });
  });

  it('waits while the main thread takes nothing, then sends every record of its part, in file order', async () => {
    const plan = (await planSplit(file, 0, {}))!;
    expect(plan).not.toBeNull();
    // every record is a candidate, so the worker has far more to send than the cap
    const run = startWorker({ path: file, label: file, plan, maxRecordBytes: 1 << 20, filter: { needles: [], all: true, probes: [] }, newest: false, indexFd: null, spillFd: null, tokenCalls: false }, CAP);
    await new Promise((r) => setTimeout(r, 400));
    const held = run.inFlight();
    expect(held).toBeGreaterThan(0);
    // at most the cap plus the one message that crossed it (≤ 256 records)
    expect(held).toBeLessThan(CAP + 256 * 4096);
    const offsets: number[] = [];
    let done: { records: number } | null = null;
    for await (const m of run.messages()) {
      if (m.type === 'records') offsets.push(...m.offsets);
      if (m.type === 'done') done = m;
    }
    expect(done!.records).toBe(offsets.length);
    expect(offsets.length).toBeGreaterThan(1000);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[0]).toBe(plan.next);
    expect(run.inFlight()).toBe(0);
  });

  it('stop() ends a worker that is waiting', async () => {
    const plan = (await planSplit(file, 0, {}))!;
    const run = startWorker({ path: file, label: file, plan, maxRecordBytes: 1 << 20, filter: { needles: [], all: true, probes: [] }, newest: false, indexFd: null, spillFd: null, tokenCalls: false }, CAP);
    await new Promise((r) => setTimeout(r, 200));
    await run.stop();
    const seen: string[] = [];
    try {
      for await (const m of run.messages()) seen.push(m.type);
    } catch (err) {
      seen.push(`error: ${(err as Error).message}`);
    }
    expect(seen).not.toContain('done');
  });

  it('with a spill file, what is beyond the cap goes to disk and comes back in order', async () => {
    const plan = (await planSplit(file, 0, {}))!;
    const spillFd = openIndexFile()!;
    try {
      const run = startWorker({ path: file, label: file, plan, maxRecordBytes: 1 << 20, filter: { needles: [], all: true, probes: [] }, newest: false, indexFd: null, spillFd, tokenCalls: false }, 1 << 20);
      await new Promise((r) => setTimeout(r, 600));
      // The first messages (256 records each) fit under the cap; the rest went to disk.
      expect(run.inFlight()).toBeGreaterThan(0);
      expect(run.inFlight()).toBeLessThanOrEqual(1 << 20);
      const offsets: number[] = [];
      const texts: string[] = [];
      const kinds = new Set<string>();
      let done: { records: number } | null = null;
      for await (const m of run.messages()) {
        kinds.add(m.type);
        if (m.type === 'records' || m.type === 'spilled') {
          const batch = m.type === 'records' ? m : readSpilled(spillFd, m);
          offsets.push(...batch.offsets);
          texts.push(...batch.texts);
        }
        if (m.type === 'done') done = m;
      }
      expect([...kinds].sort()).toEqual(['done', 'records', 'spilled']);
      expect(done!.records).toBe(offsets.length);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets[0]).toBe(plan.next);
      // Every text is a whole record (non-ASCII included), read back exactly.
      for (const t of texts) expect(JSON.parse(t)).toHaveProperty('uuid');
    } finally {
      closeQuietly(spillFd);
    }
  });

  it('with tokenCalls, sends each call made with a token as its facts, and every other candidate as text, in order', async () => {
    const plan = (await planSplit(file, 0, {}))!;
    const needles = ['requestApiTokenId', 'system.api_token.'];
    const run = startWorker({ path: file, label: file, plan, maxRecordBytes: 1 << 20, filter: { needles, all: false, probes: [] }, newest: false, indexFd: null, spillFd: null, tokenCalls: true });
    const calls: TokenCall[] = [];
    const texts: string[] = [];
    for await (const m of run.messages()) {
      if (m.type === 'calls') calls.push(...m.calls);
      if (m.type === 'records') texts.push(...m.texts);
    }
    // What the main thread makes of the worker's part: calls as their facts; token events (the
    // scan reads revocations and creations whole) and anything else as records.
    const part = readFileSync(file).subarray(plan.next).toString('utf8').split('\n').filter((l) => needles.some((n) => l.includes(n)));
    const facts: TokenCall[] = [];
    const whole: string[] = [];
    for (const line of part) {
      const r = normalize(JSON.parse(line), () => 'unnamed', line);
      const type = r.ok ? r.event.eventType.toLowerCase() : '';
      if (r.ok && r.event.requestApiTokenId !== null && type !== 'system.api_token.revoke' && type !== 'system.api_token.create') facts.push(tokenCallOf(r.event)!);
      else whole.push(line);
    }
    expect(facts.length).toBeGreaterThan(10);
    expect(whole.some((l) => l.includes('system.api_token.revoke'))).toBe(true);
    expect(calls).toEqual(facts);
    expect(texts).toEqual(whole);
  });

  it('a spare worker started ahead takes the next job', async () => {
    const plan = (await planSplit(file, 0, {}))!;
    prewarmWorker([file, 'no/such/file'], 0);
    await new Promise((r) => setTimeout(r, 300));
    const run = startWorker({ path: file, label: file, plan, maxRecordBytes: 1 << 20, filter: { needles: ['system.api_token.revoke'], all: false, probes: [] }, newest: false, indexFd: null, spillFd: null, tokenCalls: false });
    let done: { records: number } | null = null;
    for await (const m of run.messages()) if (m.type === 'done') done = m;
    expect(done!.records).toBeGreaterThan(1000);
    releaseWarmWorker();
  });
});
