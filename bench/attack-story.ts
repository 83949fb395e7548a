// The attack-chain story: stolen token from a new country, admin grant, MFA reset, persistence token, revocations.
import type { Network } from './places.js';
import type { Org, Person } from './population.js';
import type { Rng } from './prng.js';
import { signIn } from './noise.js';
import type { AttackRecord, Planned, RevocationRecord, RevokerKind, StoryPlan } from './stories.js';
import { attackCall, tokenCall } from './token-calls.js';
import { ATTACKER_AGENT, attackerNet, tokenCreate, type RevokeVia, type Token } from './tokens.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The planning primitives a story needs, bound to one plan. */
export interface StoryHelpers {
  token: (name: string, owner: Person) => Token;
  created: (tk: Token, t: number, from?: Network, agent?: Person['agent'], viaToken?: Token) => void;
  /** Plans a revocation of `tk` at `t`; `denied` makes it a FAILURE. */
  revoke: (tk: Token, t: number, via: RevokeVia, kind: RevokerKind, story: RevocationRecord['story'], denied?: boolean) => void;
  calls: (tk: Token, from: number, to: number, n: number) => void;
  at: (t: number, spec: Planned['spec'], tokenId?: string, onEmit?: Planned['onEmit']) => void;
  adminOtherThan: (p: Person) => Person;
  consoleFrom: (p: Person) => [Network, Person['agent']];
}

/**
 * Plans an attack starting at `a` (durations scaled by `unit` for short files): a stolen service
 * token used from a new country: admin grant, MFA reset, persistence token, a
 * pivot user's sign-in from the attacker's IP, then an admin revokes both tokens.
 */
export function planAttack(rng: Rng, org: Org, plan: StoryPlan, a: number, unit: number, h: StoryHelpers): void {
  const stolen = h.token(rng.pick(['ci-deploy', 'terraform-prod', 'scim-bridge']), rng.pick(org.services));
  const c = a - rng.float(3 * DAY, 60 * DAY) * unit;
  h.created(stolen, c);
  h.calls(stolen, c + MIN, a - MIN, rng.int(10, 40));
  const x = attackerNet(rng);
  const pivot = rng.pick(org.users);
  const rec: AttackRecord = { stolenTokenId: stolen.id, persistenceTokenId: '', attackerIp: x.ip, attackerCountry: x.place.country, attackerAsn: x.asNumber, pivotUserId: pivot.id, attackerEvents: [] };
  plan.attacks.push(rec);
  const mark = (uuid: string): void => { rec.attackerEvents.push(uuid); };
  const t = (minutes: number): number => a + minutes * MIN * unit;
  h.at(t(0), (r) => tokenCall(r, org, stolen, x, ATTACKER_AGENT), stolen.id, mark);
  h.at(t(1), (r) => tokenCall(r, org, stolen, x, ATTACKER_AGENT), stolen.id, mark);
  h.at(t(rng.float(2, 6)), (r) => attackCall(r, org, stolen, x, 'grant', pivot), stolen.id, mark);
  h.at(t(rng.float(7, 10)), (r) => attackCall(r, org, stolen, x, 'reset', pivot), stolen.id, mark);
  const persist = h.token('okta-backup-sync', stolen.owner);
  persist.nets = [x];
  persist.agent = ATTACKER_AGENT;
  rec.persistenceTokenId = persist.id;
  h.at(t(rng.float(11, 20)), (r) => tokenCreate(r, persist, stolen.owner, x, ATTACKER_AGENT, stolen), stolen.id, (uuid) => { plan.created.add(persist.id); mark(uuid); });
  h.at(t(rng.float(25, 28)), (r) => attackCall(r, org, persist, x, 'backdoor', pivot), persist.id, mark);
  for (let i = 0; i < rng.int(2, 5); i++) h.at(t(rng.float(28, 40)), (r) => tokenCall(r, org, persist, x, ATTACKER_AGENT), persist.id, mark);
  h.at(t(rng.float(41, 60)), (r) => signIn(r, org, pivot, x, { raw: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36', os: 'Windows 10', browser: 'CHROME', device: 'Computer' }), undefined, mark);
  const r1 = t(rng.float(120, 1200));
  const admin = h.adminOtherThan(stolen.owner);
  const [net, agent] = h.consoleFrom(admin);
  h.revoke(stolen, r1, { kind: 'admin', who: admin, net, agent }, 'admin', 'attack-stolen');
  h.revoke(persist, r1 + rng.float(1, 10) * MIN * unit, { kind: 'admin', who: admin, net, agent }, 'admin', 'attack-persistence');
}
