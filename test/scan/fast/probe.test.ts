// Value probes: read values after keys in compact and pretty JSON, plain or escaped; unsure layouts mark the record.
import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../../src/input/batch.js';
import { Prefilter } from '../../../src/scan/fast/prefilter.js';
import { parsePublished } from '../../../src/events/time.js';
import { actorIdProbe } from '../../../src/scan/fast/actor-probe.js';
import { fieldProbe, ipAddressProbe, publishedAt, type ValueProbe } from '../../../src/scan/fast/probe.js';

function marks(probe: ValueProbe, records: string[]): boolean[] {
  const b = new RecordBatch();
  const buf = Buffer.from(records.join('\n'));
  b.reset(buf, 0);
  let pos = 0;
  for (const r of records) {
    b.push(pos, pos + Buffer.byteLength(r), 0);
    pos += Buffer.byteLength(r) + 1;
  }
  const m = new Uint8Array(records.length);
  new Prefilter([], false, [probe]).mark(b, m);
  return [...m].map((x) => x !== 0);
}

describe('probes', () => {
  it('fieldProbe reads string values, compact or pretty', () => {
    const p = fieldProbe('ipAddress', new Set(['192.0.2.1']));
    expect(
      marks(p, [
        '{"client":{"ipAddress":"192.0.2.1"}}',
        '{"client": {\n  "ipAddress" : "192.0.2.1"\n}}',
        '{"client":{"ipAddress":"192.0.2.10"}}',
        '{"client":{"ipAddress":null}}',
        '{"client":{"ipAddress":"192.0.2.\\u0031"}}',
        '{"client":{}}',
      ]),
    ).toEqual([true, true, false, false, true, false]);
  });
  it('actorIdProbe reads actor.id first or, in plain events, anywhere in the actor; else asks for a parse', () => {
    const p = actorIdProbe(new Set(['00uADMIN']));
    expect(
      marks(p, [
        '{"actor":{"id":"00uADMIN","type":"User"}}',
        '{"actor": {\n    "id": "00uADMIN"}}',
        '{"actor":{"id":"00uOTHER"}}',
        '{"actor":{"type":"User","id":"00uOTHER"}}',
        '{"actor":null}',
        '{"target":[{"id":"00uADMIN"}]}',
        // Carried as JSON text, only an id that comes first is read.
        wrapped({ actor: { type: 'User', id: '00uOTHER' } }),
      ]),
    ).toEqual([true, true, false, false, false, false, true]);
  });
});

describe('the actor probe in events with sorted keys', () => {
  const p = actorIdProbe(new Set(['00uADMIN']));
  const ev = (actor: string) => `{"actor":${actor},"client":{"ipAddress":"192.0.2.1"},"eventType":"x"}`;
  it('walks the actor object to its id, past strings, nested objects and arrays', () => {
    expect(marks(p, [
      ev('{"alternateId":"a@b.c","detailEntry":{"id":"00uOTHER","x":[1,{"y":"}"}]},"displayName":"A \\"quoted\\" }","id":"00uADMIN","type":"User"}'),
      ev('{"alternateId":"a@b.c","detailEntry":null,"id":"00uOTHER","type":"User"}'),
      ev('{ "alternateId" : "x" , "id" : "00uADMIN" }'),
    ])).toEqual([true, false, true]);
  });
  it('takes the last of repeated id keys, as JSON.parse does', () => {
    expect(marks(p, [ev('{"alternateId":"x","id":"00uOTHER","id":"00uADMIN"}'), ev('{"alternateId":"x","id":"00uADMIN","id":"00uOTHER"}')])).toEqual([true, false]);
  });
  it('is unsure (the record is parsed) when a key holds an escape or the object is cut short', () => {
    expect(marks(p, [ev('{"alternateId":"x","i\\u0064":"00uOTHER"}'), '{"actor":{"alternateId":"x","id":"00uOTHER"'])).toEqual([true, true]);
  });
  it('finds no actor id when there is none', () => {
    expect(marks(p, [ev('{"alternateId":"x","type":"User"}'), ev('{"alternateId":"x","id":null}'), ev('{"alternateId":"x","id":7}')])).toEqual([false, false, false]);
  });
});

