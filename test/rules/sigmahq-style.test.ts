// The 25 SigmaHQ-style Okta rules (test/fixtures/rules/sigmahq-style): what each must and must not match.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules, type SigmaRule } from '../../src/rules/index.js';
import { publicSample } from '../helpers/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = publicSample('panther-analysis');
const FIXTURES = resolve(here, '../fixtures/rules/sigmahq-style');

type Doc = Record<string, unknown>;

/** An event as Okta writes it: `eventType` plus nested fields given as dotted paths. */
function ev(eventType: string, fields: Record<string, unknown> = {}): Doc {
  const doc: Doc = { eventType, actor: { alternateId: 'ann@corp.example', type: 'User' }, outcome: { result: 'SUCCESS' } };
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    let at = doc;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Doc;
    at[keys.at(-1)!] = value;
  }
  return doc;
}

/** Events each rule must match and must not match (real Okta event types and field layouts). */
const CASES: Record<string, { match: Doc[]; noMatch: Doc[] }> = {
  okta_admin_role_assigned_to_principal: {
    match: [ev('user.account.privilege.grant'), ev('group.privilege.grant'), ev('USER.ACCOUNT.PRIVILEGE.GRANT')],
    noMatch: [ev('user.account.privilege.revoke'), ev('group.privilege.revoke')],
  },
  okta_custom_admin_role_binding_added: { match: [ev('iam.resourceset.bindings.add')], noMatch: [ev('iam.resourceset.bindings.delete'), ev('iam.role.create')] },
  okta_api_token_created: { match: [ev('system.api_token.create')], noMatch: [ev('system.api_token.revoke'), ev('system.api_token.update')] },
  okta_mfa_factor_reset_or_deactivated: {
    match: [ev('user.mfa.factor.deactivate'), ev('user.mfa.factor.reset_all')],
    noMatch: [ev('user.mfa.factor.activate'), ev('user.mfa.factor.update')],
  },
  okta_mfa_factor_suspended: { match: [ev('user.mfa.factor.suspend')], noMatch: [ev('user.mfa.factor.unsuspend')] },
  okta_policy_changed_or_removed: {
    match: [ev('policy.lifecycle.update'), ev('policy.lifecycle.deactivate'), ev('policy.lifecycle.delete')],
    noMatch: [ev('policy.lifecycle.create'), ev('policy.lifecycle.activate'), ev('policy.evaluate_sign_on')],
  },
  okta_policy_rule_changed_or_removed: {
    match: [ev('policy.rule.update'), ev('policy.rule.deactivate'), ev('policy.rule.delete')],
    noMatch: [ev('policy.rule.add'), ev('policy.rule.activate')],
  },
  okta_app_sign_on_policy_changed: {
    match: [ev('application.policy.sign_on.update'), ev('application.policy.sign_on.rule.delete')],
    noMatch: [ev('application.policy.sign_on.rule.create'), ev('policy.rule.update')],
  },
  okta_network_zone_deactivated_or_deleted: { match: [ev('zone.deactivate'), ev('zone.delete')], noMatch: [ev('zone.create'), ev('zone.activate'), ev('zone.update')] },
  okta_support_impersonation_session: {
    match: [ev('user.session.impersonation.grant'), ev('user.session.impersonation.initiate'), ev('user.session.impersonation.extend')],
    noMatch: [ev('user.session.impersonation.revoke'), ev('user.session.impersonation.end'), ev('user.session.start')],
  },
  okta_threatinsight_threat_detected: { match: [ev('security.threat.detected')], noMatch: [ev('security.request.blocked')] },
  okta_session_start_from_proxy: {
    match: [ev('user.session.start', { 'securityContext.isProxy': true }), ev('user.session.start', { 'securityContext.isProxy': 'true' })],
    noMatch: [
      ev('user.session.start', { 'securityContext.isProxy': false }),
      ev('user.session.start', { 'securityContext.isProxy': true, 'outcome.result': 'FAILURE' }),
      ev('user.session.start'),
      ev('user.authentication.sso', { 'securityContext.isProxy': true }),
    ],
  },
  okta_app_modified_or_deleted: {
    match: [ev('application.lifecycle.update'), ev('application.lifecycle.deactivate'), ev('application.lifecycle.delete')],
    noMatch: [ev('application.lifecycle.create'), ev('application.lifecycle.activate')],
  },
  okta_identity_provider_created_or_modified: {
    match: [ev('system.idp.lifecycle.create'), ev('system.idp.lifecycle.update')],
    noMatch: [ev('system.idp.lifecycle.delete'), ev('user.authentication.auth_via_IDP')],
  },
  okta_enduser_reported_suspicious_activity: { match: [ev('user.account.report_suspicious_activity_by_enduser')], noMatch: [ev('user.account.lock')] },
  okta_unauthorized_app_access_attempt: { match: [ev('app.generic.unauth_app_access_attempt')], noMatch: [ev('app.token.reuse'), ev('user.authentication.sso')] },
  okta_user_account_locked: {
    match: [ev('user.account.lock'), ev('user.session.start', { legacyEventType: 'core.user_auth.account_locked' })],
    noMatch: [ev('user.account.unlock'), ev('user.session.start', { legacyEventType: 'core.user_auth.login_failed' })],
  },
  okta_fastpass_phishing_attempt_blocked: {
    match: [ev('user.authentication.auth_via_mfa', { 'outcome.result': 'FAILURE', 'outcome.reason': 'FastPass declined phishing attempt' })],
    noMatch: [
      ev('user.authentication.auth_via_mfa', { 'outcome.result': 'FAILURE', 'outcome.reason': 'INVALID_CREDENTIALS' }),
      ev('user.session.start', { 'outcome.result': 'FAILURE', 'outcome.reason': 'FastPass declined phishing attempt' }),
    ],
  },
  okta_oauth_token_reuse_detected: {
    match: [ev('app.oauth2.token.detect_reuse'), ev('app.oauth2.as.token.detect_reuse')],
    noMatch: [ev('app.oauth2.token.grant.refresh_token'), ev('app.token.reuse')],
  },
  okta_app_password_revealed: { match: [ev('application.user_membership.show_password')], noMatch: [ev('application.user_membership.change_password')] },
  okta_reset_by_okta_system: {
    match: [ev('user.account.reset_password', { 'actor.alternateId': 'system@okta.com' }), ev('user.mfa.factor.reset_all', { 'actor.alternateId': 'System@Okta.com' })],
    noMatch: [ev('user.account.reset_password'), ev('user.mfa.factor.deactivate', { 'actor.alternateId': 'system@okta.com' })],
  },
  okta_rate_limit_violation_legacy_fields: {
    match: [ev('system.operation.rate_limit.violation'), { eventtype: 'application.integration.rate_limit_exceeded', displaymessage: 'Rate limit exceeded' }],
    noMatch: [ev('system.org.rate_limit.warning'), ev('system.org.rate_limit.violation', { displayMessage: 'Rate limit warning' })],
  },
  okta_admin_console_access_via_proxy: {
    match: [ev('user.session.access_admin_app', { 'securityContext.isProxy': true })],
    noMatch: [ev('user.session.access_admin_app', { 'securityContext.isProxy': false }), ev('user.session.start', { 'securityContext.isProxy': true })],
  },
  okta_sign_in_new_device_and_geo: {
    match: [
      ev('user.session.start', { 'debugContext.debugData.behaviors': '{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE}' }),
    ],
    noMatch: [
      ev('user.session.start', { 'debugContext.debugData.behaviors': '{New Geo-Location=POSITIVE, New Device=NEGATIVE}' }),
      ev('user.authentication.sso', { 'debugContext.debugData.behaviors': '{New Geo-Location=POSITIVE, New Device=POSITIVE}' }),
    ],
  },
  okta_any_activity_via_anonymising_proxy: {
    match: [ev('user.authentication.sso', { 'securityContext.isProxy': true }), ev('policy.evaluate_sign_on', { 'securityContext.isProxy': 'TRUE' })],
    noMatch: [ev('user.authentication.sso', { 'securityContext.isProxy': false }), ev('user.authentication.sso')],
  },
};

