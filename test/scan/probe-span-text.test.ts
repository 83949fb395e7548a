// Probe time spans with a required text: a value counts only in records that also contain it.
import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../src/input/batch.js';
import { prefilterFromSpec, type ProbeSpec } from '../../src/scan/fast/filter-spec.js';

function marked(spec: ProbeSpec, records: string[]): boolean[] {
  const b = new RecordBatch();
  b.reset(Buffer.from(records.join('\n')), 0);
  let pos = 0;
  for (const r of records) {
    b.push(pos, pos + Buffer.byteLength(r), 0);
    pos += Buffer.byteLength(r) + 1;
  }
  const m = new Uint8Array(records.length);
  prefilterFromSpec({ needles: [], all: false, probes: [spec] }).mark(b, m);
  return [...m].map((x) => x !== 0);
}

const rec = (actor: string, at: string, type: string) => `{"actor":{"id":"${actor}","type":"User"},"eventType":"${type}","published":"${at}"}`;
const T0 = Date.parse('2024-05-01T00:00:00.000Z');
const T1 = Date.parse('2024-05-02T00:00:00.000Z');

describe('probe spans with a required text', () => {
  it('outside the plain span, only records with the text are candidates', () => {
    const spec: ProbeSpec = { kind: 'actor', spans: [['00ua', [[T1, T1 + 3_600_000], [T0, T1 + 3_600_000, '"user.session.start"']]]] };
    expect(
      marked(spec, [
        rec('00ua', '2024-05-01T10:00:00.000Z', 'user.session.start'),
        rec('00ua', '2024-05-01T10:00:00.000Z', 'user.authentication.sso'),
        rec('00ua', '2024-05-01T10:00:00.000Z', 'user.session.start_extra'),
        rec('00ua', '2024-05-02T00:30:00.000Z', 'user.authentication.sso'),
        rec('00ub', '2024-05-01T10:00:00.000Z', 'user.session.start'),
        rec('00ua', '2024-04-30T10:00:00.000Z', 'user.session.start'),
      ]),
    ).toEqual([true, false, false, true, false, false]);
  });

  it('the text of the next record does not count for this one', () => {
    const spec: ProbeSpec = { kind: 'actor', spans: [['00ua', [[T0, T1, '"user.session.start"']]]] };
    expect(marked(spec, [rec('00ua', '2024-05-01T10:00:00.000Z', 'x'), rec('00uz', '2024-05-01T10:00:00.000Z', 'user.session.start')])).toEqual([false, false]);
  });
});
