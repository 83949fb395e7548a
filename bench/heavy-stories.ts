// The heavy profile's stories: owners with busy tokens, busy admins as revokers, rotations, tokens revoked twice, runaway tokens.
import { weighted, type Rng, type WeightedTable } from './prng.js';
import type { Network } from './places.js';
import type { Org, Person } from './population.js';
import { planAttack } from './attack-story.js';
import { profileSettings } from './profile.js';
import { beginPlan, pair, TOKEN_NAMES, type StoryPlan } from './stories.js';
import { revokeFilterDecoy } from './token-calls.js';
import { integrationNets, type Token } from './tokens.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Revocations of each heavy story (two events per attack and per token revoked twice). */
export interface HeavyCounts {
  /** Routine revocations by an admin (mostly a busy one). */
  admin: number;
  /** Routine revocations by the token's owner. */
  owner: number;
  /** Okta's revocations of idle tokens of quiet owners: small windows. */
  system: number;
  /** Tokens revoked twice: a denied attempt then an admin, or two admins seconds apart. */
  twice: number;
  /** Revocations inside rotations: one admin revokes several tokens of one busy owner within minutes. */
  rotation: number;
  /** Tokens of quiet services that made thousands of calls in the hours before an admin revoked them. */
  runaway: number;
  attacks: number;
  decoys: number;
}

/** What the manifest records of the heavy stories (person and token ids). */
export interface HeavyRecord {
  /** Admins whose own work fills many windows' `actor` links; they revoke most tokens. */
  busyAdmins: string[];
  /** Service accounts whose tokens make most of the file's token calls (`owner` links). */
  heavyOwners: string[];
  /** The heavy owners' background tokens (never revoked). */
  busyTokens: string[];
  /** Token ids of each rotation, in revocation order. */
  rotations: string[][];
  /** Tokens revoked twice. */
  twice: string[];
  /** Tokens with a runaway burst of calls before their revocation. */
  runaway: string[];
}

/** What the writer needs beyond the planned events. */
export interface HeavyPlan {
  busyAdmins: Person[];
  /** Background token calls, weighted towards the heavy owners' tokens. */
  calls: WeightedTable<Token>;
  record: HeavyRecord;
}

/** Heavy owners: services terraform, scim-bridge, hr-sync and ci-deploy, with these shares of their calls. */
const HEAVY_OWNERS: readonly (readonly [number, number])[] = [[0, 1], [1, 1.6], [3, 2.5], [6, 5.5]];
const BUSY_ADMINS = 3;
/** Share of background token calls made with the heavy owners' tokens. */
const HEAVY_CALL_SHARE = 0.92;
/** Share of the ordinary (non-token, non-story) events that are busy admins at work. */
export const ADMIN_WORK_SHARE = 0.03;
const LIVES = [6 * HOUR, DAY, 3 * DAY, 10 * DAY, 20 * DAY, 30 * DAY];

/**
 * Splits `revocations` into heavy stories: 2 per attack and per twice-revoked token, 22% in
 * rotations, 1–2 runaway tokens, then 25/30/45% Okta/owner/admin.
 */
export function heavyStoryCounts(revocations: number, over: Partial<HeavyCounts> = {}): HeavyCounts {
  const big = revocations >= 10;
  const attacks = over.attacks ?? (big ? Math.max(1, Math.round(revocations / 50)) : 0);
  const twice = over.twice ?? (big ? Math.max(1, Math.round(revocations / 25)) : 0);
  const runaway = over.runaway ?? (revocations >= 100 ? 2 : big ? 1 : 0);
  const rotation = over.rotation ?? (big ? Math.round(revocations * 0.22) : 0);
  const rest = revocations - 2 * attacks - 2 * twice - runaway - rotation;
  if (rest < 0) throw new Error(`${revocations} revocations cannot hold ${attacks} attacks, ${twice} tokens revoked twice, ${runaway} runaway tokens and ${rotation} rotated ones`);
  const system = over.system ?? Math.round(rest * 0.25);
  const owner = over.owner ?? Math.round(rest * 0.3);
  const admin = over.admin ?? rest - system - owner;
  return { admin, owner, system, twice, rotation, runaway, attacks, decoys: over.decoys ?? Math.max(revocations > 0 ? 1 : 0, Math.round(revocations / 10)) };
}