/** Which public Panther test events (file#line, file names shortened) each rule matches; rules not listed match none. */
const PUBLIC: Record<string, string[]> = {
  okta_admin_role_assigned_to_principal: ['admin_role_assigned#1', 'admin_role_assigned#2', 'group_admin_role_assigned#1', 'rate_limits#4', 'user_account_locked#2', 'okta-add-administrator__admin_privs_assigned#1'],
  okta_any_activity_via_anonymising_proxy: ['anonymizing_vpn_login#2', 'anonymizing_vpn_login#3'],
  okta_api_token_created: ['api_key_created#1'],
  okta_app_modified_or_deleted: ['org2org_creation_modification#1', 'password_extraction_via_scim#2'],
  okta_app_password_revealed: ['password_accessed#1', 'password_accessed#2', 'password_accessed#3'],
  okta_enduser_reported_suspicious_activity: ['user_reported_suspicious_activity#2'],
  okta_fastpass_phishing_attempt_blocked: ['phishing_attempt_blocked_by_fastpass#2'],
  okta_identity_provider_created_or_modified: ['idp_create_modify#2'],
  okta_mfa_factor_reset_or_deactivated: ['user_mfa_factor_suspend#2', 'user_mfa_reset#1', 'user_mfa_reset_all#1', 'user_reported_suspicious_activity#1', 'mfa_disabled#1', 'mfa_disabled#2'],
  okta_mfa_factor_suspended: ['user_mfa_factor_suspend#1'],
  okta_oauth_token_reuse_detected: ['app_refresh_access_token_reuse#2'],
  okta_rate_limit_violation_legacy_fields: ['rate_limits#2', 'rate_limits#3', 'rate_limits#5', 'threatinsight_security_threat_detected#1', 'user_mfa_reset#2', 'user_mfa_reset_all#2'],
  okta_reset_by_okta_system: ['support_reset#1'],
  okta_support_impersonation_session: ['account_support_access#1'],
  okta_threatinsight_threat_detected: ['threatinsight_security_threat_detected#2', 'threatinsight_security_threat_detected#3'],
  okta_unauthorized_app_access_attempt: ['app_unauthorized_access_attempt#1'],
  okta_user_account_locked: ['user_account_locked#1'],
};

