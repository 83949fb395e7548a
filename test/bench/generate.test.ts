// Tests for the benchmark generator: determinism, every layout, manifest answers, stories, both profiles.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, parseSize, type GenerateOptions } from '../../bench/generate.js';
import type { Manifest } from '../../bench/manifest.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: Omit<GenerateOptions, 'out'> = { events: 3000, revocations: 20, seed: 7 };
const file = (name: string): string => join(dir, name);
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated events, read deep in every test (typed by the manifest's answers, not here)
type Ev = Record<string, any>;

let manifest: Manifest;
let events: Ev[];
let raw: string[];

beforeAll(async () => {
  manifest = await generate({ ...base, out: file('a.ndjson') });
  raw = lines(file('a.ndjson'));
  events = raw.map((l) => JSON.parse(l) as Ev);
});

describe('determinism', () => {
  it('writes identical bytes for the same seed and different bytes for another', async () => {
    await generate({ ...base, out: file('b.ndjson') });
    await generate({ ...base, seed: 8, out: file('c.ndjson') });
    expect(readFileSync(file('b.ndjson')).equals(readFileSync(file('a.ndjson')))).toBe(true);
    expect(readFileSync(file('c.ndjson')).equals(readFileSync(file('a.ndjson')))).toBe(false);
    expect(readFileSync(file('b.ndjson.manifest.json'), 'utf8')).toBe(readFileSync(file('a.ndjson.manifest.json'), 'utf8').replace('"a.ndjson"', '"b.ndjson"'));
  });
});

describe('layouts', () => {
  it('ndjson: one compact event per line, newline-terminated', () => {
    expect(raw).toHaveLength(3000);
    expect(readFileSync(file('a.ndjson'), 'utf8').endsWith('}\n')).toBe(true);
    expect(manifest.bytes).toBe(readFileSync(file('a.ndjson')).length);
  });

  it('array: one compact page of at most pageSize events per line', async () => {
    await generate({ ...base, format: 'array', pageSize: 1000, out: file('a.json') });
    const pages = lines(file('a.json')).map((l) => JSON.parse(l) as Ev[]);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 1000]);
    expect(pages.flat()).toEqual(events);
  });

  it('onelinearray: a single compact array', async () => {
    await generate({ ...base, format: 'onelinearray', out: file('one.json') });
    const text = readFileSync(file('one.json'), 'utf8');
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(JSON.parse(text)).toEqual(events);
  });

  it('pretty: exactly the jq . layout of the array', async () => {
    await generate({ ...base, format: 'pretty', out: file('p.json') });
    const pretty = readFileSync(file('p.json'), 'utf8');
    const compact = readFileSync(file('one.json'), 'utf8');
    expect(pretty).toBe(JSON.stringify(JSON.parse(compact), null, 2) + '\n');
    expect(pretty.startsWith('[\n  {\n    "actor": {\n      "id": "00u')).toBe(true);
  });

  it.skipIf(spawnSync('jq', ['--version']).status !== 0)('pretty matches jq . byte for byte', () => {
    const jq = spawnSync('jq', ['.', file('one.json')], { maxBuffer: 1 << 30 });
    expect(jq.stdout.toString('utf8')).toBe(readFileSync(file('p.json'), 'utf8'));
  });

  it('gzip: decompresses to the plain file', async () => {
    const m = await generate({ ...base, gzip: true, out: file('a.ndjson.gz') });
    const plain = readFileSync(file('a.ndjson'));
    expect(gunzipSync(readFileSync(file('a.ndjson.gz'))).equals(plain)).toBe(true);
    expect(m.gzip).toBe(true);
    expect(m.fileBytes).toBeLessThan(plain.length / 3);
  });

  it('rejects a non-positive event count', async () => {
    await expect(generate({ ...base, events: 0, out: file('z.json') })).rejects.toThrow(/positive/);
  });
});

