// Token stories planned on the timeline: routine and idle revocations, denied attempts, attack chains (light profile).
import type { Rng } from './prng.js';
import type { EventSpec } from './events.js';
import type { Network } from './places.js';
import type { Org, Person } from './population.js';
import { planAttack, type StoryHelpers } from './attack-story.js';
import type { HeavyPlan } from './heavy-stories.js';
import { revokeFilterDecoy, tokenCall } from './token-calls.js';
import { newToken, tokenCreate, tokenRevoke, type RevokeVia, type Token } from './tokens.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Who revoked: another admin, the owner, Okta (idle ≥ 30 days), or a non-admin whose attempt failed. */
export type RevokerKind = 'admin' | 'owner' | 'system' | 'non-admin';

/** One `system.api_token.revoke` event written to the file (the expected answer for the CLI). */
export interface RevocationRecord {
  uuid: string;
  published: string;
  tokenId: string;
  tokenName: string;
  ownerId: string;
  revokerKind: RevokerKind;
  /** What the report model calls the revoker: a person or Okta. */
  revokedBy: 'user' | 'system';
  revokerId: string;
  revokerAlternateId: string;
  outcome: 'SUCCESS' | 'FAILURE';
  /** The story; `rotation`, `twice` and `runaway` are the heavy profile's. */
  story: 'routine' | 'idle' | 'denied' | 'attack-stolen' | 'attack-persistence' | 'rotation' | 'twice' | 'runaway';
  /** Events in the file made with this token before the revocation. */
  tokenEventsBefore: number;
}

/** An attack chain: stolen token, attacker IP, persistence token, the user turned admin. */
export interface AttackRecord {
  stolenTokenId: string;
  persistenceTokenId: string;
  attackerIp: string;
  attackerCountry: string;
  attackerAsn: number;
  pivotUserId: string;
  /** uuids of every event from the attacker's IP, in file order. */
  attackerEvents: string[];
}

/** One event reserved on the timeline; `spec` is built when it is written. */
export interface Planned {
  t: number;
  seq: number;
  tokenId?: string;
  spec: (rng: Rng) => EventSpec;
  onEmit?: (uuid: string, published: string) => void;
}

/** Counts of each kind of story; see {@link defaultStoryCounts}. */
export interface StoryCounts {
  admin: number;
  owner: number;
  system: number;
  denied: number;
  attacks: number;
  decoys: number;
}

/** The plan: reserved events plus the records they fill in as they are written. */
export interface StoryPlan {
  planned: Planned[];
  background: Token[];
  tokens: Token[];
  revocations: RevocationRecord[];
  attacks: AttackRecord[];
  /** Events made with each token so far (filled by the writer). */
  tokenEvents: Map<string, number>;
  created: Set<string>;
  /** The heavy profile's busy admins, token-call weights and records (absent in the light profile). */
  heavy?: HeavyPlan;
}

/** Splits `revocations` into story kinds: 2 per attack, ~3% denied, then 45/30/25% admin/owner/Okta. */
export function defaultStoryCounts(revocations: number, over: Partial<StoryCounts> = {}): StoryCounts {
  const attacks = over.attacks ?? (revocations >= 10 ? Math.max(1, Math.round(revocations / 50)) : 0);
  const denied = over.denied ?? (revocations >= 20 ? Math.round(revocations * 0.03) : 0);
  const rest = revocations - 2 * attacks - denied;
  if (rest < 0) throw new Error(`${revocations} revocations cannot hold ${attacks} attacks (2 each) and ${denied} denied attempts`);
  const system = over.system ?? Math.round(rest * 0.25);
  const owner = over.owner ?? Math.round(rest * 0.3);
  const admin = over.admin ?? rest - system - owner;
  return { admin, owner, system, denied, attacks, decoys: over.decoys ?? Math.max(revocations > 0 ? 1 : 0, Math.round(revocations / 10)) };
}

/** Names integrations give their API tokens. */
export const TOKEN_NAMES = ['terraform-prod', 'scim-bridge', 'jira-sync', 'backup-export', 'ci-deploy', 'workday-import', 'datadog-okta-logs', 'splunk-addon', 'ServiceNow', 'okta-aws-cli', 'sync Zürich', 'onboarding-bot', 'audit-export', 'Zoom provisioning', 'legacy-sync', 'münchen-hr-feed', 'test token', 'postman'];
const BACKGROUND = ['siem-poller', 'terraform', 'scim-bridge', 'hr-sync', 'okta-backup', 'jira-provisioning'];