/** Every public Panther event, parsed as it is in the file (keys as written, lowercase or not). */
function publicEvents(): { name: string; doc: Doc }[] {
  const out: { name: string; doc: Doc }[] = [];
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.ndjson')).sort()) {
    const short = file.replace(/^rules__okta_rules__okta_|^rules__standard_rules__|^test_scenarios__/, '').replace(/\.ndjson$/, '');
    readFileSync(resolve(SAMPLES, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() !== '') out.push({ name: `${short}#${i + 1}`, doc: JSON.parse(line) as Doc });
      });
  }
  return out;
}

let rules: Map<string, SigmaRule>;
beforeAll(async () => {
  const loaded = await loadRules([FIXTURES]);
  expect(loaded.errors).toEqual([]);
  expect(loaded.skipped).toEqual([]);
  rules = new Map(loaded.rules.map((r) => [r.file.replace(/^.*\//, '').replace(/\.yml$/, ''), r]));
});

describe('SigmaHQ-style rule set', () => {
  it('has 25 rules with unique ids, a title, a level and a status', () => {
    expect(rules.size).toBe(25);
    expect(new Set([...rules.values()].map((r) => r.id)).size).toBe(25);
    for (const r of rules.values()) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(['low', 'medium', 'high']).toContain(r.level);
      expect(r.status).not.toBeNull();
      expect(r.logsource).toEqual({ product: 'okta', service: 'okta' });
    }
  });

  it('pre-filters on literals, except the one hunting rule that reads every event', () => {
    const full = [...rules].filter(([, r]) => r.literals === null).map(([name]) => name);
    expect(full).toEqual(['okta_any_activity_via_anonymising_proxy']);
  });

  it('has test events for every rule file', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yml')).map((f) => f.replace(/\.yml$/, '')).sort();
    expect(Object.keys(CASES).sort()).toEqual(files);
  });
});

describe.each(Object.entries(CASES))('%s', (name, { match, noMatch }) => {
  it('matches the events it is about', () => {
    for (const doc of match) expect(rules.get(name)!.matches(doc), JSON.stringify(doc)).toBe(true);
  });
  it('does not match their near misses', () => {
    for (const doc of noMatch) expect(rules.get(name)!.matches(doc), JSON.stringify(doc)).toBe(false);
  });
  it('has literals that occur in every event it matches (the pre-filter is sound)', () => {
    const literals = rules.get(name)!.literals;
    if (literals === null) return;
    for (const doc of match) {
      const text = JSON.stringify(doc).toLowerCase();
      expect(literals.some((l) => text.includes(l.toLowerCase())), `${literals.join(', ')} in ${text}`).toBe(true);
    }
  });
});

describe('on the public Panther test events', () => {
  it('each rule matches exactly the events listed for it', () => {
    const events = publicEvents();
    expect(events.length).toBeGreaterThan(90);
    const got: Record<string, string[]> = {};
    for (const [name, rule] of rules) {
      const hits = events.filter((e) => rule.matches(e.doc)).map((e) => e.name);
      if (hits.length > 0) got[name] = hits;
    }
    expect(got).toEqual(PUBLIC);
  });
});
