// Deterministic generator of realistic Okta System Log exports of any size, with a manifest of the answers.
import { realpathSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { adminWork } from './admin-work.js';
import { serializeEvent, uuidV1, type EventSpec } from './events.js';
import { ADMIN_WORK_SHARE, heavyStoryCounts, planHeavyStories, type HeavyCounts } from './heavy-stories.js';
import { NOISE } from './noise.js';
import { buildOrg, type Org } from './population.js';
import { parseProfile, profileSettings, type Profile } from './profile.js';
import { Rng } from './prng.js';
import { summarize, type Manifest } from './manifest.js';
import { defaultStoryCounts, planStories, type StoryCounts } from './stories.js';
import { tokenCall } from './token-calls.js';
import { newToken } from './tokens.js';
import { EXPORT_FORMATS, ExportWriter, type ExportFormat } from './writer.js';

const DAY = 86_400_000;

/** What to generate. Either `events` or `size` (bytes of compact event JSON) sets the length. */
export interface GenerateOptions {
  out: string;
  /** `light` (default) or `heavy` (busy windows; see profile.ts). */
  profile?: Profile;
  format?: ExportFormat;
  gzip?: boolean;
  gzipLevel?: number;
  events?: number;
  size?: number;
  revocations?: number;
  /** Story counts; the heavy profile takes `attacks` and `decoys` of them (and its own kinds). */
  counts?: Partial<StoryCounts> & Partial<HeavyCounts>;
  seed?: number;
  /** Events per `[...]` line with `format: 'array'`. */
  pageSize?: number;
  /** ISO time of the first event. */
  start?: string;
  /** Time span; default scales with the event count (~15.8k events a day, ~11.9k in the heavy profile). */
  days?: number;
  /** Share of events made with an API token (default 0.02, 0.05 in the heavy profile). */
  tokenShare?: number;
  /** Share of ordinary events logged up to 10 s late, i.e. slightly out of order (default 0.0005). */
  disorder?: number;
  users?: number;
  /** Write `<out>.manifest.json` (default true). */
  manifest?: boolean;
}

/** Parses `1GiB`, `256MiB`, `1.5GB`, `4096` (bytes) into a byte count. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B?|B)?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: ${text}`);
  const unit = (m[2] ?? 'B').toUpperCase();
  const pow = { B: 0, K: 1, M: 2, G: 3, T: 4 }[unit[0] as 'B' | 'K' | 'M' | 'G' | 'T'];
  const base = unit.length > 1 && unit[1] === 'I' ? 1024 : unit === 'B' ? 1 : 1000;
  return Math.round(Number(m[1]) * base ** pow);
}

/** How many events make `size` bytes of compact JSON, measured on a sample of this seed's org (and the profile's mix of events). */
export function estimateEvents(size: number, seed = 1, users = 3000, profile: Profile = 'light'): number {
  const root = new Rng(seed);
  const org = buildOrg(root.fork('org'), users);
  const rng = root.fork('calibrate');
  const t = Date.UTC(2024, 4, 1);
  let bytes = 0;
  const n = 4000;
  const sample = profile === 'heavy' ? heavySample(rng, org) : (ms: number): EventSpec => rng.pickWeighted(NOISE)(rng, org, ms);
  for (let i = 0; i < n; i++) {
    const ms = t + i * 5000;
    bytes += Buffer.byteLength(serializeEvent(rng, sample(ms), new Date(ms).toISOString(), uuidV1(rng, ms, i)));
  }
  return Math.max(1, Math.round(size / (bytes / n)));
}

/** Draws events in the heavy profile's proportions: token calls, busy admins' work, ordinary events. */
function heavySample(rng: Rng, org: Org): (ms: number) => EventSpec {
  const tk = newToken(rng, org, 'calibration', org.services[0]!, new Set());
  const { tokenShare } = profileSettings('heavy');
  return (ms) => {
    if (rng.chance(tokenShare)) return tokenCall(rng, org, tk);
    if (rng.chance(ADMIN_WORK_SHARE)) return adminWork(rng, org, org.admins[0]!);
    return rng.pickWeighted(NOISE)(rng, org, ms);
  };
}

/** Writes the export described by `o` and returns (and by default saves) its manifest. */
export async function generate(o: GenerateOptions): Promise<Manifest> {
  const seed = o.seed ?? 1;
  const profile = o.profile ?? 'light';
  const settings = profileSettings(profile);
  const format = o.format ?? 'ndjson';
  const users = o.users ?? 3000;
  const n = o.events ?? (o.size !== undefined ? estimateEvents(o.size, seed, users, profile) : 10_000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`events must be a positive integer, got ${n}`);
  const root = new Rng(seed);
  const org = buildOrg(root.fork('org'), users);
  const start = Date.parse(o.start ?? '2024-05-01T00:00:00.000Z');
  const span = (o.days ?? n / settings.eventsPerDay) * DAY;
  const step = span / n;
  const plan = profile === 'heavy'
    ? planHeavyStories(root.fork('stories'), org, start, start + span, heavyStoryCounts(o.revocations ?? 200, o.counts))
    : planStories(root.fork('stories'), org, start, start + span, defaultStoryCounts(o.revocations ?? 200, o.counts));
  const heavy = plan.heavy;
  const planned = plan.planned.sort((a, b) => a.t - b.t || a.seq - b.seq);
  if (planned.length > n / 2) throw new Error(`${planned.length} story events do not fit in ${n} events; raise --events or lower --revocations`);
  const slots = planned.map((p) => Math.min(n - 1, Math.max(0, Math.floor((p.t - start) / step))));
  for (let i = 1; i < slots.length; i++) slots[i] = Math.max(slots[i]!, slots[i - 1]! + 1);
  for (let i = slots.length - 1; i >= 0; i--) slots[i] = Math.min(slots[i]!, i === slots.length - 1 ? n - 1 : slots[i + 1]! - 1);
  const storyTokenEvents = planned.filter((p) => p.tokenId).length;
  const pToken = Math.min(1, Math.max(0, (o.tokenShare ?? settings.tokenShare) * n - storyTokenEvents) / (n - planned.length));
  const disorder = o.disorder ?? 0.0005;

  const rng = root.fork('events');
  const writer = new ExportWriter(o.out, format, o.pageSize ?? 1000, o.gzip ? (o.gzipLevel ?? 6) : undefined);
  const eventTypes: Record<string, number> = {};
  let eventBytes = 0, nonAscii = 0, tokenEvents = 0, outOfOrder = 0, decoys = 0, maxMs = -Infinity;
  let first = '', last = '', next = 0;
  for (let i = 0; i < n; i++) {
    let ms = start + Math.floor(i * step + rng.next() * step);
    const story = next < planned.length && slots[next] === i ? planned[next++]! : null;
    let spec;
    if (story) spec = story.spec(rng);
    else if (rng.chance(pToken)) spec = tokenCall(rng, org, heavy ? rng.pickWeighted(heavy.calls) : rng.pick(plan.background));
    else if (heavy && rng.chance(ADMIN_WORK_SHARE)) spec = adminWork(rng, org, rng.pick(heavy.busyAdmins));
    else {
      spec = rng.pickWeighted(NOISE)(rng, org, ms);
      if (rng.chance(disorder)) ms -= rng.int(1, 10_000);
    }
    if (ms < maxMs) outOfOrder++;
    else maxMs = ms;
    const published = new Date(ms).toISOString();
    const uuid = uuidV1(rng, ms, i);
    const compact = serializeEvent(rng, spec, published, uuid);
    const len = writer.add(compact);
    eventBytes += len;
    if (len !== compact.length) nonAscii++;
    eventTypes[spec.eventType] = (eventTypes[spec.eventType] ?? 0) + 1;
    story?.onEmit?.(uuid, published);
    if (spec.tokenId) {
      tokenEvents++;
      plan.tokenEvents.set(spec.tokenId, (plan.tokenEvents.get(spec.tokenId) ?? 0) + 1);
    }
    if (spec.eventType !== 'system.api_token.revoke' && spec.uri?.includes('system.api_token.revoke')) decoys++;
    if (i === 0) first = published;
    last = published;
    if (writer.needsFlush) await writer.flush();
  }
  const totals = await writer.close();
  const background = new Set(plan.background.map((t) => t.id));
  const revokerKinds: Record<string, number> = {};
  for (const r of plan.revocations) revokerKinds[r.revokerKind] = (revokerKinds[r.revokerKind] ?? 0) + 1;
  const manifest: Manifest = {
    generator: 'okta-revoke-scan/bench/generate', manifestVersion: 1, file: basename(o.out), profile, format, gzip: !!o.gzip, seed,
    events: n, bytes: totals.bytes, fileBytes: totals.fileBytes, avgEventBytes: Math.round(eventBytes / n),
    nonAsciiEvents: nonAscii, tokenEvents, outOfOrderEvents: outOfOrder, decoyEvents: decoys, first, last,
    eventTypes: Object.fromEntries(Object.entries(eventTypes).sort(([, a], [, b]) => b - a)),
    revocationCount: plan.revocations.length, revokerKinds, revocations: plan.revocations, attacks: plan.attacks,
    tokens: plan.tokens.map((t) => ({ id: t.id, name: t.name, ownerId: t.owner.id, background: background.has(t.id), createdInFile: plan.created.has(t.id), events: plan.tokenEvents.get(t.id) ?? 0 })),
    ...(heavy ? { heavy: heavy.record } : {}),
  };
  if (o.manifest !== false) writeFileSync(`${o.out}.manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

const USAGE = `usage: node dist/bench/generate.js --out FILE (--size 1GiB | --events N) [--profile light|heavy] [--revocations 200]
  [--format ndjson|array|pretty|onelinearray] [--gzip] [--gzip-level 6] [--seed 1] [--page-size 1000]
  [--start 2024-05-01T00:00:00.000Z] [--days D] [--attacks N] [--denied N] [--decoys N] [--users 3000] [--no-manifest]`;

/** CLI entry: parses `argv`, generates, prints the manifest summary as JSON. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' }, profile: { type: 'string' }, size: { type: 'string' }, events: { type: 'string' }, revocations: { type: 'string' },
      format: { type: 'string' }, gzip: { type: 'boolean' }, 'gzip-level': { type: 'string' }, seed: { type: 'string' },
      'page-size': { type: 'string' }, start: { type: 'string' }, days: { type: 'string' }, attacks: { type: 'string' },
      denied: { type: 'string' }, decoys: { type: 'string' }, users: { type: 'string' }, 'no-manifest': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help || !v.out) {
    process.stderr.write(USAGE + '\n');
    return v.help ? 0 : 2;
  }
  const format = (v.format ?? 'ndjson') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown --format ${format}; one of ${EXPORT_FORMATS.join(', ')}`);
  const int = (s: string | undefined): number | undefined => {
    if (s === undefined) return undefined;
    const x = Number(s);
    if (!Number.isFinite(x) || x < 0) throw new Error(`not a number: ${s}`);
    return x;
  };
  const t0 = performance.now();
  const m = await generate({
    out: v.out, profile: v.profile === undefined ? undefined : parseProfile(v.profile), format, gzip: v.gzip, gzipLevel: int(v['gzip-level']), seed: int(v.seed),
    events: int(v.events), size: v.size === undefined ? undefined : parseSize(v.size), revocations: int(v.revocations),
    pageSize: int(v['page-size']), start: v.start, days: int(v.days), users: int(v.users), manifest: !v['no-manifest'],
    counts: { attacks: int(v.attacks), denied: int(v.denied), decoys: int(v.decoys) },
  });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ ...summarize(m), seconds: +seconds.toFixed(2) }, null, 2) + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
