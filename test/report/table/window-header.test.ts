// Window header rows: token, revoker, time, client, owner or the unknown-owner text, bounds, counts.
import { describe, expect, it } from 'vitest';
import type { LabelledRow } from '../../../src/report/table/labelled.js';
import { UNKNOWN_OWNER, windowHeaderRows } from '../../../src/report/table/window-header.js';
import { makeFinding } from '../helpers.js';
import { makeWindow } from '../window-helpers.js';

/** Each row as `Label: item | item`, items' spans joined (separator shown as given). */
function rows(list: LabelledRow[]): Record<string, string> {
  return Object.fromEntries(
    list.map((r) => [r.label, r.items.map((i) => i.map((s) => s.text).join('')).join(r.separator ?? ' | ')]),
  );
}

describe('windowHeaderRows', () => {
  const finding = makeFinding();

  it('shows token, revoker, time, client, owner, bounds and counts', () => {
    expect(rows(windowHeaderRows(finding, makeWindow()))).toEqual({
      Token: 'ci-deploy | 00Tabc123def456ghi78',
      'Revoked by': 'user ann@corp.example | Ann Example',
      When: '2024-05-01 12:00:00Z',
      From: '203.0.113.7 | Berlin, Germany',
      Owner: 'olga@corp.example | Olga Owner',
      Window: '2024-04-30 12:00:00Z → 2024-05-01 12:00:00Z (24h before, 0 after)',
      Events: '6 events | token 2 | actor 3 | owner 2 | ip 2 | 2 IPs | 2 countries',
    });
  });

  it('says why the owner is unknown when the window has none, as words that can wrap', () => {
    const owner = windowHeaderRows(finding, makeWindow(undefined, { owner: null })).find((r) => r.label === 'Owner')!;
    expect(owner.separator).toBe(' ');
    expect(rows([owner]).Owner).toBe(UNKNOWN_OWNER);
    expect(UNKNOWN_OWNER).toBe('unknown (no system.api_token.create event for this token in the input)');
  });

  it('falls back to the owner id and does not repeat a display name equal to the login', () => {
    const w = makeWindow(undefined, { owner: { id: '00u9', type: 'User', alternateId: null, displayName: null } });
    expect(rows(windowHeaderRows(finding, w)).Owner).toBe('00u9');
    const same = makeWindow(undefined, { owner: { id: '00u9', type: 'User', alternateId: 'o@x', displayName: 'o@x' } });
    expect(rows(windowHeaderRows(finding, same)).Owner).toBe('o@x');
  });

  it('uses a single dim dash for a client without address or place, and singular nouns for one', () => {
    const bare = makeFinding({ client: { ipAddress: null, city: null, country: null } });
    const w = makeWindow(undefined, { eventCount: 1, summary: { ...makeWindow().summary, ipAddresses: ['x'], countries: ['y'] } });
    const out = windowHeaderRows(bare, w);
    expect(out.find((r) => r.label === 'From')!.items).toEqual([[{ text: '-', style: 'dim' }]]);
    expect(rows(out).Events).toMatch(/^1 event \| .* \| 1 IP \| 1 country$/);
  });

  it('escapes log strings and window fields', () => {
    const f = makeFinding({ token: { name: 'tok\u001b[31m\u202e' }, client: { city: 'Ber\rlin' } });
    const w = makeWindow(undefined, { before: '24h\u0007', start: 'bad\u001btime' });
    const out = rows(windowHeaderRows(f, w));
    expect(out.Token).toBe('tok\\x1b[31m\\u202e | 00Tabc123def456ghi78');
    expect(out.From).toBe('203.0.113.7 | Ber\\rlin, Germany');
    expect(out.Window).toBe('bad\\x1btime → 2024-05-01 12:00:00Z (24h\\x07 before, 0 after)');
  });
});
