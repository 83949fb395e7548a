// Rules in the style of SigmaHQ's rules/identity/okta (test/fixtures/rules/okta) on real events.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules, type SigmaRule } from '../../src/rules/index.js';
import { publicSample } from '../helpers/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = publicSample('panther-analysis');
const FIXTURES = resolve(here, '../fixtures/rules/okta');

function events(name: string): Record<string, unknown>[] {
  return readFileSync(resolve(SAMPLES, `rules__okta_rules__okta_${name}.ndjson`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

let rules: Map<string, SigmaRule>;
beforeAll(async () => {
  const loaded = await loadRules([FIXTURES]);
  expect(loaded.errors).toEqual([]);
  rules = new Map(loaded.rules.map((r) => [r.file.replace(/^.*\//, '').replace(/\.yml$/, ''), r]));
});
const rule = (name: string): SigmaRule => rules.get(name)!;
const results = (name: string, docs: Record<string, unknown>[]): boolean[] => docs.map((d) => rule(name).matches(d));

describe('SigmaHQ-style Okta rules', () => {
  it('admin role assigned: the privilege grant events, nothing else', () => {
    expect(results('okta_admin_role_assigned', events('admin_role_assigned'))).toEqual([true, true]);
    expect(results('okta_admin_role_assigned', events('api_key_revoked'))).toEqual([false]);
    expect(results('okta_admin_role_assigned', [{ eventType: 'group.privilege.grant' }, { eventType: 'group.privilege.revoke' }])).toEqual([true, false]);
  });

  it('MFA reset or deactivated, on exports with lowercase keys', () => {
    expect(results('okta_mfa_reset_or_deactivated', events('user_mfa_reset'))).toEqual([true, false]);
    expect(results('okta_mfa_reset_or_deactivated', events('user_mfa_reset_all'))).toEqual([true, false]);
    expect(results('okta_mfa_reset_or_deactivated', [{ eventType: 'user.mfa.factor.activate' }])).toEqual([false]);
  });

  it('legacy rule with lowercase fields matches camelCase events', () => {
    expect(results('okta_legacy_lowercase_fields', events('admin_role_assigned'))).toEqual([true, true]);
    const other = { ...events('admin_role_assigned')[0]!, displayMessage: 'Revoke user privilege' };
    expect(rule('okta_legacy_lowercase_fields').matches(other)).toBe(false);
  });

  it('new admin console behaviours: all of selection_*, behaviours listed or logged as text', () => {
    // Events 2 and 3 carry logOnlySecurityData as an object (Panther parses it): not text, no match;
    // event 3 is all NEGATIVE anyway. Event 4 has Okta's JSON text with a POSITIVE behaviour.
    expect(results('okta_new_admin_console_behaviours', events('new_behavior_accessing_admin_console'))).toEqual([true, false, false, true]);
    const elsewhere = { ...events('new_behavior_accessing_admin_console')[0]!, target: [{ displayName: 'Salesforce' }] };
    expect(rule('okta_new_admin_console_behaviours').matches(elsewhere)).toBe(false);
  });

  it('anonymising proxy: isProxy true as JSON boolean', () => {
    expect(results('okta_session_start_via_anonymising_proxy', events('anonymizing_vpn_login'))).toEqual([false, true, true]);
  });

  it('password in alternateId: re filter with lowercase field names', () => {
    const failed = (alternateId: string) => ({ legacyEventType: 'core.user_auth.login_failed', actor: { alternateId, type: 'User' } });
    expect(rule('okta_password_in_alternateid').matches(failed('Hunter2!Summer'))).toBe(true);
    expect(rule('okta_password_in_alternateid').matches(failed('jane.doe@example.com'))).toBe(false);
    expect(rule('okta_password_in_alternateid').matches(failed('0oa1b2c3d4'))).toBe(false);
    expect(rule('okta_password_in_alternateid').matches({ ...failed('Hunter2!'), legacyEventType: 'core.user_auth.login_success' })).toBe(false);
    expect(rule('okta_password_in_alternateid').literals).toEqual(['core.user_auth.login_failed']);
  });
});
