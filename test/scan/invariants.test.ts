// Invariants (fast-check): order, splitting, duplicates, layout and unrelated events never change the answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { unrelatedEvent } from './unrelated.js';

// numRuns stay small so each property takes about a second; FC_RUNS=500 searches harder.

/** Both samples' events, each once (compact JSON): four revocations. */
const NDJSON = readFileSync('samples/okta-export.ndjson', 'utf8').trim().split('\n');
const PRETTY = (JSON.parse(readFileSync('samples/okta-export-pretty.json', 'utf8')) as unknown[]).map((e) => JSON.stringify(e));
const EVENTS = [...new Set([...NDJSON, ...PRETTY])];

const LAYOUTS = ['ndjson', 'pretty', 'compact', 'ndjson.gz', 'pretty.gz'] as const;
type Layout = (typeof LAYOUTS)[number];

/** The records as one input file in `layout`. */
function render(records: string[], layout: Layout): Buffer {
  const base = layout.replace('.gz', '');
  const text =
    base === 'ndjson'
      ? records.join('\n') + '\n'
      : base === 'compact'
        ? `[${records.join(',')}]`
        : `[\n${records.map((r) => '  ' + JSON.stringify(JSON.parse(r), null, 2).replace(/\n/g, '\n  ')).join(',\n')}\n]\n`;
  return layout.endsWith('.gz') ? gzipSync(text) : Buffer.from(text);
}

let dir = '';
let runs = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ors-invariants-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Finding {
  id: string;
  window: unknown;
}