describe('probes in inputs written with lowercased keys', () => {
  // The first block shows a pipeline that lowercases keys (`eventtype`): probes sweep for their keys in lower case too.
  const lower = (ip: string, token: string) => `{"actor":{"id":"00uA"},"client":{"ipaddress":"${ip}"},"eventtype":"x","transaction":{"detail":{"requestapitokenid":"${token}"}}}`;
  it('read ipaddress and requestapitokenid', () => {
    expect(marks(ipAddressProbe(new Set(['192.0.2.1'])), [lower('192.0.2.1', '00T1'), lower('192.0.2.9', '00T1')])).toEqual([true, false]);
    expect(marks(fieldProbe('requestApiTokenId', new Set(['00T1'])), [lower('192.0.2.9', '00T1'), lower('192.0.2.9', '00T2')])).toEqual([true, false]);
  });
  it('not in inputs whose keys are not lowercased', () => {
    const mixed = (ip: string) => `{"actor":{"id":"00uA"},"client":{"ipAddress":"192.0.2.7","x":{"ipaddress":"${ip}"}},"eventType":"x"}`;
    expect(marks(ipAddressProbe(new Set(['192.0.2.1'])), [mixed('192.0.2.1')])).toEqual([false]);
  });
});

/** `{"message": "<event as JSON text>"}`: the event's quotes are escaped in the raw bytes. */
const wrapped = (event: unknown, pretty = false) => JSON.stringify({ message: JSON.stringify(event, null, pretty ? 2 : undefined) });

describe('probes on events carried as JSON text', () => {
  const ev = { actor: { id: '00uADMIN', type: 'User' }, client: { ipAddress: '192.0.2.1' }, transaction: { detail: { requestApiTokenId: '00Tabc' } } };
  it('read escaped keys, compact and pretty', () => {
    expect(marks(fieldProbe('requestApiTokenId', new Set(['00Tabc'])), [wrapped(ev), wrapped(ev, true), wrapped({ ...ev, transaction: {} })])).toEqual([true, true, false]);
    expect(marks(ipAddressProbe(new Set(['192.0.2.1'])), [wrapped(ev), wrapped(ev, true), wrapped({ client: { ipAddress: '192.0.2.10' } })])).toEqual([true, true, false]);
    expect(marks(actorIdProbe(new Set(['00uADMIN'])), [wrapped(ev), wrapped(ev, true), wrapped({ actor: { id: '00uOTHER' } })])).toEqual([true, true, false]);
  });
  it('every actor key of a wrapper is read, not only the first', () => {
    const elastic = JSON.stringify({ okta: { actor: { id: '00uOTHER' } }, event: { original: JSON.stringify(ev) } });
    expect(marks(actorIdProbe(new Set(['00uADMIN'])), [elastic])).toEqual([true]);
  });
  it('escaped more than once, or a value holding an escape: parse to be sure', () => {
    const twice = JSON.stringify({ message: JSON.stringify({ message: JSON.stringify(ev) }) });
    expect(marks(fieldProbe('requestApiTokenId', new Set(['00Tzzz'])), [twice])).toEqual([true]);
    expect(marks(fieldProbe('requestApiTokenId', new Set(['00Tzzz'])), [wrapped({ transaction: { detail: { requestApiTokenId: '00T"x' } } })])).toEqual([true]);
  });
  it("a record opening with its actor has that one actor; in any other record every actor key is read (parsed to be sure)", () => {
    const p = actorIdProbe(new Set(['00uADMIN']));
    const nested = { actor: { id: '00uOTHER' }, debugContext: { debugData: { actor: { id: '00uADMIN' } } } };
    // The third record could hide the event's actor behind a nested one: only parsing can tell.
    expect(marks(p, [JSON.stringify(nested), JSON.stringify(nested, null, 2), JSON.stringify({ uuid: 'u', ...nested })])).toEqual([false, false, true]);
  });
  it('names inside other words or values are not keys', () => {
    const p = actorIdProbe(new Set(['00uADMIN']));
    expect(marks(p, ['{"uuid":"1","eventType":"user.mfa.factor.reset","x":"actor"}', wrapped({ eventType: 'user.mfa.factor.reset' })])).toEqual([false, false]);
  });
});

