// The two derivations of LINK_RULES agree: the SQL join of link field values with keys gives, event for event, what linksOf gives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdb } from '../../src/sql/duckdb.js';
import { KEY_COLUMNS, keyRows, linkValueRows, TARGETS_COLUMN, VALUE_COLUMNS } from '../../src/sql/link-sql.js';
import { sqlString } from '../../src/sql/quote.js';
import { linksOf, type LinkTarget } from '../../src/window/links.js';
import { LINK_ORDER } from '../../src/model/window.js';
import { duckdbEngine, type Engine } from './engines.js';

let engine: Engine;
beforeAll(async () => {
  engine = await duckdbEngine();
});
afterAll(() => engine.close());

const value = (v: string | null): string => (v === null ? 'CAST(NULL AS VARCHAR)' : sqlString(v));

interface Subject {
  requestApiTokenId: string | null;
  targets: { id: string | null; type: string | null; alternateId: null; displayName: null }[];
  actor: { id: string | null };
  client: { ipAddress: string | null };
}

/**
 * The links SQL finds for each event against one revocation: its keys as the query derives them
 * from a revocation row (an anchor) and one row per address its token used (kind `ip`), all in
 * one window, joined with the events' link values.
 */
async function sqlLinks(events: Subject[], t: LinkTarget): Promise<string[][]> {
  const ev = events.map((e, i) => `(${i}, ${value(e.requestApiTokenId)}, ${value(e.actor.id)}, ${value(e.client.ipAddress)}, ${sqlString(JSON.stringify(e.targets.map((x) => ({ id: x.id }))))}, 1000)`);
  const cols = 'anchor, kind, token, okta, actor_id, owner_lo, owner_hi, req, ip, val, rn_first, revoked, v_first, v_last, t_lo, t_hi, w_start, w_end, ms';
  const facts = [
    `(1, 'target', ${value(t.tokenId)}, 0, ${value(t.actorId)}, ${value(t.ownerId)}, ${value(t.ownerId)}, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), 1, 1, 0, 0, 0, 2000, 0, 2000, 1000)`,
    ...[...t.tokenIps].map((ip) => `(0, 'ip', ${value(t.tokenId ?? 'none')}, 0, NULL, NULL, NULL, NULL, NULL, ${value(ip)}, 1, 1, 1000, 1000, 0, 2000, 0, 2000, 1000)`),
  ];
  const values = linkValueRows();
  const sql = `WITH ev AS (SELECT * FROM (VALUES ${ev.join(', ')}) AS v(i, req, actor_id, ip, ${TARGETS_COLUMN}, ms)),
f4 AS (SELECT * FROM (VALUES ${facts.join(', ')}) AS v(${cols})),
keys AS (SELECT * FROM (${duckdb.explode('f4', [], KEY_COLUMNS, keyRows())}) AS k WHERE val IS NOT NULL),
vals AS (${duckdb.explode('ev', ['i', 'ms'], VALUE_COLUMNS, values.rows, values.targets ? { array: TARGETS_COLUMN, row: values.targets } : undefined)})
SELECT CAST(v.i AS VARCHAR) || ':' || k.link FROM vals AS v JOIN keys AS k ON k.slot = v.slot AND k.val = v.val WHERE v.ms >= k.w_start AND v.ms <= k.w_end`;
  const found = events.map(() => new Set<string>());
  for (const row of await engine.rows(sql)) {
    const [i, link] = row.split(':');
    found[Number(i)]!.add(link!);
  }
  return found.map((s) => LINK_ORDER.filter((k) => s.has(k)));
}

const id = (pool: string[]) => fc.option(fc.constantFrom(...pool), { nil: null });
const TOKENS = ['00Ta', '00Tb', '00uOwner'];
const ACTORS = ['00uAdmin', '00uOwner', '00Ta'];
const IPS = ['198.51.100.1', '2001:db8::1', '192.0.2.7'];
const subject = fc.record({
  requestApiTokenId: id(TOKENS),
  targets: fc.array(fc.record({ id: id([...TOKENS, ...ACTORS]), type: fc.constant('Token'), alternateId: fc.constant(null), displayName: fc.constant(null) }), { maxLength: 3 }),
  actor: fc.record({ id: id(ACTORS) }),
  client: fc.record({ ipAddress: id(IPS) }),
});
const target = fc.record({
  tokenId: id(TOKENS),
  actorId: id(ACTORS),
  ownerId: id(ACTORS),
  tokenIps: fc.uniqueArray(fc.constantFrom(...IPS), { maxLength: 3 }).map((a) => new Set(a)),
});

describe('LINK_RULES in SQL and in linksOf', () => {
  it('link the same events the same ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(subject, { minLength: 1, maxLength: 12 }), target, async (events, t) => {
        expect(await sqlLinks(events, t)).toEqual(events.map((e) => linksOf(e, t)));
      }),
      { numRuns: 25 },
    );
  });

  it('links nothing to a revocation without keys, and never by a null field', async () => {
    const none: LinkTarget = { tokenId: null, actorId: null, ownerId: null, tokenIps: new Set() };
    const e: Subject = { requestApiTokenId: null, targets: [{ id: null, type: 'Token', alternateId: null, displayName: null }], actor: { id: null }, client: { ipAddress: null } };
    expect(await sqlLinks([e], none)).toEqual([[]]);
    expect(await sqlLinks([e], { tokenId: '00Ta', actorId: '00uAdmin', ownerId: '00uOwner', tokenIps: new Set(['192.0.2.7']) })).toEqual([[]]);
  });
});
