// A busy administrator's day in the admin console (heavy profile): sign-ins, console visits, user, group and app changes.
import { weighted, type Rng } from './prng.js';
import { appEntity, groupEntity, personEntity, sessionId, type Entity, type EventSpec } from './events.js';
import { signIn } from './noise.js';
import type { Org, Person } from './population.js';

type Work = (rng: Rng, org: Org, admin: Person) => Omit<EventSpec, 'actor' | 'net' | 'agent' | 'session'>;

const user = (rng: Rng, org: Org): Entity => personEntity(rng.pick(org.users));

const WORK = weighted<Work | 'sign-in'>([
  ['sign-in', 6],
  [(_rng, org) => ({ eventType: 'user.session.access_admin_app', legacyEventType: 'app.admin_app.access', displayMessage: 'User accessing Okta admin app', uri: '/admin/dashboard', targets: [appEntity(org.apps.find((a) => a.name === 'saasure')!, 'OPENID_CONNECT')] }), 14],
  [(rng, org) => { const p = user(rng, org); const g = rng.pick(org.groups); return { eventType: 'group.user_membership.add', legacyEventType: 'core.user_group_member.user_add', displayMessage: 'Add user to group membership', uri: `/api/v1/groups/${g.id}/users/${p.id}`, targets: [p, groupEntity(g)] }; }, 22],
  [(rng, org) => { const p = user(rng, org); const g = rng.pick(org.groups); return { eventType: 'group.user_membership.remove', legacyEventType: 'core.user_group_member.user_remove', displayMessage: 'Remove user from group membership', uri: `/api/v1/groups/${g.id}/users/${p.id}`, targets: [p, groupEntity(g)] }; }, 8],
  [(rng, org) => { const p = user(rng, org); return { eventType: 'user.account.update_profile', legacyEventType: 'core.user.config.profile_update.success', displayMessage: 'Update user profile for Okta', uri: `/api/v1/users/${p.id}`, debug: { changedAttributes: rng.pick(['title,department', 'manager,managerId', 'costCenter', 'mobilePhone']) }, targets: [p] }; }, 18],
  [(rng, org) => { const p = user(rng, org); return { eventType: 'user.account.reset_password', legacyEventType: 'core.user.config.password_reset', displayMessage: 'Fire password reset email', uri: `/api/v1/users/${p.id}/lifecycle/reset_password`, targets: [p] }; }, 6],
  [(rng, org) => { const p = user(rng, org); return { eventType: 'user.lifecycle.activate', legacyEventType: 'core.user.config.user_activated', displayMessage: 'Activate Okta user', uri: `/api/v1/users/${p.id}/lifecycle/activate`, targets: [p] }; }, 5],
  [(rng, org) => { const p = user(rng, org); return { eventType: 'user.lifecycle.deactivate', legacyEventType: 'core.user.config.user_deactivated', displayMessage: 'Deactivate Okta user', uri: `/api/v1/users/${p.id}/lifecycle/deactivate`, targets: [p] }; }, 3],
  [(rng, org) => { const p = user(rng, org); const a = rng.pick(org.apps); return { eventType: 'application.user_membership.add', legacyEventType: 'app.generic.provision.assign_user_to_app', displayMessage: 'Add user to application membership', uri: `/api/v1/apps/${a.id}/users`, targets: [p, appEntity(a)] }; }, 12],
  [(rng, org) => { const pol = rng.pick(org.policies); return { eventType: 'policy.rule.update', legacyEventType: 'core.policy.rule.update', displayMessage: 'Update policy rule', uri: `/api/v1/policies/${pol.id}/rules`, targets: [{ id: pol.id, type: 'PolicyEntity', alternateId: 'unknown', displayName: pol.name, detailEntry: { policyType: 'OktaSignOn' } }] }; }, 2],
]);

/**
 * One event of `admin` at work: from an office (70%) or home, in the browser. These admins are the
 * heavy profile's revokers, so their own events fill the `actor` links of many windows.
 */
export function adminWork(rng: Rng, org: Org, admin: Person): EventSpec {
  const net = rng.chance(0.7) ? rng.pick(org.offices) : admin.home;
  const work = rng.pickWeighted(WORK);
  if (work === 'sign-in') return signIn(rng, org, admin, net, admin.agent);
  const base = work(rng, org, admin);
  return { ...base, debug: { ...base.debug, dtHash: rng.hex(64) }, actor: personEntity(admin), net, agent: admin.agent, session: sessionId(rng) };
}