describe('publishedAt', () => {
  const at = (s: string) => publishedAt(Buffer.from(s), 0, Buffer.byteLength(s), parsePublished);
  it('reads the one published time, plain or escaped', () => {
    expect(at('{"published":"2024-01-01T00:00:00Z"}')).toBe(Date.UTC(2024, 0, 1));
    expect(at(wrapped({ published: '2024-01-01T00:00:00Z' }, true))).toBe(Date.UTC(2024, 0, 1));
    expect(at('{"status":"published","published":"2024-01-01T00:00:00Z"}')).toBe(Date.UTC(2024, 0, 1));
  });
  it('is unsure when a record holds several events or none', () => {
    expect(at('{"data":{"events":[{"published":"2024-01-01T00:00:00Z"},{"published":"2024-02-01T00:00:00Z"}]}}')).toBeNull();
    expect(at('{"eventType":"x"}')).toBeNull();
  });
});

describe('time-gated probes read only the event’s own time and actor', () => {
  const inWindow = (value: string): ValueProbe => ({
    ...fieldProbe('requestApiTokenId', new Set([value])),
    intervals: () => [[Date.parse('2024-03-05T00:00:00Z'), Date.parse('2024-03-06T00:00:00Z')]],
  });
  it('a nested "published" before the event’s own (keys sorted, forged detail) does not hide the record', () => {
    const p = inWindow('00Ttok');
    expect(
      marks(p, [
        '{"actor":{"detailEntry":{"published":"1999-01-01T00:00:00Z"}},"published":"2024-03-05T12:00:00Z","transaction":{"detail":{"requestApiTokenId":"00Ttok"}}}',
        '{"debugContext":{"debugData":{"published":"2024-03-05T12:00:00Z"}},"published":"1999-01-01T00:00:00Z","transaction":{"detail":{"requestApiTokenId":"00Ttok"}}}',
        '{"published":"1999-01-01T00:00:00Z","transaction":{"detail":{"requestApiTokenId":"00Ttok"}}}',
        '{"published":"2024-03-05T12:00:00Z","transaction":{"detail":{"requestApiTokenId":"00Ttok"}}}',
      ]),
    ).toEqual([true, true, false, true]);
  });
  it('an escape inside the key "published" makes the record a candidate', () => {
    const p = inWindow('00Ttok');
    expect(
      marks(p, [
        '{"actor":{"x":{"published":"1999-01-01T00:00:00Z"}},"pu\\u0062lished":"2024-03-05T12:00:00Z","transaction":{"detail":{"requestApiTokenId":"00Ttok"}}}',
      ]),
    ).toEqual([true]);
  });
  it('actorIdProbe: a nested "actor" before the event’s own makes the record a candidate', () => {
    const p = actorIdProbe(new Set(['00uADMIN']));
    expect(
      marks(p, [
        '{"debugContext":{"debugData":{"actor":{"id":"00uOTHER"}}},"actor":{"id":"00uADMIN"}}',
        '{"uuid":"u","actor":{"id":"00uOTHER"}}',
        '{"actor":{"id":"00uOTHER"},"debugContext":{"actor":{"id":"00uADMIN"}}}',
      ]),
    ).toEqual([true, false, false]);
  });
});