describe('manifest matches the file', () => {
  it('counts events, revocations, token calls, non-ASCII events and decoys', () => {
    expect(manifest.events).toBe(events.length);
    const revokes = events.filter((e) => e.eventType === 'system.api_token.revoke');
    expect(revokes).toHaveLength(20);
    expect(manifest.revocationCount).toBe(20);
    expect(manifest.revocations.map((r) => r.uuid)).toEqual(revokes.map((e) => e.uuid));
    expect(manifest.tokenEvents).toBe(events.filter((e) => e.transaction.detail.requestApiTokenId).length);
    expect(manifest.nonAsciiEvents).toBe(raw.filter((l) => /[^\x00-\x7f]/.test(l)).length);
    expect(manifest.decoyEvents).toBe(raw.filter((l, i) => l.includes('system.api_token.revoke') && events[i]!.eventType !== 'system.api_token.revoke').length);
    expect(manifest.decoyEvents).toBeGreaterThan(0);
    expect(Object.values(manifest.eventTypes).reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('describes each revocation as it appears in the event', () => {
    const byUuid = new Map(events.map((e) => [e.uuid, e]));
    for (const r of manifest.revocations) {
      const e = byUuid.get(r.uuid)!;
      expect(e.published).toBe(r.published);
      expect(e.target[0]).toMatchObject({ id: r.tokenId, type: 'Token', displayName: r.tokenName });
      expect(r.tokenId).toMatch(/^00T[A-Za-z0-9]{17}$/);
      expect(e.outcome.result).toBe(r.outcome);
      expect(e.actor.id).toBe(r.revokerId);
      if (r.revokerKind === 'system') expect(e.actor).toMatchObject({ type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' });
      else expect(e.actor.type).toBe('User');
      if (r.revokerKind === 'owner') expect(r.revokerId).toBe(r.ownerId);
      if (r.revokerKind === 'admin') expect(r.revokerId).not.toBe(r.ownerId);
      expect(r.outcome === 'FAILURE').toBe(r.revokerKind === 'non-admin');
    }
    expect(new Set(manifest.revocations.map((r) => r.revokerKind))).toEqual(new Set(['admin', 'owner', 'system', 'non-admin']));
  });

  it('keeps uuids unique and published strictly ISO 8601 UTC, mostly ascending', () => {
    expect(new Set(events.map((e) => e.uuid)).size).toBe(events.length);
    for (const e of events) expect(e.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    let inversions = 0;
    for (let i = 1; i < events.length; i++) if (events[i]!.published < events[i - 1]!.published) inversions++;
    expect(inversions).toBeLessThan(events.length / 100);
  });

  it('tells the attack chain: new-country calls, admin grant, MFA reset, persistence token, pivot sign-in', () => {
    expect(manifest.attacks).toHaveLength(1);
    const a = manifest.attacks[0]!;
    const byUuid = new Map(events.map((e) => [e.uuid, e]));
    const chain = a.attackerEvents.map((u) => byUuid.get(u)!);
    for (const e of chain) expect(e.client.ipAddress).toBe(a.attackerIp);
    const types = chain.map((e) => e.eventType);
    expect(types).toEqual(expect.arrayContaining(['user.account.privilege.grant', 'user.mfa.factor.reset_all', 'system.api_token.create', 'user.session.start']));
    const create = chain.find((e) => e.eventType === 'system.api_token.create')!;
    expect(create.transaction.detail.requestApiTokenId).toBe(a.stolenTokenId);
    expect(create.target[0].id).toBe(a.persistenceTokenId);
    expect(chain.find((e) => e.eventType === 'user.session.start')!.actor.id).toBe(a.pivotUserId);
    const revoked = manifest.revocations.filter((r) => r.story.startsWith('attack')).map((r) => r.tokenId);
    expect(revoked).toEqual([a.stolenTokenId, a.persistenceTokenId]);
  });

  it('logs token calls with the owner as actor', () => {
    const owners = new Map(manifest.tokens.map((t) => [t.id, t.ownerId]));
    for (const e of events) {
      const id = e.transaction.detail.requestApiTokenId;
      if (id) expect(e.actor.id).toBe(owners.get(id));
    }
  });
});

describe('sizes', () => {
  it('parses sizes with binary and decimal units', () => {
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('256MiB')).toBe(256 * 1024 ** 2);
    expect(parseSize('1.5GB')).toBe(1.5e9);
    expect(parseSize('4096')).toBe(4096);
    expect(() => parseSize('lots')).toThrow();
  });

  it('--size lands within a few percent of the requested event bytes', async () => {
    const m = await generate({ size: 8 * 1024 * 1024, revocations: 10, seed: 3, out: file('s.ndjson'), manifest: false });
    const eventBytes = m.bytes - m.events;
    expect(Math.abs(eventBytes / (8 * 1024 * 1024) - 1)).toBeLessThan(0.05);
    expect(m.avgEventBytes).toBeGreaterThan(2000);
    expect(m.avgEventBytes).toBeLessThan(2500);
  });
});

describe('light profile', () => {
  it('writes the bytes it always wrote (the benchmark compares runs over time on the same corpus)', async () => {
    await generate({ ...base, profile: 'light', out: file('light.ndjson') });
    expect(readFileSync(file('light.ndjson')).equals(readFileSync(file('a.ndjson')))).toBe(true);
    expect(createHash('sha256').update(readFileSync(file('a.ndjson'))).digest('hex')).toBe('b73631e685d43e9a5419ba5bc97acc77cac0059fcce8bf7a93ef834d11276193');
    expect(manifest.profile).toBe('light');
    expect(manifest.heavy).toBeUndefined();
  });
});

describe('heavy profile', () => {
  const heavyBase: Omit<GenerateOptions, 'out'> = { profile: 'heavy', events: 12_000, revocations: 40, seed: 7 };
  let hm: Manifest;
  let hev: Ev[];
  let report: { kind: string; id: string; window: { events: { uuid: string }[] } }[];
  const DAY = 86_400_000;

  beforeAll(async () => {
    hm = await generate({ ...heavyBase, out: file('h.ndjson') });
    hev = lines(file('h.ndjson')).map((l) => JSON.parse(l) as Ev);
    const r = await runCli([file('h.ndjson'), '--format', 'ndjson']);
    expect(r.code).toBe(0);
    // The findings (the report's NDJSON also holds incident summaries).
    report = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as (typeof report)[number]).filter((f) => f.kind === 'revocation');
  });

  it('is deterministic per seed', async () => {
    const small = { ...heavyBase, events: 4000, revocations: 20 };
    await generate({ ...small, out: file('h1.ndjson') });
    await generate({ ...small, out: file('h2.ndjson') });
    await generate({ ...small, seed: 8, out: file('h3.ndjson') });
    expect(readFileSync(file('h2.ndjson')).equals(readFileSync(file('h1.ndjson')))).toBe(true);
    expect(readFileSync(file('h3.ndjson')).equals(readFileSync(file('h1.ndjson')))).toBe(false);
  });

  it('records the profile and its stories in the manifest, and the revocations as the file has them', () => {
    expect(hm.profile).toBe('heavy');
    expect(hm.heavy!.busyAdmins).toHaveLength(3);
    expect(hm.heavy!.heavyOwners).toHaveLength(4);
    const revokes = hev.filter((e) => e.eventType === 'system.api_token.revoke');
    expect(revokes).toHaveLength(40);
    expect(hm.revocations.map((r) => r.uuid)).toEqual(revokes.map((e) => e.uuid));
    expect(new Set(hm.revocations.map((r) => r.story))).toEqual(new Set(['routine', 'idle', 'rotation', 'twice', 'runaway', 'attack-stolen', 'attack-persistence']));
  });

  it('gives a few owners most of the token calls, each of them many', () => {
    // Runaway tokens belong to quiet services: their bursts are the exception, not an owner's habit.
    const calls = hev.filter((e) => e.transaction.detail.requestApiTokenId && !hm.heavy!.runaway.includes(e.transaction.detail.requestApiTokenId));
    const byOwner = new Map<string, number>();
    for (const e of calls) byOwner.set(e.actor.id, (byOwner.get(e.actor.id) ?? 0) + 1);
    const heavy = hm.heavy!.heavyOwners.map((id) => byOwner.get(id) ?? 0);
    expect(heavy.reduce((a, b) => a + b, 0) / calls.length).toBeGreaterThan(0.6);
    for (const n of heavy) expect(n).toBeGreaterThan(15);
    const others = [...byOwner].filter(([id]) => !hm.heavy!.heavyOwners.includes(id)).map(([, n]) => n);
    expect(Math.min(...heavy)).toBeGreaterThan(Math.max(...others) / 2);
  });

  it('makes the busy admins active and the revokers of most tokens', () => {
    const busy = new Set(hm.heavy!.busyAdmins);
    const acts = new Map<string, number>();
    for (const e of hev) if (e.actor.type === 'User' && !e.transaction.detail.requestApiTokenId) acts.set(e.actor.id, (acts.get(e.actor.id) ?? 0) + 1);
    for (const id of busy) expect(acts.get(id)).toBeGreaterThan(100);
    const byAdmins = hm.revocations.filter((r) => r.revokerKind === 'admin');
    expect(byAdmins.filter((r) => busy.has(r.revokerId)).length / byAdmins.length).toBeGreaterThan(0.6);
  });

  it('revokes some tokens twice: a denied attempt then an admin, or two admins', () => {
    expect(hm.heavy!.twice.length).toBeGreaterThanOrEqual(2);
    for (const id of hm.heavy!.twice) {
      const rs = hm.revocations.filter((r) => r.tokenId === id);
      expect(rs).toHaveLength(2);
      expect(rs[1]!.outcome).toBe('SUCCESS');
      expect(Date.parse(rs[1]!.published)).toBeGreaterThan(Date.parse(rs[0]!.published));
    }
    expect(hm.revocations.some((r) => r.story === 'twice' && r.outcome === 'FAILURE')).toBe(true);
  });

  it('rotates several tokens of one heavy owner within minutes, by one admin', () => {
    expect(hm.heavy!.rotations.length).toBeGreaterThan(0);
    for (const ids of hm.heavy!.rotations) {
      const rs = ids.map((id) => hm.revocations.find((r) => r.tokenId === id)!);
      expect(new Set(rs.map((r) => r.ownerId)).size).toBe(1);
      expect(hm.heavy!.heavyOwners).toContain(rs[0]!.ownerId);
      expect(new Set(rs.map((r) => r.revokerId)).size).toBe(1);
      const times = rs.map((r) => Date.parse(r.published));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(40 * 60_000);
    }
  });

  it('places revocations late, so that the 30-day baseline covers most of the file', () => {
    const first = Date.parse(hm.first);
    const span = Date.parse(hm.last) - first;
    for (const r of hm.revocations) expect(Date.parse(r.published) - first).toBeGreaterThan(0.69 * span);
    expect(span).toBeGreaterThan(DAY);
  });

  it('gives windows from a handful of events to many, and events that sit in several windows', () => {
    const sizes = report.map((f) => f.window.events.length).sort((a, b) => a - b);
    expect(sizes).toHaveLength(40);
    expect(sizes[0]).toBeLessThan(10);
    expect(sizes.at(-1)).toBeGreaterThan(200);
    const runaway = report.find((f) => hm.revocations.find((r) => r.uuid === f.id)!.story === 'runaway')!;
    expect(runaway.window.events.length).toBeGreaterThan(100);
    const seen = new Map<string, number>();
    for (const f of report) for (const e of f.window.events) seen.set(e.uuid, (seen.get(e.uuid) ?? 0) + 1);
    expect([...seen.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
    expect(Math.max(...seen.values())).toBeGreaterThanOrEqual(5);
  });
});
