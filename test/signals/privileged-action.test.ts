// privileged-action: sensitive event types made with the token or from its addresses.
import { describe, expect, it } from 'vitest';
import { PRIVILEGED_TYPES, privilegedType } from '../../src/signals/privileged-types.js';
import { analyse, call, creation, DAY, H, one, sev, signalsOf, at, TOKEN } from './helpers.js';

describe('privileged-action', () => {
  it('an admin role granted with the token is high, with the grant as evidence', () => {
    const f = analyse([call('old', -3 * DAY), call('grant', -H, { type: 'user.account.privilege.grant' })]);
    const s = one(f, 'privileged-action');
    expect(s).toMatchObject({ severity: 'high', evidence: ['grant'] });
    expect(s.message).toContain('user.account.privilege.grant ×1 (admin role granted to a user)');
    expect(f.severity).toBe('high');
  });

  it('near miss: the same grant made by the revoker themself (actor link only) is not considered', () => {
    const f = analyse([call('old', -3 * DAY), sev({ uuid: 'own', at: at(-H), type: 'user.account.privilege.grant', actor: '00uadmin' })]);
    expect(signalsOf(f, 'privileged-action')).toEqual([]);
  });

  it('near miss: ordinary calls made with the token are not sensitive', () => {
    const f = analyse([call('old', -3 * DAY), call('upd', -H, { type: 'group.user_membership.add' })]);
    expect(signalsOf(f, 'privileged-action')).toEqual([]);
  });

  it('a type the token already called before the window is routine: low instead of medium', () => {
    const reset = { type: 'user.account.reset_password' };
    expect(one(analyse([call('old', -3 * DAY), call('new', -H, reset)]), 'privileged-action').severity).toBe('medium');
    const f = analyse([call('old', -3 * DAY, reset), call('new', -H, reset)]);
    expect(one(f, 'privileged-action')).toMatchObject({ severity: 'low', evidence: ['new'] });
    expect(one(f, 'privileged-action').message).toContain('1 routine for the token');
  });

  it('user lifecycle changes (provisioning) weigh low', () => {
    expect(one(analyse([call('old', -3 * DAY), call('mk', -H, { type: 'user.lifecycle.create' })]), 'privileged-action').severity).toBe('low');
  });

  it('an event linked by address only weighs one level less', () => {
    const f = analyse([
      call('use', -2 * H, { ip: '198.51.100.23' }),
      sev({ uuid: 'mfa', at: at(-H), type: 'user.mfa.factor.reset_all', actor: '00ustranger', ip: '198.51.100.23' }),
    ]);
    expect(one(f, 'privileged-action')).toMatchObject({ severity: 'medium', evidence: ['mfa'] });
    expect(one(f, 'privileged-action').message).toContain('1 by address only');
  });

  it('a token created by a call made with a token is persistence; a console creation of the revoked token is not', () => {
    const persistence = call('mk', -H, { type: 'system.api_token.create', targets: [{ id: '00Tnew', type: 'Token' }] });
    expect(one(analyse([call('old', -3 * DAY), persistence]), 'privileged-action')).toMatchObject({ severity: 'high', evidence: ['mk'] });
    const consoleCreate = sev({ uuid: 'C', at: at(-H), type: 'system.api_token.create', actor: '00uowner', targets: [{ id: TOKEN, type: 'Token' }] });
    expect(signalsOf(analyse([consoleCreate]), 'privileged-action')).toEqual([]);
    expect(creation().uuid).toBe('C');
  });

  it('every listed type has a reason and is found in any case', () => {
    for (const [type, entry] of PRIVILEGED_TYPES) {
      expect(type).toBe(type.toLowerCase());
      expect(entry.reason.length).toBeGreaterThan(5);
    }
    expect(privilegedType('User.Account.Privilege.Grant')?.severity).toBe('high');
    expect(privilegedType('zone.update')?.reason).toMatch(/network zone/);
    expect(privilegedType('user.session.start')).toBeUndefined();
  });
});
