// Shape detection: every pair of shapes that could be taken for each other is told apart.
import { describe, expect, it } from 'vitest';
import { sniffShape, ShapeError, type Sniffed, type InputFormat } from '../../src/input/sniff.js';
import { splitHeader } from '../../src/input/csv-sniff.js';
import { topKeys } from '../../src/input/top-keys.js';

const event = (uuid: string, extra: Record<string, unknown> = {}) => ({ uuid, published: '2024-03-05T16:18:30.905Z', eventType: 'system.api_token.revoke', actor: { id: '00u1' }, ...extra });
const hook = (events: unknown[]) => ({ eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', cloudEventsVersion: '0.1', data: { events } });

function shapeOf(text: string, format: InputFormat = 'auto', path: string[] | null = null): Sniffed {
  const buf = Buffer.from(text);
  let at = 0;
  while (/\s/.test(String.fromCharCode(buf[at]!))) at++;
  return sniffShape(buf, at, format, path);
}
const lines = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';

describe('detect', () => {
  it('NDJSON of events vs NDJSON of Event Hook deliveries', () => {
    expect(shapeOf(lines([event('a'), event('b')]))).toEqual({ shape: { kind: 'ndjson' }, via: null, multi: false });
    expect(shapeOf(lines([hook([event('a')]), hook([event('b')])]))).toEqual({ shape: { kind: 'ndjson' }, via: 'event-hook', multi: true });
  });
  it('array of events vs array of deliveries', () => {
    expect(shapeOf(JSON.stringify([event('a')], null, 2))).toEqual({ shape: { kind: 'array' }, via: null, multi: false });
    expect(shapeOf(JSON.stringify([hook([event('a')])]))).toEqual({ shape: { kind: 'array' }, via: 'event-hook', multi: true });
  });
  it('a {"events": […]} document vs a single event that has an events field', () => {
    expect(shapeOf(JSON.stringify({ events: [event('a')] })).shape).toEqual({ kind: 'document', path: ['events'] });
    // Keys sorted case-insensitively put `events` before `eventType`: the whole object is read first.
    expect(shapeOf(JSON.stringify({ events: ['x'], eventType: 'user.session.start', published: '2024-01-01T00:00:00Z' })).shape).toEqual({ kind: 'ndjson' });
    expect(shapeOf(JSON.stringify({ eventtype: 'x', events: [] })).shape).toEqual({ kind: 'ndjson' });
  });
  it('an Elasticsearch search response is a document of hits; one without hits is not', () => {
    const response = { took: 3, timed_out: false, hits: { total: { value: 1 }, max_score: 1, hits: [{ _id: 'h', _source: event('a') }] } };
    expect(shapeOf(JSON.stringify(response, null, 2)).shape).toEqual({ kind: 'document', path: ['hits', 'hits'] });
    expect(shapeOf(lines([response, response])).shape).toEqual({ kind: 'document', path: ['hits', 'hits'] });
    expect(shapeOf(JSON.stringify({ took: 3, hits: { total: 0 } })).shape).toEqual({ kind: 'ndjson' });
    // An event with a `hits` field of its own is an event.
    expect(shapeOf(lines([event('a', { hits: { hits: [] } })])).shape).toEqual({ kind: 'ndjson' });
  });
  it('a {"data": […]} document vs a delivery whose data is an object', () => {
    expect(shapeOf(JSON.stringify({ data: [event('a')] })).shape).toEqual({ kind: 'document', path: ['data'] });
    expect(shapeOf(JSON.stringify(hook([event('a')]), null, 4))).toMatchObject({ shape: { kind: 'ndjson' }, via: 'event-hook' });
    expect(shapeOf(JSON.stringify({ data: { x: 1 } })).shape).toEqual({ kind: 'ndjson' });
  });
  it('a document whose events array runs past the bytes looked at', () => {
    const head = '{"meta":{"n":1},"events":[' + JSON.stringify(event('a')) + ',' + JSON.stringify(event('b')).slice(0, 30);
    expect(shapeOf(head).shape).toEqual({ kind: 'document', path: ['events'] });
  });
  it('a large delivery that does not fit in the bytes looked at', () => {
    const head = JSON.stringify(hook([event('a'), event('b')]), null, 2).slice(0, 250);
    expect(shapeOf(head)).toEqual({ shape: { kind: 'ndjson' }, via: 'event-hook', multi: true });
    expect(shapeOf('[\n  ' + head)).toEqual({ shape: { kind: 'array' }, via: 'event-hook', multi: true });
  });
  it('wrapped records are records', () => {
    expect(shapeOf(lines([{ message: JSON.stringify(event('a')) }])).via).toBe('message');
    expect(shapeOf(lines([{ input: { message: JSON.stringify(event('a')) } }])).via).toBe('message');
    expect(shapeOf(lines([{ event: { original: JSON.stringify(event('a')) }, okta: {} }])).via).toBe('event.original');
    expect(shapeOf(lines([{ preview: false, result: { _raw: JSON.stringify(event('a')), eventtype: 'okta' } }])).via).toBe('_raw');
  });
  it('CSV vs NDJSON of quoted events vs a quoted CSV header', () => {
    expect(shapeOf('uuid,published,eventType,actor.id\r\nu1,2024-01-01T00:00:00Z,x,00u1\r\n').shape).toEqual({ kind: 'csv', delimiter: ',' });
    expect(shapeOf(lines([JSON.stringify(event('a'))]))).toEqual({ shape: { kind: 'ndjson' }, via: 'string', multi: false });
    expect(shapeOf('"uuid","published","eventType"\n"u1","2024-01-01T00:00:00Z","x"\n').shape).toEqual({ kind: 'csv', delimiter: ',' });
  });
  it('CSV separators and column spellings', () => {
    expect(shapeOf('event_type;timestamp;client.ip_address\nx;2024-01-01T00:00:00Z;192.0.2.1\n').shape).toEqual({ kind: 'csv', delimiter: ';' });
    expect(shapeOf('eventtype\tpublished\tdisplay_message\nx\t2024-01-01T00:00:00Z\ta, b\n').shape).toEqual({ kind: 'csv', delimiter: '\t' });
    expect(shapeOf('_time,host,_raw\n1,h,"{""eventType"":""x""}"\n').shape).toEqual({ kind: 'csv', delimiter: ',' });
  });
  it('neither JSON nor an event table is refused', () => {
    expect(() => shapeOf('name,age\nann,3\n')).toThrow(ShapeError);
    expect(() => shapeOf('hello world')).toThrow(/not a JSON export, nor CSV/);
    expect(() => shapeOf('"just a string"\n')).toThrow(ShapeError);
  });
  it('--input-format and --events-path override the content', () => {
    expect(shapeOf(lines([event('a')]), 'array').shape).toEqual({ kind: 'array' });
    expect(shapeOf('{"a":{"b":[]}}', 'auto', ['a', 'b']).shape).toEqual({ kind: 'document', path: ['a', 'b'] });
    // Other inputs of the same run keep their own shape.
    expect(shapeOf(lines([event('a')]), 'auto', ['a', 'b']).shape).toEqual({ kind: 'ndjson' });
    expect(shapeOf(JSON.stringify([event('a')]), 'auto', ['a', 'b']).shape).toEqual({ kind: 'array' });
    expect(shapeOf('{"events":[]}', 'document').shape).toEqual({ kind: 'document', path: ['events'] });
    expect(() => shapeOf('{"x":[]}', 'document')).toThrow(/--events-path/);
    expect(shapeOf('a;b\n1;2\n', 'csv').shape).toEqual({ kind: 'csv', delimiter: ';' });
  });
});

describe('topKeys', () => {
  it('reads top-level keys without parsing values, and knows when it saw them all', () => {
    const t = topKeys(Buffer.from('{"a": {"x": "}"}, "b\\"": [1, "]"], "c": "text", "d": null}'), 0);
    expect(t.keys.map((k) => k.key)).toEqual(['a', 'b"', 'c', 'd']);
    expect(t.keys[2]!.text).toBe('text');
    expect(t.complete).toBe(true);
    const cut = topKeys(Buffer.from('{"a": 1, "events": [{"x": 1}, {"y"'), 0);
    expect(cut).toEqual({ keys: [{ key: 'a', first: 0x31, at: 6 }, { key: 'events', first: 0x5b, at: 19 }], complete: false });
  });
});

describe('splitHeader', () => {
  it('splits a header line, quotes holding separators and doubled quotes', () => {
    expect(splitHeader('a,"b,c","d""e",,f', ',')).toEqual(['a', 'b,c', 'd"e', '', 'f']);
    expect(splitHeader('x;y', ',')).toEqual(['x;y']);
    expect(splitHeader('', ';')).toEqual(['']);
  });
});
