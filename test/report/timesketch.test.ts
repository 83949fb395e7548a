// Timesketch reporter: the mandatory fields, one line per distinct event, tags per finding and link.
import { describe, expect, it } from 'vitest';
import { SOURCE_TAG, TIMESTAMP_DESC } from '../../src/report/timesketch-lines.js';
import { timesketchReporter } from '../../src/report/timesketch.js';
import { collect, makeFinding, makeReport } from './helpers.js';
import { huntReport, makeDetection, RULE_MFA, RULE_ROLE } from './detection-helpers.js';
import { HOSTILE, makeWindow, makeWindowEvent, standardEvents, windowReport } from './window-helpers.js';

const OPTIONS = { color: false };

type Line = Record<string, unknown> & { message: string; datetime: string; tag: string[]; finding_ids: string[] };

function lines(report = windowReport()): Line[] {
  const out = collect(timesketchReporter(report, OPTIONS));
  expect(out === '' || out.endsWith('\n')).toBe(true);
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}

describe('timesketchReporter', () => {
  it('writes nothing without findings', () => {
    expect(collect(timesketchReporter(makeReport([]), OPTIONS))).toBe('');
  });

  it('gives every line message, datetime, timestamp (µs) and timestamp_desc, in time order', () => {
    const all = lines();
    expect(all).toHaveLength(standardEvents().length + 3);
    for (const l of all) {
      expect(typeof l.message).toBe('string');
      expect(l.message).not.toBe('');
      expect(l.timestamp).toBe(Date.parse(l.datetime) * 1000);
      expect(l.timestamp_desc).toBe(TIMESTAMP_DESC);
      expect(l.tag[0]).toBe(SOURCE_TAG);
    }
    const times = all.map((l) => l.timestamp as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('tags revocations and window events by finding and link', () => {
    const all = lines();
    const revocations = all.filter((l) => l.tag.includes('revocation'));
    expect(revocations.map((l) => l.okta_uuid).sort()).toEqual([
      'a1b2c3d4-0000-4000-8000-0000000000w1',
      'a1b2c3d4-0000-4000-8000-0000000000w2',
      'a1b2c3d4-0000-4000-8000-0000000000w3',
    ]);
    const revoked = revocations.find((l) => l.okta_uuid === 'a1b2c3d4-0000-4000-8000-0000000000w1')!;
    expect(revoked).toMatchObject({ token_name: 'ci-deploy', revoked_by_kind: 'user', outcome: 'SUCCESS', event_type: 'system.api_token.revoke' });
    expect(revoked.message).toBe('API token ci-deploy (00Tabc123def456ghi78) revoked by user ann@corp.example: SUCCESS');
    const deactivate = all.find((l) => l.event_type === 'user.lifecycle.deactivate')!;
    expect(deactivate.tag).toEqual([SOURCE_TAG, 'finding:a1b2c3d4-0000-4000-8000-0000000000w1', 'link:token', 'link:owner', 'link:ip']);
    expect(deactivate.links).toEqual(['token', 'owner', 'ip']);
    expect(deactivate.finding_ids).toEqual(['a1b2c3d4-0000-4000-8000-0000000000w1']);
  });

  it('writes an event in two windows once, tagged with both findings and the union of its links', () => {
    const shared = makeWindowEvent('2024-05-01T09:30:00.000Z', { uuid: 'shared', links: ['ip'] });
    const a = makeFinding({ id: 'f-a', window: makeWindow([shared]) });
    const b = makeFinding({ id: 'f-b', published: '2024-05-01T13:00:00.000Z', window: makeWindow([{ ...shared, links: ['actor'] }]) });
    const out = lines(makeReport([a, b])).filter((l) => l.okta_uuid === 'shared');
    expect(out).toHaveLength(1);
    expect(out[0]!.finding_ids).toEqual(['f-a', 'f-b']);
    expect(out[0]!.tag).toEqual([SOURCE_TAG, 'finding:f-a', 'finding:f-b', 'link:actor', 'link:ip']);
  });

  it('merges a revocation that is also in another window into one revocation line', () => {
    const first = makeFinding({ id: 'rev-1', published: '2024-05-01T11:00:00.000Z' });
    const asEvent = makeWindowEvent(first.published, { uuid: 'rev-1', eventType: 'system.api_token.revoke', links: ['token'] });
    const second = makeFinding({ id: 'rev-2', window: makeWindow([asEvent]) });
    const out = lines(makeReport([first, second])).filter((l) => l.okta_uuid === 'rev-1');
    expect(out).toHaveLength(1);
    expect(out[0]!.tag).toEqual([SOURCE_TAG, 'revocation', 'finding:rev-1', 'finding:rev-2', 'link:token']);
    expect(out[0]!.message).toMatch(/^API token ci-deploy/);
  });

  it('escapes hostile text: no raw control or bidi character in the output, escapes visible in the message', () => {
    const out = collect(timesketchReporter(windowReport(), OPTIONS));
    expect(out.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const hostile = lines().find((l) => l.event_type === HOSTILE.eventType)!;
    expect(hostile.actor_alternate_id).toBe(HOSTILE.actor);
    expect(hostile.message).toContain('\\x1b[2Jwipe\\r');
    expect(hostile.message).toContain('ann\\u202egpj.exe@corp.example');
  });

  it('writes --hunt detections as lines tagged detection, with the rules in detected_by', () => {
    const out = lines(huntReport([], [makeDetection({ rules: [RULE_MFA, RULE_ROLE] })]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      message: 'user.account.privilege.grant by ann@corp.example from 198.51.100.23: Okta MFA Reset or Deactivated, Okta Admin Role Assigned',
      datetime: '2024-05-01T11:00:00.000Z',
      tag: [SOURCE_TAG, 'detection'],
      finding_ids: [],
      detected_by: ['Okta MFA Reset or Deactivated', 'Okta Admin Role Assigned'],
      client_country: 'Romania',
    });
  });

  it('merges a detection with the same event in a window: one line, finding and detection tags', () => {
    const event = makeWindowEvent('2024-05-01T11:00:00.000Z', { uuid: 'grant', eventType: 'user.account.privilege.grant', links: ['token'], detections: [RULE_ROLE] });
    const finding = makeFinding({ id: 'rev', window: makeWindow([event]) });
    const detection = makeDetection({ id: 'grant', rules: [RULE_ROLE, RULE_MFA] });
    const out = lines(huntReport([finding], [detection])).filter((l) => l.okta_uuid === 'grant');
    expect(out).toHaveLength(1);
    expect(out[0]!.tag).toEqual([SOURCE_TAG, 'detection', 'finding:rev', 'link:token']);
    expect(out[0]!.detected_by).toEqual(['Okta Admin Role Assigned', 'Okta MFA Reset or Deactivated']);
  });

  it('does not tag a revocation as a detection for the revocation rules that made it a finding', () => {
    const first = makeFinding({ id: 'rev-1', published: '2024-05-01T11:00:00.000Z' });
    const asEvent = makeWindowEvent(first.published, { uuid: 'rev-1', eventType: 'system.api_token.revoke', links: ['token'], detections: first.rules });
    const second = makeFinding({ id: 'rev-2', window: makeWindow([asEvent]) });
    const [line] = lines(makeReport([first, second])).filter((l) => l.okta_uuid === 'rev-1');
    expect(line!.tag).toEqual([SOURCE_TAG, 'revocation', 'finding:rev-1', 'finding:rev-2', 'link:token']);
    expect(line!.detected_by).toBeUndefined();
    const hunted = makeWindowEvent(first.published, { ...asEvent, detections: [...first.rules, RULE_ROLE] });
    const [both] = lines(makeReport([first, makeFinding({ id: 'rev-2', window: makeWindow([hunted]) })])).filter((l) => l.okta_uuid === 'rev-1');
    expect(both!.detected_by).toEqual(['Okta Admin Role Assigned']);
    expect(both!.tag).toContain('detection');
  });
});

