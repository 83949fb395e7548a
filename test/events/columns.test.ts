// CSV columns: header spellings → event paths, rows → nested events, unknown columns kept.
import { describe, expect, it } from 'vitest';
import { columnMap, columnPath, looksLikeEventHeader } from '../../src/events/columns.js';
import { rowToEvent } from '../../src/events/row-event.js';

describe('columnPath', () => {
  it.each([
    ['eventType', ['eventType']],
    ['event_type', ['eventType']],
    ['EVENTTYPE', ['eventType']],
    ['display_message', ['displayMessage']],
    ['client.ip_address', ['client', 'ipAddress']],
    ['actor.alternate_id', ['actor', 'alternateId']],
    ['target0.display_name', ['target', 0, 'displayName']],
    ['target.1.id', ['target', 1, 'id']],
    ['target[2].id', ['target', 2, 'id']],
    ['targets0.id', ['target', 0, 'id']],
    ['request.ip_chain0.ip', ['request', 'ipChain', 0, 'ip']],
    ['timestamp', ['published']],
    ['authentication_context.external_session_id', ['authenticationContext', 'externalSessionId']],
    ['Country Code', ['Country Code']],
    ['actor.custom2', ['actor', 'custom2']],
  ])('%s', (header, path) => expect(columnPath(header)).toEqual(path));
});

describe('event tables', () => {
  it('are recognised by eventType and a time, or a raw-event column', () => {
    expect(looksLikeEventHeader(['uuid', 'event_type', 'timestamp'])).toBe(true);
    expect(looksLikeEventHeader(['uuid', 'eventType'])).toBe(false);
    expect(looksLikeEventHeader(['_time', '_raw'])).toBe(true);
    expect(looksLikeEventHeader(['name', 'published'])).toBe(false);
  });
  it('rows become nested events; empty cells are left out, unknown columns kept', () => {
    const map = columnMap(['uuid', 'published', 'event_type', 'actor.id', 'target0.id', 'target0.type', 'target2.id', 'client.ip_address', 'Ticket', 'target']);
    const e = rowToEvent(map, ['u1', '2024-01-01T00:00:00Z', 'system.api_token.revoke', '00u1', '00T1', 'Token', '00T3', '', 'INC-7', '']);
    expect(e).toEqual({
      uuid: 'u1', published: '2024-01-01T00:00:00Z', eventType: 'system.api_token.revoke', actor: { id: '00u1' },
      target: [{ id: '00T1', type: 'Token' }, { id: '00T3' }], Ticket: 'INC-7',
    });
  });
  it('a published column wins over timestamp; object columns may hold JSON; other JSON-like text stays text', () => {
    const map = columnMap(['timestamp', 'published', 'eventType', 'target', 'debugContext.debugData.logOnlySecurityData']);
    const e = rowToEvent(map, ['ingest-time', '2024-01-01T00:00:00Z', 'x', '[{"id":"00T1","type":"Token"}]', '{"risk":{"level":"LOW"}}']);
    expect(e).toEqual({
      timestamp: 'ingest-time', published: '2024-01-01T00:00:00Z', eventType: 'x', target: [{ id: '00T1', type: 'Token' }],
      debugContext: { debugData: { logOnlySecurityData: '{"risk":{"level":"LOW"}}' } },
    });
  });
  it('conflicting columns keep the first value; __proto__ stays data', () => {
    const map = columnMap(['eventType', 'event_type', 'actor', 'actor.id', '__proto__.x']);
    const e = rowToEvent(map, ['a', 'b', 'scalar', '00u1', 'y']);
    expect(e).toMatchObject({ eventType: 'a', actor: 'scalar' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
  });
});
