// The inventory's read (fast-check): shuffling, splitting or repeating the input never changes the inventory; a relative range is its absolute one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY_OPTIONS } from '../../src/inventory/options.js';
import type { TokenInventory } from '../../src/model/token.js';
import { inventoryNeedles, inventoryScan } from '../../src/scan/inventory-scan.js';
import type { TimeRange } from '../../src/scan/time-range.js';
import { INVENTORY_INTEREST } from '../../src/inventory/interest.js';
import { OKTA, oktaEvent, tokenTarget, userTarget, type EventSpec, type Place, type Who } from '../helpers/token-events.js';

// numRuns stay small so each property takes a second or two; FC_RUNS=500 searches harder.
const RUNS = Number(process.env.FC_RUNS ?? 25);

const dir = mkdtempSync(join(tmpdir(), 'ors-inventory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USERS: Who[] = ['ann', 'ben', 'cy', 'dee'].map((n) => ({ id: `00u${n.padEnd(17, 'x')}`, alternateId: `${n}@corp.example`, displayName: n }));
const TOKENS = ['00Ttoken1xxxxxxxxxxx', '00Ttoken2xxxxxxxxxxx', '00Ttoken3xxxxxxxxxxx', '00Ttoken4xxxxxxxxxxx'];
const PLACES: Place[] = [
  { ip: '203.0.113.1', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' },
  { ip: '203.0.113.2', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' },
  { ip: '198.51.100.23', city: 'Bucharest', country: 'Romania', asn: 9009, asOrg: 'm247', proxy: true },
  { ip: '203.0.113.60', city: 'Frankfurt', country: 'Germany', asn: 24940, asOrg: 'hetzner' },
  { ip: '203.0.113.62', city: 'Tokyo', country: 'Japan', asn: 2516, asOrg: 'kddi' },
];
const CALL_TYPES = ['group.user_membership.add', 'user.account.update_profile', 'user.account.privilege.grant', 'user.lifecycle.create', 'system.api_token.create'];
const START = Date.parse('2024-03-01T00:00:00.000Z');
const DAY = 86_400_000;

/** One event, without its uuid and time (given by its place in the list, so that ties happen). */
const eventArb = fc.oneof(
  fc.record({ kind: fc.constant('call' as const), token: fc.constantFrom(...TOKENS), user: fc.constantFrom(...USERS), place: fc.option(fc.constantFrom(...PLACES)), type: fc.constantFrom(...CALL_TYPES), threat: fc.boolean() }),
  fc.record({ kind: fc.constant('create' as const), token: fc.constantFrom(...TOKENS), user: fc.constantFrom(...USERS), via: fc.option(fc.constantFrom(...TOKENS)), name: fc.constantFrom('ci', 'sync', 'ops') }),
  fc.record({ kind: fc.constant('revoke' as const), token: fc.constantFrom(...TOKENS), user: fc.constantFrom(OKTA, ...USERS), ok: fc.boolean(), name: fc.constantFrom('ci', 'sync', 'ops') }),
  fc.record({ kind: fc.constant('state' as const), user: fc.constantFrom(...USERS), type: fc.constantFrom('user.lifecycle.deactivate', 'user.lifecycle.suspend', 'user.lifecycle.reactivate', 'user.lifecycle.unsuspend') }),
  fc.record({ kind: fc.constant('noise' as const), user: fc.constantFrom(...USERS) }),
);

type Drawn = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

/** The events as records (compact JSON), times drawn from a few days (several per instant). */
const eventsArb = fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 40 }).map((list) =>
  list.map(([e, slot], i) => JSON.stringify(oktaEvent(spec(e, `e${String(i).padStart(3, '0')}-0000-4000-8000-000000000000`, new Date(START + slot * DAY * 1.5).toISOString())))),
);

function spec(e: Drawn, uuid: string, published: string): EventSpec {
  switch (e.kind) {
    case 'call':
      return { uuid, published, eventType: e.type, actor: e.user, place: e.place, userAgent: e.threat ? 'curl/8' : 'sdk', viaToken: e.token, targets: [userTarget(e.user)], threatSuspected: e.threat };
    case 'create':
      return { uuid, published, eventType: 'system.api_token.create', actor: e.user, place: PLACES[0]!, viaToken: e.via, targets: [tokenTarget(e.token, e.name)] };
    case 'revoke':
      return { uuid, published, eventType: 'system.api_token.revoke', actor: e.user, place: null, targets: [tokenTarget(e.token, e.name)], outcome: e.ok ? 'SUCCESS' : 'FAILURE' };
    case 'state':
      return { uuid, published, eventType: e.type, actor: USERS[0]!, place: PLACES[0]!, targets: [userTarget(e.user)] };
    default:
      return { uuid, published, eventType: 'user.session.start', actor: e.user, place: PLACES[1]! };
  }
}

let files = 0;
/** The inventory of these files (each a list of records, as NDJSON or a pretty array). */
async function inventoryOf(parts: { records: string[]; pretty: boolean }[], range?: TimeRange, threads = 1): Promise<TokenInventory> {
  const sources = parts.map((p) => {
    const path = join(dir, `in${files++}.${p.pretty ? 'json' : 'ndjson'}`);
    writeFileSync(path, p.pretty ? `${JSON.stringify(p.records.map((r) => JSON.parse(r) as unknown), null, 2)}\n` : `${p.records.join('\n')}\n`);
    return { label: path, path };
  });
  const { inventory } = await inventoryScan(sources, {
    read: { maxRecordBytes: 1 << 20, format: 'auto', eventsPath: null },
    validate: false,
    inventory: { ...DEFAULT_INVENTORY_OPTIONS, maxPlaces: 2 },
    range,
    threads,
    parallelMinBytes: 0,
  });
  for (const s of sources) rmSync(s.path);
  return inventory;
}

describe('inventoryScan', () => {
  it('reads token calls, token events and user lifecycle events: one needle each, the prefix itself', () => {
    expect(inventoryNeedles(INVENTORY_INTEREST)).toEqual(['requestApiTokenId', 'system.api_token.', 'user.lifecycle.']);
  });

  it('shuffling, splitting into files and repeating events in other files never changes the inventory', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventsArb.chain((events) =>
          fc.record({
            events: fc.constant(events),
            order: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            cuts: fc.array(fc.integer({ min: 0, max: events.length }), { maxLength: 3 }),
            copies: fc.subarray(events),
            pretty: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
          }),
        ),
        async ({ events, order, cuts, copies, pretty }) => {
          const whole = await inventoryOf([{ records: events, pretty: false }]);
          const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), order.length];
          const parts = bounds.slice(1).map((end, i) => ({ records: order.slice(bounds[i], end), pretty: pretty[i]! })).filter((p) => p.records.length > 0);
          const repeated = copies.length > 0 ? copies : [events[0]!];
          parts.push({ records: repeated, pretty: pretty[4]! });
          const split = await inventoryOf(parts);
          expect(split.tokens).toEqual(whole.tokens);
          expect({ ...split.summary, files: 0, events: 0, duplicates: 0 }).toEqual({ ...whole.summary, files: 0, events: 0, duplicates: 0 });
          // Copies of the events the inventory reads are counted (sign-ins are not read at all).
          expect(split.summary.duplicates).toBe(repeated.filter((r) => !r.includes('user.session.start')).length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a range relative to the newest event counts what its absolute range counts', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 30 }), async (events, fromDays, toDays) => {
        // The newest event the inventory reads: sign-ins do not count.
        const read = events.filter((e) => !e.includes('user.session.start'));
        fc.pre(read.length > 0);
        const newest = Math.max(...read.map((e) => Date.parse((JSON.parse(e) as { published: string }).published)));
        const relative = await inventoryOf([{ records: events, pretty: false }], { from: { kind: 'before-newest', ms: fromDays * DAY }, to: { kind: 'before-newest', ms: toDays * DAY } });
        const absolute = await inventoryOf([{ records: events, pretty: false }], { from: { kind: 'at', ms: newest - fromDays * DAY }, to: { kind: 'at', ms: newest - toDays * DAY } });
        expect(relative.tokens).toEqual(absolute.tokens);
        expect(relative.summary).toEqual(absolute.summary);
      }),
      { numRuns: RUNS },
    );
  });
});
