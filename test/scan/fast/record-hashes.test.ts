// RecordHasher: the values the second pass selects by, read from each record's bytes, and when it cannot be sure.
import { describe, expect, it } from 'vitest';
import { batchOf } from '../../helpers/batch.js';
import { HASHED_KEYS, RecordHasher, valueHash } from '../../../src/scan/fast/record-hashes.js';
import { Prefilter } from '../../../src/scan/fast/prefilter.js';

const h = (s: string) => valueHash(Buffer.from(s), 0, Buffer.byteLength(s));

/** Hashes as the first pass computes them, with its needles and escape keys. */
function hashed(records: string[], multi = false) {
  const b = batchOf(records);
  b.multi = multi;
  const marks = new Uint8Array(records.length);
  new Prefilter(['_token.', 'requestApiTokenId', 'system.api_token.revoke'], false, [], HASHED_KEYS).mark(b, marks);
  const hasher = new RecordHasher();
  hasher.hash(b, marks);
  return records.map((_, i) => ({ actor: hasher.actor[i], ip: hasher.ip[i], token: hasher.token[i], force: hasher.force[i], usable: hasher.usable }));
}

const EVENT = (actor: string, ip: string, extra = '') =>
  `{"actor":{"id":"${actor}","type":"User"},"client":{"ipAddress":"${ip}","zone":null},"eventType":"user.session.start"${extra},"published":"2024-03-05T13:00:00.000Z"}`;

describe('RecordHasher', () => {
  it('hashes actor.id and client.ipAddress of every record, and requestApiTokenId where there is one', () => {
    const [a, b] = hashed([EVENT('00uA', '192.0.2.1'), EVENT('00uB', '198.51.100.7', ',"transaction":{"detail":{"requestApiTokenId":"00Tx1"}}')]);
    expect(a).toMatchObject({ actor: h('00uA'), ip: h('192.0.2.1'), token: 0, force: 0, usable: true });
    expect(b).toMatchObject({ actor: h('00uB'), ip: h('198.51.100.7'), token: h('00Tx1'), force: 0 });
  });

  it('reads actor.id wherever it is in a plain actor object (keys sorted by a pipeline)', () => {
    const [r] = hashed(['{"actor":{"alternateId":"a@b.c","detailEntry":{"id":"x"},"id":"00uA","type":"User"},"client":{"ipAddress":"192.0.2.1"}}']);
    expect(r).toMatchObject({ actor: h('00uA'), ip: h('192.0.2.1'), force: 0 });
  });

  it('reads events carried as JSON text the same way', () => {
    const inner = JSON.stringify(EVENT('00uA', '192.0.2.1'));
    const [r] = hashed([`{"message":${inner}}`]);
    expect(r).toMatchObject({ actor: h('00uA'), ip: h('192.0.2.1'), force: 0 });
  });

  it('stores 0 for a null actor or address, never a hash', () => {
    const [r] = hashed(['{"actor":null,"client":{"ipAddress":null},"eventType":"x","published":"2024-03-05T13:00:00.000Z"}']);
    expect(r).toMatchObject({ actor: 0, ip: 0, token: 0, force: 0 });
  });

  it.each([
    ['an escape that may hide a key', EVENT('00uA', '192.0.2.1').replace('"ipAddress"', '"ip\\u0041ddress"')],
    ['an escaped value', EVENT('00u\\u0041', '192.0.2.1')],
    ['two different addresses', EVENT('00uA', '192.0.2.1', ',"x":{"ipAddress":"203.0.113.9"}')],
    ['two different token ids', EVENT('00uA', '192.0.2.1', ',"a":{"requestApiTokenId":"00T1"},"b":{"requestApiTokenId":"00T2"}')],
    ['an actor, carried as JSON text, whose id is not its first key', JSON.stringify({ message: '{"actor":{"type":"User","id":"00uA"},"client":{"ipAddress":"192.0.2.1"}}' })],
    ['a token lifecycle event (its targets name the token)', EVENT('00uA', '192.0.2.1', ',"x":"system.api_token.create"')],
    ['a NUL byte', EVENT('00uA', '192.0.2.1', ',"x":"\u0000"')],
  ])('forces the record on %s', (_, record) => {
    expect(hashed([record])[0]!.force).toBe(1);
  });

  it('does not force on repeated equal values, or on escapes of characters no key uses', () => {
    const [r] = hashed([EVENT('00uA', '192.0.2.1', ',"x":{"ipAddress":"192.0.2.1"},"m":"\\u00e9\\u00fc"')]);
    expect(r).toMatchObject({ actor: h('00uA'), ip: h('192.0.2.1'), force: 0 });
  });

  it('forces every record of a batch holding several events per record (deliveries)', () => {
    expect(hashed([EVENT('00uA', '192.0.2.1')], true)[0]!.force).toBe(1);
  });

  it('is unusable for an input written with lowercased keys (its keys would be missed)', () => {
    const lower = '{"actor":{"id":"00uA"},"client":{"ipaddress":"192.0.2.1"},"eventtype":"x","published":"2024-03-05T13:00:00.000Z"}';
    expect(hashed([lower])[0]!.usable).toBe(false);
  });
});
