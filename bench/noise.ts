// The ordinary day-to-day events of an org (sign-ins, SSO, policy, MFA, OAuth2, provisioning), weighted.
import { weighted, type Rng, type WeightedTable } from './prng.js';
import { appEntity, appUserEntity, groupEntity, personEntity, sessionId, systemEntity, type Entity, type EventSpec } from './events.js';
import { networkAt, type Network } from './places.js';
import type { Agent, Org, Person } from './population.js';

type Builder = (rng: Rng, org: Org, ms: number) => EventSpec;

const BEHAVIOR_KEYS = ['New Geo-Location', 'New Device', 'New IP', 'New State', 'New Country', 'Velocity', 'New City'];

/** `[behaviors, logOnlySecurityData, risk]` for each subset of positive behaviours (bit i = key i). */
const BEHAVIOR_VARIANTS = Array.from({ length: 1 << BEHAVIOR_KEYS.length }, (_, mask) => {
  const vals = BEHAVIOR_KEYS.map((k, i) => [k, mask & (1 << i) ? 'POSITIVE' : 'NEGATIVE'] as const);
  const level = mask ? 'MEDIUM' : 'LOW';
  return [
    `{${vals.map(([k, v]) => `${k}=${v}`).join(', ')}}`,
    JSON.stringify({ risk: { level }, behaviors: Object.fromEntries(vals) }),
    mask ? '{reasons=Anomalous Device, level=MEDIUM}' : '{level=LOW}',
  ] as const;
});

/** Risk, behaviour and device debug fields that Okta attaches to interactive events. */
function riskDebug(rng: Rng): Record<string, string> {
  let mask = 0;
  for (let i = 0; i < BEHAVIOR_KEYS.length; i++) if (rng.chance(0.1)) mask |= 1 << i;
  const [behaviors, logOnlySecurityData, risk] = BEHAVIOR_VARIANTS[mask]!;
  if (rng.chance(0.2)) return { behaviors, dtHash: rng.hex(64), logOnlySecurityData, risk, threatSuspected: 'false' };
  return { behaviors, dtHash: rng.hex(64), risk, threatSuspected: 'false' };
}

/** Where a user's request comes from: home mostly, sometimes an office, rarely travelling. */
function origin(rng: Rng, org: Org, p: Person): [Network, Agent] {
  const agent = rng.chance(0.25) ? p.mobile : p.agent;
  const x = rng.next();
  if (x < 0.8) return [p.home, agent];
  if (x < 0.96) return [rng.pick(org.offices), agent];
  return [networkAt(rng, rng.pickWeighted(org.places), `198.${18 + rng.int(0, 1)}.${rng.int(0, 255)}.${rng.int(1, 254)}`), agent];
}

function userEvent(rng: Rng, org: Org, base: Omit<EventSpec, 'actor' | 'net' | 'agent' | 'session'>, who?: Person): EventSpec {
  const p = who ?? rng.pick(org.users);
  const spec = base as EventSpec;
  [spec.net, spec.agent] = origin(rng, org, p);
  spec.actor = personEntity(p);
  spec.session = sessionId(rng);
  return spec;
}

function jobEvent(rng: Rng, org: Org, base: Omit<EventSpec, 'actor' | 'net' | 'agent' | 'session'>): EventSpec {
  const spec = base as EventSpec;
  spec.actor = systemEntity(org.systemPrincipalId);
  spec.net = null;
  spec.agent = null;
  spec.session = rng.lowerAlnum(32);
  return spec;
}

const widget = { oktaUserAgentExtended: 'okta-auth-js/7.5.1 okta-signin-widget-7.18.0' };

