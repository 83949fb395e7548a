// rule-match: window events that loaded rules matched, weighed by the rules' levels.
import { describe, expect, it } from 'vitest';
import type { OktaEvent } from '../../src/events/types.js';
import type { RuleRef } from '../../src/model/report.js';
import { levelSeverity } from '../../src/signals/rule-match.js';
import { analyse, at, call, DAY, H, one, sev, signalsOf, TOKEN } from './helpers.js';

const GRANT: RuleRef = { id: 'g', title: 'Okta Admin Role Assigned', level: 'high' };
const ZONE: RuleRef = { id: 'z', title: 'Okta Network Zone Changed', level: 'medium' };
const NOTE: RuleRef = { id: 'n', title: 'Okta Profile Update', level: 'informational' };
/** Rules by event type, as the collector's matcher would give them. */
const byType = (table: Record<string, RuleRef[]>) => (e: OktaEvent) => table[e.eventType] ?? [];

describe('rule-match', () => {
  it('a high rule on a call made with the token is high, with per-rule counts and the events as evidence', () => {
    const f = analyse(
      [call('old', -3 * DAY), call('grant', -H, { type: 'user.account.privilege.grant' }), call('zone1', -2 * H, { type: 'zone.update' }), call('zone2', -H / 2, { type: 'zone.update' })],
      undefined,
      { detect: byType({ 'user.account.privilege.grant': [GRANT], 'zone.update': [ZONE] }) },
    );
    expect(one(f, 'rule-match')).toEqual({
      id: 'rule-match',
      severity: 'high',
      message: '3 window events matched loaded rules: Okta Network Zone Changed ×2 (medium), Okta Admin Role Assigned ×1 (high)',
      evidence: ['zone1', 'grant', 'zone2'],
    });
  });

  it('the highest level decides: medium and informational rules give medium', () => {
    const f = analyse([call('old', -3 * DAY), call('zone', -H, { type: 'zone.update' }), call('note', -H / 2)], undefined, {
      detect: byType({ 'zone.update': [ZONE], 'user.account.update_profile': [NOTE] }),
    });
    expect(one(f, 'rule-match')).toMatchObject({ severity: 'medium', evidence: ['zone', 'note'] });
  });

  it('near miss: a rule hit outside the window, or on another revocation in it, does not fire', () => {
    const otherRevoke = sev({ uuid: 'R2', at: at(-H), type: 'system.api_token.revoke', actor: '00uowner', targets: [{ id: TOKEN, type: 'Token' }] });
    const f = analyse([call('old', -3 * DAY, { type: 'zone.update' }), otherRevoke], undefined, {
      detect: byType({ 'zone.update': [ZONE], 'system.api_token.revoke': [{ id: 'r', title: 'Okta API Token Revoked', level: 'medium' }] }),
    });
    expect(signalsOf(f, 'rule-match')).toEqual([]);
  });

  it('near miss: no rules loaded, no signal', () => {
    expect(signalsOf(analyse([call('old', -3 * DAY), call('zone', -H, { type: 'zone.update' })]), 'rule-match')).toEqual([]);
  });

  it('maps Sigma levels: critical counts as high, an unknown level as low', () => {
    expect(['informational', 'low', 'medium', 'high', 'critical', 'CRITICAL', 'weird', undefined].map(levelSeverity)).toEqual(['info', 'low', 'medium', 'high', 'high', 'high', 'low', 'low']);
  });
});
