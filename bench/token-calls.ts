// Calls made with an API token (logged with the owner as actor): routine API traffic, attacker actions, decoys.
import { weighted, type Rng } from './prng.js';
import { appEntity, appUserEntity, groupEntity, personEntity, type Entity, type EventSpec } from './events.js';
import type { Network } from './places.js';
import type { Agent, Org, Person } from './population.js';
import { ATTACKER_AGENT, type Token } from './tokens.js';

type CallKind = (rng: Rng, org: Org) => { eventType: string; legacy: string; display: string; uri: string; severity?: 'WARN'; debug?: Record<string, string>; targets: Entity[] };

const CALLS = weighted<CallKind>([
  [(rng, org) => { const p = rng.pick(org.users); return { eventType: 'user.account.update_profile', legacy: 'core.user.config.profile_update.success', display: 'Update user profile for Okta', uri: `/api/v1/users/${p.id}`, debug: { changedAttributes: rng.pick(['title,department', 'manager,managerId', 'costCenter', 'mobilePhone']) }, targets: [personEntity(p)] }; }, 25],
  [(rng, org) => { const p = rng.pick(org.users); const g = rng.pick(org.groups); return { eventType: 'group.user_membership.add', legacy: 'core.user_group_member.user_add', display: 'Add user to group membership', uri: `/api/v1/groups/${g.id}/users/${p.id}`, targets: [personEntity(p), groupEntity(g)] }; }, 20],
  [(rng, org) => { const p = rng.pick(org.users); const g = rng.pick(org.groups); return { eventType: 'group.user_membership.remove', legacy: 'core.user_group_member.user_remove', display: 'Remove user from group membership', uri: `/api/v1/groups/${g.id}/users/${p.id}`, targets: [personEntity(p), groupEntity(g)] }; }, 8],
  [(rng, org) => { const p = rng.pick(org.users); const a = rng.pick(org.apps); return { eventType: 'application.user_membership.add', legacy: 'app.generic.provision.assign_user_to_app', display: 'Add user to application membership', uri: `/api/v1/apps/${a.id}/users`, targets: [appUserEntity(rng, p, org.idSuffix), appEntity(a), personEntity(p)] }; }, 10],
  [(rng, org) => { const p = rng.pick(org.users); return { eventType: 'user.lifecycle.create', legacy: 'core.user.config.user_creation.success', display: 'Create okta user', uri: '/api/v1/users?activate=true', targets: [personEntity(p)] }; }, 8],
  [(rng, org) => { const p = rng.pick(org.users); return { eventType: 'user.lifecycle.deactivate', legacy: 'core.user.config.user_deactivated', display: 'Deactivate Okta user', uri: `/api/v1/users/${p.id}/lifecycle/deactivate`, targets: [personEntity(p)] }; }, 5],
  [(rng) => { const b = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`; return { eventType: 'system.org.rate_limit.warning', legacy: 'core.framework.ratelimit.warning', display: 'Rate limit warning', severity: 'WARN', uri: `/api/v1/users?limit=200&after=00u${rng.alnum(17)}`, debug: { rateLimitBucketUuid: b, rateLimitScopeType: 'ORG', rateLimitSecondsToReset: String(rng.int(1, 59)), threshold: '600', timeSpan: '1', timeUnit: 'MINUTES', warningPercent: '60' }, targets: [{ id: '/api/v1/users', type: 'URL Pattern', alternateId: 'unknown', displayName: 'unknown', detailEntry: null }, { id: b, type: 'Bucket Uuid', alternateId: 'unknown', displayName: 'unknown', detailEntry: null }] }; }, 10],
]);

function call(rng: Rng, token: Token, from: Network, agent: Agent, c: ReturnType<CallKind>): EventSpec {
  return {
    eventType: c.eventType, legacyEventType: c.legacy, displayMessage: c.display, severity: c.severity,
    actor: personEntity(token.owner), net: from, agent, session: token.session, tokenId: token.id,
    uri: c.uri, debug: { ...c.debug, dtHash: rng.hex(64) }, targets: c.targets,
  };
}

/** An ordinary call made with `token` (from its own networks unless `from` is given). */
export function tokenCall(rng: Rng, org: Org, token: Token, from?: Network, agent?: Agent): EventSpec {
  return call(rng, token, from ?? rng.pick(token.nets), agent ?? token.agent, rng.pickWeighted(CALLS)(rng, org));
}

/** A SIEM poller's rate-limit warning whose logged URL filters on the revoke event type (a byte-level decoy). */
export function revokeFilterDecoy(rng: Rng, token: Token, sinceIso: string): EventSpec {
  const b = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  return call(rng, token, rng.pick(token.nets), token.agent, {
    eventType: 'system.org.rate_limit.warning', legacy: 'core.framework.ratelimit.warning', display: 'Rate limit warning', severity: 'WARN',
    uri: `/api/v1/logs?since=${encodeURIComponent(sinceIso)}&filter=eventType+eq+%22system.api_token.revoke%22&limit=1000`,
    debug: { rateLimitBucketUuid: b, rateLimitScopeType: 'ORG', rateLimitSecondsToReset: String(rng.int(1, 59)), threshold: '20', timeSpan: '1', timeUnit: 'MINUTES', warningPercent: '60' },
    targets: [{ id: '/api/v1/logs', type: 'URL Pattern', alternateId: 'unknown', displayName: 'unknown', detailEntry: null }, { id: b, type: 'Bucket Uuid', alternateId: 'unknown', displayName: 'unknown', detailEntry: null }],
  });
}

/** Attacker actions made with a stolen token: admin role grant, MFA reset, backdoor user into an admin group. */
export function attackCall(rng: Rng, org: Org, token: Token, from: Network, action: 'grant' | 'reset' | 'backdoor', victim: Person): EventSpec {
  if (action === 'grant') {
    return call(rng, token, from, ATTACKER_AGENT, { eventType: 'user.account.privilege.grant', legacy: 'core.user.admin_privilege.granted', display: 'Grant user privilege', uri: `/api/v1/users/${victim.id}/roles`, debug: { privilegeGranted: 'Super administrator' }, targets: [personEntity(victim)] });
  }
  if (action === 'reset') {
    return call(rng, token, from, ATTACKER_AGENT, { eventType: 'user.mfa.factor.reset_all', legacy: 'core.user.factor.reset_all', display: 'Reset all factors for user', uri: `/api/v1/users/${victim.id}/lifecycle/reset_factors`, targets: [personEntity(victim)] });
  }
  const g = org.adminGroups[0]!;
  return call(rng, token, from, ATTACKER_AGENT, { eventType: 'group.user_membership.add', legacy: 'core.user_group_member.user_add', display: 'Add user to group membership', uri: `/api/v1/groups/${g.id}/users/${victim.id}`, targets: [personEntity(victim), groupEntity(g)] });
}