/** `findings` of one scan of these files (each a list of records in a layout). */
async function findings(files: { records: string[]; layout: Layout }[]): Promise<Finding[]> {
  const paths = files.map((f, i) => {
    const p = join(dir, `run${runs}-${i}.${f.layout.replace('pretty', 'json')}`);
    writeFileSync(p, render(f.records, f.layout));
    return p;
  });
  runs++;
  const r = await runCli(['--format', 'json', ...paths]);
  for (const p of paths) rmSync(p);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

const rangeCache = new Map<Layout, [number, number][]>();

/** [start, end) of each event in `render(EVENTS, layout)`. */
function ranges(layout: Layout): [number, number][] {
  let out = rangeCache.get(layout);
  if (!out) {
    const text = render(EVENTS, layout).toString('latin1');
    out = [];
    let from = 0;
    for (const e of EVENTS) {
      const piece = (layout === 'pretty' ? render([e], layout).toString('latin1').slice(4, -3) : Buffer.from(e).toString('latin1'));
      const at = text.indexOf(piece, from);
      out.push([at, at + piece.length]);
      from = at + piece.length;
    }
    rangeCache.set(layout, out);
  }
  return out;
}

/** The JSON report of one scan of these bytes (exit 0, or `code`: 3 when not one event can be read). */
async function scanBytes(bytes: Buffer, args: string[], code = 0): Promise<{ summary: { events: number } }> {
  const p = join(dir, `bytes${runs++}.json`);
  writeFileSync(p, bytes);
  const r = await runCli(['--format', 'json', ...args, p]);
  rmSync(p);
  expect(r.code, r.stderr).toBe(code);
  return JSON.parse(r.stdout) as { summary: { events: number } };
}

/** A permutation of `xs`. */
/** A finding without what its history decides (signals and the severity they give). */
const withoutSignals = (f: Finding | undefined) => f && { ...f, signals: [], severity: 'info' };
const permutation = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

describe('invariants', () => {
  let reference: Finding[] = [];
  beforeAll(async () => {
    reference = await findings([{ records: EVENTS, layout: 'ndjson' }]);
    expect(reference).toHaveLength(4);
  });

  it('shuffling or reversing the events never changes the findings', async () => {
    await fc.assert(
      fc.asyncProperty(permutation(EVENTS), fc.boolean(), fc.constantFrom(...LAYOUTS), async (order, reverse, layout) => {
        const records = reverse ? [...EVENTS].reverse() : order;
        expect(await findings([{ records, layout }])).toEqual(reference);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  });

  // Events outside the windows are the signals' history by design (a token's earlier calls and a
  // revoker's earlier sign-ins), so only signals and severity may change, and only when the added
  // events include such history.
  it('adding events outside every window (same actors, addresses and tokens) never changes any window, nor signals unless they are history', async () => {
    const added = fc.record({ events: fc.array(unrelatedEvent, { minLength: 1, maxLength: 40 }), at: fc.nat(), layout: fc.constantFrom(...LAYOUTS) });
    await fc.assert(
      fc.asyncProperty(added, async ({ events, at, layout }) => {
        const texts = events.map((e) => JSON.stringify(e));
        const k = at % (EVENTS.length + 1);
        const got = await findings([{ records: [...EVENTS.slice(0, k), ...texts.slice(0, 5), ...EVENTS.slice(k)], layout }, { records: texts.slice(5).length ? texts.slice(5) : [texts[0]!], layout: 'ndjson' }]);
        const byId = new Map(got.map((f) => [f.id, f]));
        const history = events.some((e) => 'requestApiTokenId' in e.transaction.detail || e.eventType === 'user.session.start');
        for (const f of reference) expect(history ? withoutSignals(byId.get(f.id)) : byId.get(f.id)).toEqual(history ? withoutSignals(f) : f);
        const newRevocations = new Set(events.filter((e) => e.eventType === 'system.api_token.revoke').map((e) => e.uuid));
        expect(got.filter((f) => !reference.some((r) => r.id === f.id)).map((f) => f.id).sort()).toEqual([...newRevocations].sort());
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  });

  it('knows where each record is in every layout (what the next two properties rely on)', () => {
    for (const layout of ['ndjson', 'pretty', 'compact'] as const) {
      const text = render(EVENTS, layout);
      for (const [i, [s, e]] of ranges(layout).entries()) expect(JSON.parse(text.toString('utf8', s, e))).toEqual(JSON.parse(EVENTS[i]!));
    }
  });

  it('an export cut at any byte keeps every record before the cut (--validate counts them)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('ndjson', 'pretty', 'compact') as fc.Arbitrary<Layout>, fc.double({ min: 0.01, max: 1, noNaN: true }), async (layout, where) => {
        const whole = render(EVENTS, layout);
        const cut = Math.max(1, Math.floor(whole.length * where));
        const complete = ranges(layout).filter(([, end]) => end <= cut).length;
        // Cut inside the first record: not one event, only the cut: the input is unreadable (exit 3).
        const report = await scanBytes(whole.subarray(0, cut), ['--validate'], complete === 0 ? 3 : 0);
        expect(report.summary.events).toBe(complete);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });

  it('one damaged byte inside a record costs at most that record (NDJSON) or it and a neighbour (pretty array)', async () => {
    const damage = fc.record({
      layout: fc.constantFrom('ndjson', 'pretty'),
      record: fc.integer({ min: 0, max: EVENTS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.constantFrom(0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x5c, 0x0a, 0x0d, 0x00, 0xff, 0x20, 0x78),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ layout, record, at, byte }) => {
        const [start, end] = ranges(layout)[record]!;
        const bytes = Buffer.from(render(EVENTS, layout));
        bytes[start + Math.floor(at * (end - start - 1))] = byte;
        const report = await scanBytes(bytes, ['--validate']);
        expect(report.summary.events).toBeGreaterThanOrEqual(EVENTS.length - (layout === 'ndjson' ? 1 : 2));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });

  it('splitting into 1 to 6 files of any layouts, with duplicates across them, never changes the findings', async () => {
    const plan = fc.record({
      order: permutation(EVENTS),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: EVENTS.length - 1 }), { maxLength: 5 }),
      layouts: fc.array(fc.constantFrom(...LAYOUTS), { minLength: 6, maxLength: 6 }),
      duplicates: fc.array(fc.record({ event: fc.integer({ min: 0, max: EVENTS.length - 1 }), file: fc.nat() }), { maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(plan, async ({ order, cuts, layouts, duplicates }) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), order.length];
        const files = bounds.slice(1).map((end, i) => ({ records: order.slice(bounds[i], end), layout: layouts[i]! }));
        for (const d of duplicates) files[d.file % files.length]!.records.push(EVENTS[d.event]!);
        expect(await findings(files)).toEqual(reference);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  });
});