/** An empty plan between `start` and `end` (epoch ms), the helpers that fill it, and its background tokens. */
export function beginPlan(rng: Rng, org: Org, start: number, end: number): { plan: StoryPlan; h: StoryHelpers } {
  const ids = new Set<string>();
  const plan: StoryPlan = { planned: [], background: [], tokens: [], revocations: [], attacks: [], tokenEvents: new Map(), created: new Set() };
  let seq = 0;
  const at = (t: number, spec: Planned['spec'], tokenId?: string, onEmit?: Planned['onEmit']): void => {
    if (t >= start && t <= end) plan.planned.push({ t, seq: seq++, spec, tokenId, onEmit });
  };
  const token = (name: string, owner: Person): Token => { const tk = newToken(rng, org, name, owner, ids); plan.tokens.push(tk); return tk; };
  const adminOtherThan = (p: Person): Person => { let a: Person; do a = rng.pick(org.admins); while (a === p); return a; };
  const consoleFrom = (p: Person): [Network, Person['agent']] => [rng.chance(0.7) ? rng.pick(org.offices) : p.home, p.agent];
  const created = (tk: Token, t: number, from?: Network, agent?: Person['agent'], viaToken?: Token): void =>
    at(t, (r) => tokenCreate(r, tk, tk.owner, from ?? consoleFrom(tk.owner)[0], agent ?? tk.owner.agent, viaToken), viaToken?.id, () => plan.created.add(tk.id));
  const revoke = (tk: Token, t: number, via: RevokeVia, kind: RevokerKind, story: RevocationRecord['story'], denied = false): void => {
    const who = via.kind === 'admin' || via.kind === 'owner' ? via.who : via.kind === 'self-api' ? tk.owner : null;
    at(Math.min(Math.max(t, start), end), (r) => tokenRevoke(r, org, tk, via, denied), via.kind === 'self-api' ? tk.id : undefined, (uuid, published) => {
      plan.revocations.push({
        uuid, published, tokenId: tk.id, tokenName: tk.name, ownerId: tk.owner.id, revokerKind: kind,
        revokedBy: who ? 'user' : 'system', revokerId: who ? who.id : org.systemPrincipalId, revokerAlternateId: who ? who.login : 'system@okta.com',
        outcome: denied ? 'FAILURE' : 'SUCCESS', story, tokenEventsBefore: plan.tokenEvents.get(tk.id) ?? 0,
      });
    });
  };
  const calls = (tk: Token, from: number, to: number, n: number): void => {
    for (let i = 0; i < n; i++) at(from + rng.next() * (to - from), (r) => tokenCall(r, org, tk), tk.id);
  };
  for (const name of BACKGROUND) plan.background.push(token(name, rng.pick(org.services)));
  return { plan, h: { token, created, revoke, calls, at, adminOtherThan, consoleFrom } };
}

/** Plans every story of the light profile between `start` and `end` (epoch ms). */
export function planStories(rng: Rng, org: Org, start: number, end: number, counts: StoryCounts): StoryPlan {
  const span = end - start;
  const unit = Math.min(1, span / (2 * DAY));
  const { plan, h } = beginPlan(rng, org, start, end);
  const { token, created, revoke, calls, at, adminOtherThan, consoleFrom } = h;
  const owner = (): Person => (rng.chance(0.55) ? rng.pick(org.services) : rng.pick(org.admins));
  const revokeTime = (): number => start + span * rng.float(0.02, 0.998);

  const routine = (kind: 'admin' | 'owner'): void => {
    const r = revokeTime();
    const life = rng.pick([2 * HOUR, 6 * HOUR, DAY, 3 * DAY, 10 * DAY, 30 * DAY, 90 * DAY]) * rng.float(0.5, 1);
    const tk = token(rng.pick(TOKEN_NAMES), owner());
    created(tk, r - life);
    const recent = Math.min(life, DAY);
    const n = rng.int(3, 40);
    calls(tk, r - life + MIN, r - MIN, Math.ceil(n * 0.6));
    calls(tk, r - recent, r - MIN, Math.floor(n * 0.4));
    if (kind === 'admin') {
      const admin = adminOtherThan(tk.owner);
      revoke(tk, r, { kind: 'admin', who: admin, ...pair(consoleFrom(admin)) }, 'admin', 'routine');
    }
    else if (rng.chance(0.5)) revoke(tk, r, { kind: 'owner', who: tk.owner, ...pair(consoleFrom(tk.owner)) }, 'owner', 'routine');
    else revoke(tk, r, { kind: 'self-api' }, 'owner', 'routine');
  };
  for (let i = 0; i < counts.admin; i++) routine('admin');
  for (let i = 0; i < counts.owner; i++) routine('owner');

  for (let i = 0; i < counts.system; i++) {
    const r = revokeTime();
    const lastUse = r - 30 * DAY - rng.float(0, 36 * HOUR);
    const createdAt = lastUse - rng.float(HOUR, 60 * DAY);
    const tk = token(rng.pick(TOKEN_NAMES), owner());
    created(tk, createdAt);
    calls(tk, createdAt + MIN, lastUse, rng.int(0, 3));
    at(lastUse, (rr) => tokenCall(rr, org, tk), tk.id);
    revoke(tk, r, { kind: 'system' }, 'system', 'idle');
  }

  for (let i = 0; i < counts.denied; i++) {
    const tk = rng.pick(plan.background.slice(1));
    const who = rng.pick(org.users);
    revoke(tk, revokeTime(), { kind: 'admin', who, net: who.home, agent: who.agent }, 'non-admin', 'denied', true);
  }

  for (let i = 0; i < counts.decoys; i++) {
    const t = start + span * rng.next();
    const siem = plan.background[0]!;
    at(t, (r) => revokeFilterDecoy(r, siem, new Date(t - 15 * MIN).toISOString()), siem.id);
  }

  for (let i = 0; i < counts.attacks; i++) planAttack(rng, org, plan, start + span * rng.float(0.1, 0.6), unit, h);
  return plan;
}

/** A console origin as the `{ net, agent }` a revocation takes. */
export function pair([net, agent]: [Network, Person['agent']]): { net: Network; agent: Person['agent'] } {
  return { net, agent };
}
