// Timeline: one row per event with link tags, the row limit and its cut line, cells escaped, narrow fallback.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, renderTimeline, rowLimit } from '../../../src/report/table/timeline.js';
import type { ActivityWindow } from '../../../src/model/window.js';
import { HOSTILE, makeWindow, manyEvents, standardEvents } from '../window-helpers.js';

const render = (window: ActivityWindow, limit?: number, width?: number) =>
  [...renderTimeline(window, limit, width, new Chalk({ level: 0 }))].join('');

/** The cells of every body row of a rendered table, trimmed. */
function bodyRows(out: string): string[][] {
  return out
    .split('\n')
    .filter((l) => /^│ \d{4}-/.test(l))
    .map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
}

describe('renderTimeline rows', () => {
  const rows = bodyRows(render(makeWindow()));

  it('shows every event in time order with its link tags', () => {
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['2024-04-30 13:00:00Z', '· · O ·'],
      ['2024-05-01 08:00:00Z', 'T · O I'],
      ['2024-05-01 09:00:00Z', '· · · I'],
      ['2024-05-01 10:00:00Z', '· A · ·'],
      ['2024-05-01 11:00:00Z', 'T A · ·'],
      ['2024-05-01 11:59:00Z', '· A · ·'],
    ]);
  });

  it('shows event type, actor, address and country, outcome and first target with +N', () => {
    expect(rows[1]!.slice(2)).toEqual(['user.lifecycle.deactivate', 'olga@corp.example', '198.51.100.50 United States', 'SUCCESS', 'Carl Target +1']);
    expect(rows[3]!.slice(2)).toEqual(['user.authentication.sso', 'ann@corp.example', '-', 'SUCCESS', '-']);
    expect(rows[5]![5]).toBe('-');
  });

  it('escapes hostile event types, actors and targets', () => {
    expect(rows[4]!.slice(2, 4)).toEqual(['app.\\x1b[2Jwipe\\r', 'ann\\u202egpj.exe@corp.example']);
    expect(rows[4]![6]).toBe('tgt\\x1b]0;pwn\\x07\\r\\n');
    expect(render(makeWindow())).not.toContain(HOSTILE.eventType);
  });

  it('two lines per event when the width is too narrow for the boxed columns, a block per event below 50', () => {
    const two = render(makeWindow(), undefined, 60);
    expect(two).not.toContain('┌');
    expect(two).toMatch(/Time \(UTC\) +Links +Event type/);
    expect(two).toMatch(/T·OI +user\.lifecycle\./); // below 100 columns the event type may be cut
    const out = render(makeWindow(), undefined, 40);
    expect(out).toContain('Links: T · O I\nEvent type: user.lifecycle.deactivate\n');
  });
});

describe('row limit', () => {
  const big = makeWindow(manyEvents(120));

  it('normalises limit: undefined and unusable values → 50, 0 → all', () => {
    expect(DEFAULT_LIMIT).toBe(50);
    expect(rowLimit(undefined)).toBe(50);
    expect(rowLimit(Number.NaN)).toBe(50);
    expect(rowLimit(-1)).toBe(50);
    expect(rowLimit(0)).toBe(Number.POSITIVE_INFINITY);
    expect(rowLimit(7.9)).toBe(7);
  });

  it('shows the first 50 events by default and says how many more there are', () => {
    const out = render(big);
    const rows = bodyRows(out);
    expect(rows).toHaveLength(50);
    expect(rows[0]![2]).toBe('app.event.n0');
    expect(rows[49]![2]).toBe('app.event.n49');
    expect(out.endsWith('\n… 70 more events (use --format json)\n')).toBe(true);
  });

  it('honours a given limit, singular for one more', () => {
    expect(bodyRows(render(big, 3)).map((r) => r[2])).toEqual(['app.event.n0', 'app.event.n1', 'app.event.n2']);
    expect(render(makeWindow(manyEvents(4)), 3)).toContain('\n… 1 more event (use --format json)\n');
  });

  it('limit 0 shows every event and no cut line', () => {
    const out = render(big, 0);
    expect(bodyRows(out)).toHaveLength(120);
    expect(out).not.toContain('more event');
  });

  it('no cut line when everything fits', () => {
    expect(render(makeWindow(standardEvents()), 6)).not.toContain('more event');
    expect(render(makeWindow(manyEvents(50)))).not.toContain('more event');
  });
});
