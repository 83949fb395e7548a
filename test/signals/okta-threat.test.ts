// okta-threat: Okta's own flags on window events (threat detected, threat suspected, risk HIGH, proxies).
import { describe, expect, it } from 'vitest';
import { riskLevelOf } from '../../src/window/facts.js';
import { analyse, at, call, DAY, H, one, sev, signalsOf } from './helpers.js';

describe('okta-threat', () => {
  it('a token call through an anonymising proxy is medium', () => {
    const f = analyse([call('old', -3 * DAY), call('p', -H, { proxy: true })]);
    expect(one(f, 'okta-threat')).toMatchObject({ severity: 'medium', evidence: ['p'] });
    expect(one(f, 'okta-threat').message).toContain('anonymising proxy (isProxy) 1');
  });

  it('threatSuspected "true" is high', () => {
    const f = analyse([call('old', -3 * DAY), call('t', -H, { threat: 'true' })]);
    expect(one(f, 'okta-threat')).toMatchObject({ severity: 'high', evidence: ['t'] });
  });

  it('a security.threat.detected event from the token address is high; risk HIGH is medium', () => {
    const f = analyse([
      call('use', -2 * H, { ip: '198.51.100.23' }),
      sev({ uuid: 'det', at: at(-H), type: 'security.threat.detected', actor: '00ustranger', ip: '198.51.100.23' }),
      sev({ uuid: 'risky', at: at(-H / 2), actor: '00ustranger', ip: '198.51.100.23', risk: '{reasons=Anomalous Location, level=HIGH}' }),
    ]);
    expect(one(f, 'okta-threat')).toMatchObject({ severity: 'high', evidence: ['det', 'risky'] });
    expect(one(f, 'okta-threat').message).toBe('Okta flagged 2 events in the window: security.threat.detected 1, risk HIGH 1');
  });

  it('near miss: threatSuspected "false", isProxy false and risk MEDIUM are not flags', () => {
    const f = analyse([call('old', -3 * DAY), call('c', -H, { threat: 'false', proxy: false, risk: '{level=MEDIUM}' })]);
    expect(signalsOf(f, 'okta-threat')).toEqual([]);
  });

  it('reads the risk level in Okta text form or as an object', () => {
    expect(riskLevelOf('{reasons=Anomalous Device, level=high}')).toBe('HIGH');
    expect(riskLevelOf({ level: 'LOW' })).toBe('LOW');
    expect(riskLevelOf('{reasons=none}')).toBeNull();
    expect(riskLevelOf(null)).toBeNull();
  });
});
