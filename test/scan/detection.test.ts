// Detection records: which rules matched, the compact record, its lazily parsed event, counts per rule.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/events/normalize.js';
import { toPublicDetection } from '../../src/report/public-detection.js';
import { buildDetection } from '../../src/scan/detection.js';
import { countByRule, matchingRules } from '../../src/scan/match-rules.js';
import { ruleYaml } from '../rules/helpers.js';
import { ev, raw } from '../window/helpers.js';

const rule = (id: string, title: string, level: string, selection: string) =>
  ruleYaml(`title: ${title}\nid: ${id}\nlevel: ${level}\nlogsource: {product: okta}\ndetection:\n    sel: {${selection}}\n    condition: sel\n`);
const grant = rule('g-1', 'Privilege Granted', 'high', 'eventType: user.account.privilege.grant');
const anyAnn = rule('a-1', 'Anything By Ann', 'low', "'actor.alternateId|startswith': 'ann@'");

describe('matchingRules', () => {
  it('lists every matching rule as {id, title, level}, in rule order', () => {
    const e = ev({ uuid: 'u1', at: '2024-05-01T10:00:00.000Z', type: 'user.account.privilege.grant', alt: 'ann@corp.example' });
    expect(matchingRules([anyAnn, grant], e.doc)).toEqual([
      { id: 'a-1', title: 'Anything By Ann', level: 'low' },
      { id: 'g-1', title: 'Privilege Granted', level: 'high' },
    ]);
    expect(matchingRules([grant, anyAnn], e.doc).map((r) => r.id)).toEqual(['g-1', 'a-1']);
    expect(matchingRules([grant], ev({ uuid: 'u2', at: '2024-05-01T10:00:00.000Z' }).doc)).toEqual([]);
  });
});

describe('buildDetection', () => {
  const text = JSON.stringify(raw({ uuid: 'u1', at: '2024-05-01T10:00:00.5Z', type: 'user.account.privilege.grant', actor: '00uann', alt: 'ann@corp.example', ip: '198.51.100.7', country: 'Romania', targets: [{ id: '00ubob', type: 'User', displayName: 'Bob' }] }));

  function detection(withText: boolean) {
    const r = normalize(JSON.parse(text), () => 'x');
    if (!r.ok) throw new Error(r.reason);
    if (withText) r.event.text = text;
    return buildDetection(r.event, [{ id: 'g', title: 'Grant', level: 'high' }]);
  }

  it('keeps the fields the outputs show, with the time in ISO UTC', () => {
    const d = detection(true);
    expect(d).toMatchObject({
      schemaVersion: 1,
      kind: 'detection',
      id: 'u1',
      published: '2024-05-01T10:00:00.500Z',
      publishedMs: Date.parse('2024-05-01T10:00:00.500Z'),
      rules: [{ id: 'g', title: 'Grant', level: 'high' }],
      eventType: 'user.account.privilege.grant',
      actor: { id: '00uann', type: 'User', alternateId: 'ann@corp.example', displayName: '00uann' },
      client: { ipAddress: '198.51.100.7', city: 'Oslo', country: 'Romania', userAgent: null },
      outcome: 'SUCCESS',
      targets: [{ id: '00ubob', type: 'User', alternateId: null, displayName: 'Bob' }],
    });
  });

  it("holds the event as its record's text, which the public form parses", () => {
    const d = detection(true);
    expect(d.event).toEqual({ text });
    expect(toPublicDetection(d).event).toEqual(JSON.parse(text));
  });

  it('serialises the original when the record text is not the event', () => {
    expect(JSON.parse(detection(false).event.text)).toEqual(JSON.parse(text));
  });
});

describe('countByRule', () => {
  it('counts records per rule id, in the order ids are first met, any id included', () => {
    const r = (...ids: string[]) => ({ rules: ids.map((id) => ({ id, title: id, level: 'low' })) });
    const counts = countByRule([r('b'), r('a', 'b'), r('__proto__'), r('constructor')]);
    expect(Object.entries(counts)).toEqual([['b', 2], ['a', 1], ['__proto__', 1], ['constructor', 1]]);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(JSON.parse('{"b":2,"a":1,"__proto__":1,"constructor":1}'));
  });
});
