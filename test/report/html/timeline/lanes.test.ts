// Timeline lanes: one per link (an event in each of its links' lanes), or one per actor or address with the rest gathered.
import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LANES, lanesOf } from '../../../../src/report/html/timeline/lanes.js';
import { makeWindowEvent } from '../../window-helpers.js';
import { modelOf } from './helpers.js';

describe('lanesOf', () => {
  const model = modelOf();

  it('by link: token, revoker, owner, address, each with every event of that link', () => {
    const lanes = lanesOf(model, 'link');
    expect(lanes.map((l) => `${l.letter} ${l.label}`)).toEqual(['T token', 'A revoker', 'O owner', 'I address']);
    expect(lanes.map((l) => l.events)).toEqual([[1, 4], [3, 4, 5], [0, 1], [1, 2]]);
  });

  it('by actor and by address, in order of first appearance, a lane for events without one', () => {
    expect(lanesOf(model, 'actor').map((l) => l.label)).toEqual(['olga@corp.example', 'mallory@evil.example', 'ann@corp.example', 'ann\u202egpj.exe@corp.example']);
    const byAddress = lanesOf(model, 'address');
    expect(byAddress.map((l) => l.label)).toEqual(['203.0.113.7', '198.51.100.50', '(no address)']);
    expect(byAddress.map((l) => l.events)).toEqual([[0, 4, 5], [1, 2], [3]]);
  });

  it('gathers the values after the first MAX_VALUE_LANES into one lane', () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      makeWindowEvent(`2024-05-01T0${Math.floor(i / 10)}:0${i % 10}:00.000Z`, { client: { ipAddress: `192.0.2.${i}`, city: null, country: null } }),
    );
    const lanes = lanesOf(modelOf(events), 'address');
    expect(lanes).toHaveLength(MAX_VALUE_LANES + 1);
    expect(lanes.at(-1)!.label).toBe('4 other addresses');
    expect(lanes.at(-1)!.events).toEqual([8, 9, 10, 11]);
  });
});
