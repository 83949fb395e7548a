// CSV reporter: one row per window event, one row for a finding without events, header first.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvReporter } from '../../src/report/csv.js';
import { parseCsv } from '../helpers/csv.js';
import { collect, makeReport } from './helpers.js';
import { RULE_MFA, RULE_ROLE } from './detection-helpers.js';
import { HOSTILE, makeWindow, standardEvents, windowFinding, windowReport } from './window-helpers.js';

const OPTIONS = { color: false };

function rows(report = windowReport()): Record<string, string>[] {
  const [header, ...body] = parseCsv(collect(csvReporter(report, OPTIONS)));
  expect(header).toEqual([...CSV_COLUMNS]);
  return body.map((r) => {
    expect(r).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

describe('csvReporter', () => {
  it('writes only the header for a report without findings', () => {
    expect(collect(csvReporter(makeReport([]), OPTIONS))).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one row per window event, and one row each for an empty window and a missing window', () => {
    const all = rows();
    const events = standardEvents();
    expect(all).toHaveLength(events.length + 2);
    const first = all.filter((r) => r.finding_id === 'a1b2c3d4-0000-4000-8000-0000000000w1');
    expect(first.map((r) => r.event_uuid)).toEqual(events.map((e) => e.uuid));
    for (const id of ['a1b2c3d4-0000-4000-8000-0000000000w2', 'a1b2c3d4-0000-4000-8000-0000000000w3']) {
      const [only, ...more] = all.filter((r) => r.finding_id === id);
      expect(more).toEqual([]);
      expect(only!.token_id).not.toBe('');
      for (const c of CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('links'))) expect(only![c], c).toBe('');
    }
  });

  it('repeats the revocation on each row and fills the event columns', () => {
    const row = rows()[1]!;
    expect(row).toMatchObject({
      token_id: '00Tabc123def456ghi78',
      token_name: 'ci-deploy',
      revoked_at: '2024-05-01T12:00:00.123Z',
      revoked_by_kind: 'user',
      revoked_by: 'ann@corp.example',
      revocation_outcome: 'SUCCESS',
      links: 'token+owner+ip',
      published: '2024-05-01T08:00:00.000Z',
      event_type: 'user.lifecycle.deactivate',
      actor: 'olga@corp.example',
      ip_address: '198.51.100.50',
      country: 'United States',
      outcome: 'SUCCESS',
      target: 'Carl Target; ci-deploy',
    });
  });

  it('never writes a raw control or bidi character; hostile values arrive escaped', () => {
    const text = collect(csvReporter(windowReport(), OPTIONS));
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const hostile = rows().find((r) => r.actor?.includes('gpj'))!;
    expect(hostile.event_type).toBe('app.\\x1b[2Jwipe\\r');
    expect(hostile.actor).toBe(HOSTILE.actor.replace('\u202e', '\\u202e'));
    expect(hostile.target).toBe('tgt\\x1b]0;pwn\\x07\\r\\n');
  });

  it('lists the loaded rules a window event matched (--rules, --hunt) in detected_by', () => {
    const events = standardEvents();
    events[1] = { ...events[1]!, detections: [RULE_ROLE, RULE_MFA] };
    const all = rows(makeReport([windowFinding(makeWindow(events))]));
    expect(all.map((r) => r.detected_by)).toEqual(['', 'Okta Admin Role Assigned; Okta MFA Reset or Deactivated', '', '', '', '']);
  });
});