/** Group sizes of 3–6 that add up to `total`. */
function rotationSizes(rng: Rng, total: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    let k = Math.min(left, rng.int(3, 6));
    if (left - k > 0 && left - k < 3) k = left;
    sizes.push(k);
    left -= k;
  }
  return sizes;
}

/** Plans every story of the heavy profile between `start` and `end` (epoch ms). */
export function planHeavyStories(rng: Rng, org: Org, start: number, end: number, counts: HeavyCounts): StoryPlan {
  const span = end - start;
  const unit = Math.min(1, span / (2 * DAY));
  // Runaway bursts reach their full size in a file of 40 days (1 GiB).
  const burstUnit = Math.min(1, span / (40 * DAY));
  const { plan, h } = beginPlan(rng, org, start, end);
  const { token, created, revoke, calls, adminOtherThan, consoleFrom } = h;
  const { revokeFrom, revokeTo } = profileSettings('heavy');
  const revokeTime = (): number => start + span * rng.float(revokeFrom, revokeTo);

  const busy = org.admins.slice(0, BUSY_ADMINS);
  const heavy = HEAVY_OWNERS.map(([i]) => org.services[i]!);
  // A heavy owner's tokens run on the same few egress addresses (its CI runners).
  const pools = new Map<Person, Network[]>(heavy.map((o) => [o, integrationNets(rng)]));
  const quietServices = org.services.filter((s) => !heavy.includes(s));
  const light = [...quietServices, ...org.admins.slice(BUSY_ADMINS)];
  const ownedBy = (owner: Person, name = rng.pick(TOKEN_NAMES)): Token => {
    const tk = token(name, owner);
    const pool = pools.get(owner);
    if (pool) tk.nets = pool.length > 1 && rng.chance(0.3) ? [rng.pick(pool)] : pool;
    return tk;
  };
  const weights: [Token, number][] = plan.background.map((tk) => [tk, (1 - HEAVY_CALL_SHARE) / plan.background.length]);
  const totalShare = HEAVY_OWNERS.reduce((a, [, w]) => a + w, 0);
  const busyTokens: string[] = [];
  HEAVY_OWNERS.forEach(([, share], i) => {
    const k = rng.int(3, 5);
    for (let j = 0; j < k; j++) {
      const tk = ownedBy(heavy[i]!);
      plan.background.push(tk);
      busyTokens.push(tk.id);
      weights.push([tk, (HEAVY_CALL_SHARE * share) / totalShare / k]);
    }
  });
  const record: HeavyRecord = { busyAdmins: busy.map((p) => p.id), heavyOwners: heavy.map((p) => p.id), busyTokens, rotations: [], twice: [], runaway: [] };
  plan.heavy = { busyAdmins: busy, calls: weighted(weights), record };

  const ownerOf = (heavyShare: number): Person => (rng.chance(heavyShare) ? rng.pick(heavy) : rng.pick(light));
  const revokerFor = (owner: Person): Person => (rng.chance(0.75) ? rng.pick(busy) : adminOtherThan(owner));
  /** Creation (if inside the file) and 3–40 calls over the token's life, 40% of them in its last day. */
  const life = (tk: Token, r: number, n: number): void => {
    const lived = rng.pick(LIVES) * rng.float(0.5, 1);
    created(tk, r - lived);
    calls(tk, r - lived + MIN, r - MIN, Math.ceil(n * 0.6));
    calls(tk, r - Math.min(lived, DAY), r - MIN, Math.floor(n * 0.4));
  };
  const byAdmin = (tk: Token, t: number, admin: Person, story: 'routine' | 'rotation' | 'twice' | 'runaway'): void =>
    revoke(tk, t, { kind: 'admin', who: admin, ...pair(consoleFrom(admin)) }, 'admin', story);

  for (let i = 0; i < counts.admin; i++) {
    const r = revokeTime();
    const tk = ownedBy(ownerOf(0.5));
    life(tk, r, rng.int(3, 40));
    byAdmin(tk, r, revokerFor(tk.owner), 'routine');
  }
  for (let i = 0; i < counts.owner; i++) {
    const r = revokeTime();
    const tk = ownedBy(ownerOf(0.4));
    life(tk, r, rng.int(3, 40));
    if (rng.chance(0.5)) revoke(tk, r, { kind: 'owner', who: tk.owner, ...pair(consoleFrom(tk.owner)) }, 'owner', 'routine');
    else revoke(tk, r, { kind: 'self-api' }, 'owner', 'routine');
  }
  for (let i = 0; i < counts.system; i++) {
    // Late in the file, so that (in a file of 40 days) the token was created inside it and has a known owner.
    const r = start + span * rng.float(0.8, revokeTo);
    const lastUse = r - 30 * DAY - rng.float(0, 36 * HOUR);
    const createdAt = lastUse - rng.float(HOUR, Math.max(2 * HOUR, Math.min(5 * DAY, lastUse - start)));
    // Idle tokens belong to quiet admins: their windows hold a handful of the owner's own events.
    const tk = ownedBy(rng.pick(org.admins.slice(BUSY_ADMINS)));
    created(tk, createdAt);
    calls(tk, createdAt + MIN, lastUse, rng.int(0, 3));
    calls(tk, lastUse, lastUse, 1);
    revoke(tk, r, { kind: 'system' }, 'system', 'idle');
  }
  for (const size of rotationSizes(rng, counts.rotation)) {
    const owner = rng.pick(heavy);
    const admin = rng.pick(busy);
    let t = revokeTime();
    const ids: string[] = [];
    for (let j = 0; j < size; j++) {
      const tk = ownedBy(owner);
      life(tk, t, rng.int(3, 40));
      byAdmin(tk, t, admin, 'rotation');
      ids.push(tk.id);
      t += rng.float(1, 6) * MIN;
    }
    record.rotations.push(ids);
  }
  for (let i = 0; i < counts.twice; i++) {
    const r = revokeTime();
    const tk = ownedBy(ownerOf(0.5));
    life(tk, r, rng.int(3, 40));
    const admin = rng.pick(busy);
    if (i % 2 === 0) {
      // A help-desk user without the permission tries first; an admin revokes it later.
      const who = rng.pick(org.users);
      revoke(tk, r, { kind: 'admin', who, net: who.home, agent: who.agent }, 'non-admin', 'twice', true);
      byAdmin(tk, r + rng.float(10, 120) * MIN, admin, 'twice');
    } else {
      // Two admins answer the same alert seconds apart; Okta logs both revocations.
      let other: Person;
      do other = rng.pick(busy); while (other === admin);
      byAdmin(tk, r, admin, 'twice');
      byAdmin(tk, r + rng.float(2, 90) * 1000, other, 'twice');
    }
    record.twice.push(tk.id);
  }
  for (let i = 0; i < counts.runaway; i++) {
    const r = revokeTime();
    // A quiet service's sync stuck in a loop: its burst is in its own window, not in every window of a heavy owner.
    const tk = ownedBy(rng.pick(quietServices), rng.pick(['scim-bridge', 'hr-sync', 'workday-import']));
    life(tk, r, rng.int(20, 60));
    const hours = rng.float(2, 8);
    calls(tk, r - hours * HOUR, r - MIN, Math.max(1, Math.round(rng.int(1500, 4000) * burstUnit)));
    byAdmin(tk, r, rng.pick(busy), 'runaway');
    record.runaway.push(tk.id);
  }
  for (let i = 0; i < counts.decoys; i++) {
    const t = start + span * rng.next();
    const siem = plan.background[0]!;
    h.at(t, (r) => revokeFilterDecoy(r, siem, new Date(t - 15 * MIN).toISOString()), siem.id);
  }
  for (let i = 0; i < counts.attacks; i++) planAttack(rng, org, plan, start + span * rng.float(revokeFrom, 0.95), unit, h);
  return plan;
}
