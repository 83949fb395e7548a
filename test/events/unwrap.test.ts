// unwrap: the raw events inside deliveries, wrappers and SIEM documents; broken wrappers explained.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/events/normalize.js';
import { unwrap } from '../../src/events/unwrap.js';
import { publicShape } from '../helpers/fixtures.js';

const ev = { uuid: 'u1', published: '2024-01-01T00:00:00Z', eventType: 'user.session.start' };
const values = (v: unknown) => unwrap(v).candidates.map((c) => c.value);

describe('unwrap', () => {
  it('a plain event is itself', () => {
    expect(unwrap(ev)).toEqual({ candidates: [{ value: ev, path: '' }], via: null, problems: [] });
  });
  it('an Elasticsearch search response kept as one record gives the _source of each hit', () => {
    const u = unwrap({ took: 1, hits: { total: { value: 2 }, hits: [{ _id: 'a', _source: ev }, { _id: 'b', _source: { ...ev, uuid: 'u2' } }] } });
    expect(u.via).toBe('hits');
    expect(u.candidates).toEqual([{ value: ev, path: 'hits.hits[0]._source' }, { value: { ...ev, uuid: 'u2' }, path: 'hits.hits[1]._source' }]);
  });
  it('Event Hook deliveries give their events, in order, with paths', () => {
    const u = unwrap({ eventType: 'com.okta.event_hook', data: { events: [ev, { ...ev, uuid: 'u2' }] } });
    expect(u.via).toBe('event-hook');
    expect(u.candidates.map((c) => c.path)).toEqual(['data.events[0]', 'data.events[1]']);
    expect(unwrap({ eventType: 'com.okta.event_hook', data: { events: [] } }).candidates).toEqual([]);
  });
  it("a delivery in Okta's documented layout", () => {
    const doc = JSON.parse(readFileSync(publicShape('okta-developer-docs/concepts__event-hooks__index.event-hook-envelope.json'), 'utf8')) as unknown;
    const [e] = values(doc);
    expect(normalize(e, () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start', uuid: '7c1e5a52-3f0b-11ee-9d61-0242ac130003' } });
  });
  it('message, input.message (SEKOIA), event.original (Elastic), _raw (Splunk), _source, quoted text', () => {
    const text = JSON.stringify(ev);
    expect(values({ message: text, host: 'h' })).toEqual([ev]);
    expect(values({ input: { message: '\t\n' + JSON.stringify(ev, null, 2) } })).toEqual([ev]);
    expect(values({ '@timestamp': 'x', event: { original: text }, okta: { event_type: 'x' }, input: { type: 'cel' } })).toEqual([ev]);
    expect(values({ preview: false, result: { _raw: text, eventtype: 'okta_log' } })).toEqual([ev]);
    expect(values({ _index: 'i', _source: { message: text } })).toEqual([ev]);
    expect(values(text)).toEqual([ev]);
  });
  it('whole SEKOIA and Elastic documents in their public layouts', () => {
    const sekoia = JSON.parse(readFileSync(publicShape('sekoia-intake-formats/tests/test_login.json'), 'utf8')) as unknown;
    expect(normalize(values(sekoia)[0], () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start' } });
    const elastic = JSON.parse(readFileSync(publicShape('elastic-integrations/packages__okta__data_stream__system__sample_event.json'), 'utf8')) as unknown;
    expect(normalize(values(elastic)[0], () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start', uuid: '5d2f7e10-8a41-11ee-b9d1-0242ac120002' } });
  });
  it('an event keeps its own fields even when they look like wrapper keys', () => {
    const odd = { ...ev, events: [{ uuid: 'x' }], message: '{"eventType":"other"}' };
    expect(values(odd)).toEqual([odd]);
  });
  it('broken wrapper text and Elastic documents without event.original are explained', () => {
    expect(unwrap({ message: '{"eventType": "x", oops' })).toMatchObject({ candidates: [], via: 'message', problems: [expect.stringMatching(/^message holds broken JSON text/)] });
    expect(unwrap({ '@timestamp': 'x', okta: { event_type: 'x' } }).problems[0]).toMatch(/without event.original/);
  });
  it('{"events": […]} records and nesting stop at a depth limit', () => {
    expect(values({ events: [{ message: JSON.stringify(ev) }] })).toEqual([ev]);
    let deep: unknown = ev;
    for (let i = 0; i < 10; i++) deep = { message: JSON.stringify(deep) };
    expect(values(deep)).toHaveLength(1);
    expect(values(deep)[0]).not.toEqual(ev);
  });
});

describe('unwrap prefers the raw text over fields a SIEM extracted from it', () => {
  it('Splunk results with extracted eventType still give _raw', () => {
    const raw = { uuid: 'u1', published: '2024-01-01T00:00:00Z', eventType: 'system.api_token.revoke', actor: { id: '00u1' } };
    const line = { result: { _raw: JSON.stringify(raw), eventType: 'system.api_token.revoke', 'actor.id': '00u1' } };
    expect(unwrap(line).candidates.map((c) => c.value)).toEqual([raw]);
  });
});
