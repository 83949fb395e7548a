// failures: failed or denied calls made with the token, count and share.
import { describe, expect, it } from 'vitest';
import { analyse, at, call, DAY, H, MIN, one, sev, signalsOf } from './helpers.js';

const calls = (n: number, failed: number, result = 'FAILURE') =>
  Array.from({ length: n }, (_, i) => call(`c${i}`, -H + i * MIN, i < failed ? { result } : {}));

describe('failures', () => {
  it('one failed call of three is low, with the failure as evidence', () => {
    const f = analyse([call('old', -3 * DAY), ...calls(3, 1)]);
    expect(one(f, 'failures')).toMatchObject({ severity: 'low', evidence: ['c0'], message: '1 of 3 calls made with the token failed or were denied (33%)' });
  });

  it('five denied of ten is medium', () => {
    const f = analyse([call('old', -3 * DAY), ...calls(10, 5, 'DENY')]);
    expect(one(f, 'failures')).toMatchObject({ severity: 'medium', evidence: ['c0', 'c1', 'c2', 'c3', 'c4'] });
  });

  it('five failed of forty is a small share: low', () => {
    expect(one(analyse([call('old', -3 * DAY), ...calls(40, 5)]), 'failures').severity).toBe('low');
  });

  it('near miss: a failure by the owner, not made with the token, is not counted', () => {
    const f = analyse([call('old', -3 * DAY), ...calls(3, 0), sev({ uuid: 'own', at: at(-H), actor: '00uowner', result: 'FAILURE' })]);
    expect(signalsOf(f, 'failures')).toEqual([]);
  });
});
