// Timeline layout: time bins, stacked marks or one group mark per dense bin, every event in view counted once, in time order.
import { describe, expect, it } from 'vitest';
import { GEOMETRY, layoutTimeline, type Mark } from '../../../../src/report/html/timeline/layout.js';
import { defaultView } from '../../../../src/report/html/timeline/model.js';
import { makeWindowEvent } from '../../window-helpers.js';
import { modelOf } from './helpers.js';

/** The events a lane's marks stand for, in mark order. */
function eventsOf(marks: readonly Mark[]): number[] {
  return marks.flatMap((m) => (m.kind === 'event' ? [m.event] : m.events));
}

/** `n` events spread evenly over the two hours before the revocation, every other one linked by ip. */
function dense(n: number) {
  const from = Date.parse('2024-05-01T10:00:00.000Z');
  return Array.from({ length: n }, (_, i) =>
    makeWindowEvent(new Date(from + Math.floor((i * 7_200_000) / n)).toISOString(), { uuid: `d${i}`, links: i % 2 ? ['token', 'ip'] : ['token'] }),
  );
}

describe('layoutTimeline', () => {
  it('gives each event of a lane one mark, in time order, with the revocation and the baseline', () => {
    const model = modelOf();
    const layout = layoutTimeline(model, defaultView(model, 1000));
    expect(layout.lanes.map((l) => eventsOf(l.marks))).toEqual([[1, 4], [3, 4, 5], [0, 1], [1, 2]]);
    expect(layout.lanes.every((l) => l.marks.every((m) => m.kind === 'event'))).toBe(true);
    expect(layout.baseline).toBe(true);
    expect(layout.x0).toBe(GEOMETRY.gutter + GEOMETRY.baseline + GEOMETRY.gap);
    expect(layout.revocation).toBeCloseTo(layout.x1);
    expect(layout.height).toBe(GEOMETRY.top + 4 * GEOMETRY.lane + GEOMETRY.axis);
  });

  it('gathers a bin of more than GEOMETRY.stack events into one mark, with its span and top severity', () => {
    const events = dense(3000);
    const model = modelOf(events, { d7: 'medium', d8: 'high' });
    const layout = layoutTimeline(model, defaultView(model, 1000));
    const [token, , , ip] = layout.lanes;
    expect(eventsOf(token!.marks)).toEqual(events.map((_, i) => i));
    expect(eventsOf(ip!.marks)).toEqual(events.map((_, i) => i).filter((i) => i % 2));
    const bins = Math.floor((layout.x1 - layout.x0) / GEOMETRY.bin);
    expect(token!.marks.length).toBeLessThanOrEqual(bins);
    const groups = token!.marks.filter((m) => m.kind === 'group');
    expect(groups.length).toBe(token!.marks.length);
    expect(groups[0]!.sev).toBe(3);
    for (const g of groups) {
      expect(g.height).toBeGreaterThanOrEqual(16);
      expect(g.height).toBeLessThanOrEqual(GEOMETRY.lane - 8);
    }
  });

  it('stacks up to GEOMETRY.stack events of one bin, earliest on top', () => {
    const events = [0, 1, 2].map((s) => makeWindowEvent(`2024-05-01T11:00:0${s}.000Z`, { uuid: `s${s}`, links: ['token'] }));
    const layout = layoutTimeline(modelOf(events), defaultView(modelOf(events), 1000));
    const marks = layout.lanes[0]!.marks;
    expect(marks.map((m) => m.kind)).toEqual(['event', 'event', 'event']);
    expect(new Set(marks.map((m) => m.x)).size).toBe(1);
    expect(marks.map((m) => m.y)).toEqual([...marks.map((m) => m.y)].sort((a, b) => a - b));
  });

  it('counts the events outside a zoomed view, without the baseline or the revocation', () => {
    const model = modelOf();
    const from = Date.parse('2024-05-01T07:00:00.000Z');
    const layout = layoutTimeline(model, { mode: 'link', from, to: from + 3 * 3_600_000, width: 1000 });
    expect(layout.baseline).toBe(false);
    expect(layout.revocation).toBeNull();
    expect(layout.lanes.map((l) => [eventsOf(l.marks), l.outside])).toEqual([[[1], 1], [[3], 2], [[1], 1], [[1, 2], 0]]);
  });

  it('widens a span narrower than a minute, and leaves out events without a time', () => {
    const events = [makeWindowEvent('2024-05-01T11:00:00.000Z', { links: ['token'] }), makeWindowEvent('not a time', { uuid: 'bad', links: ['token'] })];
    const model = modelOf(events);
    const at = Date.parse('2024-05-01T11:00:00.000Z');
    const layout = layoutTimeline(model, { mode: 'link', from: at, to: at, width: 800 });
    expect(layout.to - layout.from).toBe(60_000);
    expect(eventsOf(layout.lanes[0]!.marks)).toEqual([0]);
    expect(layout.lanes[0]!.outside).toBe(1);
  });
});
