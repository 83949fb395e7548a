// unwrap: the raw events inside deliveries, wrappers and SIEM documents; broken wrappers explained.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/events/normalize.js';
import { unwrap } from '../../src/events/unwrap.js';

const SAMPLES = '../shared/okta-public-samples';
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
  it("Okta's documented delivery", () => {
    const doc = JSON.parse(readFileSync(`${SAMPLES}/okta-developer-docs/concepts__event-hooks__index.event-hook-envelope.json`, 'utf8')) as unknown;
    const [e] = values(doc);
    expect(normalize(e, () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start', uuid: 'f1d0b993-cc19-11ed-a688-db22c99ef6c4' } });
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
  it('real SEKOIA and Elastic samples', () => {
    const sekoia = JSON.parse(readFileSync(`${SAMPLES}/sekoia-intake-formats/tests/test_login.json`, 'utf8')) as unknown;
    expect(normalize(values(sekoia)[0], () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start' } });
    const elastic = JSON.parse(readFileSync(`${SAMPLES}/elastic-integrations/packages__okta__data_stream__system__sample_event.json`, 'utf8')) as unknown;
    expect(normalize(values(elastic)[0], () => 'x')).toMatchObject({ ok: true, event: { eventType: 'user.session.start', uuid: '3aeede38-4f67-11ea-abd3-1f5d113f2546' } });
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
