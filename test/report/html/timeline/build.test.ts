// A window's timeline model: its events as columns, links as bits, evidence ranks, strings stored once.
import { describe, expect, it } from 'vitest';
import { HOSTILE, standardEvents } from '../../window-helpers.js';
import { modelOf } from './helpers.js';

describe('buildTimelineModel', () => {
  const events = standardEvents();
  const model = modelOf(events, { [events[1]!.uuid]: 'high', [events[2]!.uuid]: 'info' });

  it('has the window, the revocation and one entry per event in time order', () => {
    expect(model.start).toBe(Date.parse('2024-04-30T12:00:00.123Z'));
    expect(model.end).toBe(Date.parse('2024-05-01T12:00:00.123Z'));
    expect(model.revokedAt).toBe(Date.parse('2024-05-01T12:00:00.123Z'));
    expect(model.revocation).toBe('ci-deploy revoked by ann@corp.example at 2024-05-01 12:00:00Z, SUCCESS');
    expect(model.t).toEqual(events.map((e) => Date.parse(e.published)));
  });

  it('keeps links as bits in LINK_ORDER and evidence as severity ranks', () => {
    expect(model.links).toEqual([0b0100, 0b1101, 0b1000, 0b0010, 0b0011, 0b0010]);
    expect(model.sev).toEqual([-1, 3, 0, -1, -1, -1]);
  });

  it('stores each string once, raw (escaping is the SVG\'s job), -1 for none', () => {
    expect(model.strings.filter((s) => s === 'user.session.start')).toHaveLength(1);
    expect(model.strings[model.type[4]!]).toBe(HOSTILE.eventType);
    expect(model.strings[model.actor[4]!]).toBe(HOSTILE.actor);
    expect(model.ip[3]).toBe(-1);
  });
});
