// Tests for the benchmark generator: determinism, every layout, manifest answers, stories.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, parseSize, type GenerateOptions } from '../../bench/generate.js';
import type { Manifest } from '../../bench/manifest.js';

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
