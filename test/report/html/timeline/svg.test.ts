// The timeline's SVG text: one focusable mark per event or group with a text alternative, log strings escaped, the revocation and baseline drawn.
import { describe, expect, it } from 'vitest';
import { layoutTimeline } from '../../../../src/report/html/timeline/layout.js';
import { defaultView } from '../../../../src/report/html/timeline/model.js';
import { eventLabel, timelineSvg } from '../../../../src/report/html/timeline/svg.js';
import { makeWindowEvent, standardEvents } from '../../window-helpers.js';
import { modelOf } from './helpers.js';

const NASTY = '<img src=x onerror="window.__pwned=1">';

describe('timelineSvg', () => {
  const events = standardEvents();
  const model = modelOf(events, { [events[1]!.uuid]: 'high' });
  const svg = timelineSvg(model, defaultView(model, 1000));

  it('draws one mark per event of each lane, only one of them reachable by Tab', () => {
    const layout = layoutTimeline(model, defaultView(model, 1000));
    const marks = layout.lanes.reduce((n, l) => n + l.marks.length, 0);
    expect(svg.match(/<g class="mk (ev|grp) /g)).toHaveLength(marks);
    expect(svg.match(/tabindex="0"/g)).toHaveLength(1);
    expect(svg).toMatch(/<g class="mk rev" data-lane="-1" tabindex="0"/);
  });

  it('letters evidence marks and describes each mark in words', () => {
    expect(svg).toContain('<g class="mk ev s-3" data-lane="0" data-ev="1"');
    expect(svg).toContain('<text dy="3.5">H</text>');
    expect(eventLabel(model, 1)).toBe('2024-05-01 08:00:00Z · user.lifecycle.deactivate · olga@corp.example · 198.51.100.50 · evidence: high');
    expect(svg).toContain(`aria-label="${eventLabel(model, 1)}"`);
  });

  it('marks the revocation, shades the baseline and says what the timeline shows', () => {
    expect(svg).toContain('class="revline"');
    expect(svg).toContain('revoked 2024-05-01 12:00:00Z');
    expect(svg).toContain('<g class="baseline" role="img" aria-label="Baseline (shaded, not to scale): the history before the window">');
    expect(svg).toMatch(/<desc id="r1-tl-desc">6 of 6 events from .* in 4 lanes; evidence 1 high\. The table below lists every event\.<\/desc>/);
  });

  it('escapes log strings in labels, lane names and tooltips, and shows controls as escapes', () => {
    const hostile = [
      makeWindowEvent('2024-05-01T10:00:00.000Z', {
        eventType: NASTY,
        actor: { id: 'x', type: 'User', alternateId: `</svg><script>window.__pwned=2</script>`, displayName: null },
        client: { ipAddress: '"><svg onload=alert(1)>', city: null, country: null },
        links: ['actor'],
      }),
      ...standardEvents(),
    ];
    const m = modelOf(hostile);
    for (const mode of ['link', 'actor', 'address'] as const) {
      const text = timelineSvg(m, { ...defaultView(m, 1000), mode });
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<script');
      expect(text).not.toContain('"><svg');
      expect(text).not.toContain('\u202e');
    }
    expect(timelineSvg(m, { ...defaultView(m, 1000), mode: 'actor' })).toContain('&lt;/svg&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    expect(timelineSvg(m, { ...defaultView(m, 1000), mode: 'actor' })).toContain('ann\\u202egpj.exe@corp.example');
  });
});