const sessionStart: Builder = (rng, org) => {
  const fail = rng.chance(0.06);
  const p = rng.pick(org.users);
  return userEvent(rng, org, {
    eventType: 'user.session.start', legacyEventType: fail ? 'core.user_auth.login_failed' : 'core.user_auth.login_success',
    displayMessage: 'User login to Okta', result: fail ? 'FAILURE' : 'SUCCESS', reason: fail ? 'INVALID_CREDENTIALS' : null,
    uri: '/idp/idx/identify', debug: { authnRequestId: rng.b64url(27), ...riskDebug(rng), ...widget, origin: `https://${org.oktaHost}` },
    credentialProvider: 'OKTA_CREDENTIAL_PROVIDER', credentialType: 'PASSWORD', authenticationProvider: 'OKTA_AUTHENTICATION_PROVIDER',
    targets: [{ id: 'lae' + rng.alnum(13) + org.idSuffix, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Password', detailEntry: { methodTypeUsed: 'Password', methodUsedVerifiedProperties: '[USER_PRESENCE]' } }],
  }, p);
};

const sso: Builder = (rng, org) => {
  const p = rng.pick(org.users);
  const app = rng.pick(org.apps);
  const fail = rng.chance(0.02);
  return userEvent(rng, org, {
    eventType: 'user.authentication.sso', legacyEventType: 'app.auth.sso', displayMessage: 'User single sign on to app',
    result: fail ? 'FAILURE' : 'SUCCESS', reason: fail ? 'INVALID_CREDENTIALS' : null,
    uri: `/app/${app.name}/${rng.alnum(20)}/sso/saml`,
    debug: { initiationType: rng.chance(0.7) ? 'SP_INITIATED' : 'IDP_INITIATED', signOnMode: 'SAML 2.0', ...riskDebug(rng), threatSuspected: 'false' },
    targets: [appEntity(app), appUserEntity(rng, p, org.idSuffix)],
  }, p);
};

const policy: Builder = (rng, org) => {
  const pol = rng.pick(org.policies);
  const x = rng.next();
  const result = x < 0.8 ? 'ALLOW' : x < 0.97 ? 'CHALLENGE' : 'DENY';
  return userEvent(rng, org, {
    eventType: 'policy.evaluate_sign_on', legacyEventType: null, displayMessage: 'Evaluation of sign-on policy',
    result, reason: `Sign-on policy evaluation resulted in ${result}`, uri: '/idp/idx/authenticators/poll',
    debug: { ...riskDebug(rng), deviceFingerprint: rng.hex(32), ...widget },
    targets: [
      { id: pol.id, type: 'PolicyEntity', alternateId: 'unknown', displayName: pol.name, detailEntry: { policyType: 'OktaSignOn' } },
      { id: '0pr' + rng.alnum(13) + org.idSuffix, type: 'PolicyRule', alternateId: 'unknown', displayName: rng.pick(['Catch-all Rule', 'Off-network MFA', 'Admins: phishing resistant']), detailEntry: { policyRuleFactorMode: '2FA' } },
    ],
  });
};

const mfa: Builder = (rng, org) => {
  const p = rng.pick(org.users);
  const fail = rng.chance(0.03);
  return userEvent(rng, org, {
    eventType: 'user.authentication.auth_via_mfa', legacyEventType: fail ? 'core.user.factor.attempt_fail' : 'core.user.factor.attempt_success',
    displayMessage: 'Authentication of user via MFA', result: fail ? 'FAILURE' : 'SUCCESS', reason: fail ? 'INVALID_CREDENTIALS' : null,
    uri: '/idp/idx/challenge/answer', debug: { factor: 'OKTA_VERIFY_PUSH', factorIntent: 'AUTHENTICATION', ...riskDebug(rng), ...widget },
    credentialProvider: 'OKTA_CREDENTIAL_PROVIDER', authenticationProvider: 'FACTOR_PROVIDER',
    targets: [personEntity(p), { id: 'pfd' + rng.alnum(13) + org.idSuffix, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed: 'Get a push notification', methodUsedVerifiedProperties: '[DEVICE_BOUND, HARDWARE_PROTECTED, USER_PRESENCE]' } }],
  }, p);
};

const simpleUser = (eventType: string, legacy: string | null, display: string, uri: string, withRisk: boolean, severity: EventSpec['severity'] = 'INFO'): Builder => (rng, org) => {
  const p = rng.pick(org.users);
  return userEvent(rng, org, {
    eventType, legacyEventType: legacy, displayMessage: display, severity, uri,
    debug: withRisk ? riskDebug(rng) : { dtHash: rng.hex(64) }, targets: [personEntity(p)],
  }, p);
};

const oauth = (eventType: string, display: string, tokenType: string): Builder => (rng, org) => {
  const p = rng.pick(org.users);
  const app = rng.pick(org.apps);
  return userEvent(rng, org, {
    eventType, legacyEventType: `${eventType}_success`, displayMessage: display,
    uri: eventType.endsWith('code') ? `/oauth2/v1/authorize?client_id=${app.id}&response_type=code&scope=openid+profile+email&state=${rng.b64url(16)}` : '/oauth2/v1/token',
    debug: { clientAuthType: 'client_secret_basic', grantType: 'authorization_code', requestedScopes: 'openid profile email offline_access', dtHash: rng.hex(64), threatSuspected: 'false' },
    targets: [appEntity(app, 'OPENID_CONNECT'), { id: rng.b64url(20), type: tokenType, alternateId: 'unknown', displayName: tokenType === 'code' ? 'Authorization Code' : tokenType === 'id_token' ? 'ID Token' : 'Access Token', detailEntry: { expires: new Date(Date.UTC(2030, 0, 1)).toISOString(), subject: p.id, hash: rng.b64url(22) } }],
  }, p);
};

const adminAction = (eventType: string, legacy: string, display: string, targets: (rng: Rng, org: Org) => Entity[]): Builder => (rng, org) => {
  const admin = rng.pick(org.admins);
  const [net, agent] = [rng.chance(0.7) ? rng.pick(org.offices) : admin.home, admin.agent];
  return { eventType, legacyEventType: legacy, displayMessage: display, actor: personEntity(admin), net, agent, session: sessionId(rng), uri: `/api/v1/users/${rng.pick(org.users).id}`, debug: { dtHash: rng.hex(64) }, targets: targets(rng, org) };
};

const job = (eventType: string, legacy: string, display: string, targets: (rng: Rng, org: Org) => Entity[]): Builder => (rng, org) =>
  jobEvent(rng, org, { eventType, legacyEventType: legacy, displayMessage: display, debug: {}, targets: targets(rng, org) });

const userAndGroup = (rng: Rng, org: Org): Entity[] => [personEntity(rng.pick(org.users)), groupEntity(rng.pick(org.groups))];
const userAndApp = (rng: Rng, org: Org): Entity[] => { const p = rng.pick(org.users); return [appUserEntity(rng, p, org.idSuffix), appEntity(rng.pick(org.apps)), personEntity(p)]; };

/** Weighted catalogue of ordinary events, shares roughly as in a mid-size org's System Log. */
export const NOISE: WeightedTable<Builder> = weighted<Builder>([
  [sso, 22],
  [policy, 16],
  [sessionStart, 10],
  [mfa, 8],
  [simpleUser('user.authentication.verify', null, 'Verify user identity', '/idp/idx/identify', true), 5],
  [oauth('app.oauth2.as.authorize.code', 'OAuth2 authorization code request', 'code'), 5],
  [oauth('app.oauth2.as.token.grant.access_token', 'OAuth2 access token is granted', 'access_token'), 6],
  [oauth('app.oauth2.as.token.grant.id_token', 'OAuth2 id token is granted', 'id_token'), 3],
  [simpleUser('user.session.end', 'core.user_auth.logout_success', 'User logout from Okta', '/login/signout', false), 4],
  [simpleUser('system.push.send_factor_verify_push', null, 'A push was sent to a user for verification', '/idp/idx/authenticators/poll', true), 3],
  [simpleUser('user.account.update_profile', 'core.user.config.profile_update.success', 'Update user profile for Okta', '/api/v1/users/me', false), 1.5],
  [simpleUser('user.account.update_password', 'core.user.config.password_update.success', 'User update password for Okta', '/idp/idx/challenge/answer', true), 0.4],
  [simpleUser('user.mfa.okta_verify.deny_push', 'core.user.factor.attempt_fail', 'User rejected Okta push verify', '/idp/idx/authenticators/poll', true, 'WARN'), 0.2],
  [simpleUser('user.account.lock', 'core.user_auth.account_locked', 'Max sign in attempts exceeded', '/idp/idx/challenge/answer', true, 'DEBUG'), 0.2],
  [adminAction('user.session.access_admin_app', 'app.admin_app.access', 'User accessing Okta admin app', (_rng, org) => [appEntity(org.apps.find((a) => a.name === 'saasure')!, 'OPENID_CONNECT')]), 0.8],
  [adminAction('group.user_membership.add', 'core.user_group_member.user_add', 'Add user to group membership', userAndGroup), 0.8],
  [adminAction('user.lifecycle.create', 'core.user.config.user_creation.success', 'Create okta user', (rng, org) => [personEntity(rng.pick(org.users))]), 0.2],
  [job('group.user_membership.add', 'core.user_group_member.user_add', 'Add user to group membership', userAndGroup), 1.2],
  [job('application.user_membership.add', 'app.generic.provision.assign_user_to_app', 'Add user to application membership', userAndApp), 1.5],
  [job('app.user_management.push_profile_success', 'app.user_management.push_profile_success', 'Push user profile to app', userAndApp), 1.5],
]);

/** A successful `user.session.start` of `p` from a given network (used by stories, e.g. an attacker's sign-in). */
export function signIn(rng: Rng, org: Org, p: Person, net: Network, agent: Agent): EventSpec {
  return {
    eventType: 'user.session.start', legacyEventType: 'core.user_auth.login_success', displayMessage: 'User login to Okta',
    actor: personEntity(p), net, agent, session: sessionId(rng), uri: '/idp/idx/identify',
    debug: { authnRequestId: rng.b64url(27), ...riskDebug(rng), ...widget, origin: `https://${org.oktaHost}` },
    credentialProvider: 'OKTA_CREDENTIAL_PROVIDER', credentialType: 'PASSWORD', authenticationProvider: 'OKTA_AUTHENTICATION_PROVIDER',
    targets: null,
  };
}
