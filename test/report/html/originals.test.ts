// The page's originals: each record once, its own text read through the reader when held by reference, and the token a call was made with.
import { describe, expect, it } from 'vitest';
import type { OriginalReader, RecordRef } from '../../../src/model/original.js';
import { OriginalsTable, requestToken } from '../../../src/report/html/originals.js';
import { collect } from '../helpers.js';

const CALL = '{"uuid":"u1","transaction":{"detail":{"requestApiTokenId":"00Tabc"}},"displayMessage":"</script>\u202e"}';

describe('requestToken', () => {
  it('reads transaction.detail.requestApiTokenId, and nothing from text that only mentions it', () => {
    expect(requestToken(CALL)).toBe('00Tabc');
    expect(requestToken('{"displayMessage":"requestApiTokenId","transaction":{"detail":{}}}')).toBeNull();
    expect(requestToken('{"transaction":{"detail":{"requestApiTokenId":""}}}')).toBeNull();
    expect(requestToken('{"uuid":"u2"}')).toBeNull();
    expect(requestToken('{not json requestApiTokenId')).toBeNull();
  });
});

describe('OriginalsTable', () => {
  it('numbers each uuid once, reads references through the reader, and writes the texts not yet written as a data block', () => {
    const ref: RecordRef = { input: 0, offset: 10, length: 20, check: 1 };
    let reads = 0;
    const reader: OriginalReader = { text: (r) => (reads++, r === ref ? '{ "uuid" : "u3" }' : '') };
    const table = new OriginalsTable(reader);
    const a = table.event('u1', { text: CALL });
    expect(table.event('u1', { text: '{"other":1}' })).toBe(a);
    const b = table.revocation('r1', { uuid: 'r1', eventType: 'system.api_token.revoke' });
    const c = table.event('u3', { ref });
    expect(table.event('u3', { ref })).toBe(c);
    expect([a.index, b.index, c.index]).toEqual([0, 1, 2]);
    expect([a.via, b.via, c.via]).toEqual(['00Tabc', null, null]);
    expect(reads).toBe(1);
    const block = collect(table.flush());
    const json = /^\n<script type="application\/json" class="originals">(.*)<\/script>$/s.exec(block)![1]!;
    expect(json).not.toMatch(/[<>\u2028\u2029\u202e]/);
    expect(collect(table.flush())).toBe('');
    expect(table.event('u4', { text: '{}' }).index).toBe(3);
    // The token the window gives wins over the text, which is then not parsed for it.
    expect(table.event('u5', { text: CALL }, { id: '00Tgiven' }).via).toBe('00Tgiven');
    expect(table.event('u6', { text: CALL }, null).via).toBeNull();
    expect(table.event('u7', { text: CALL }, { id: '' }).via).toBeNull();
    expect(JSON.parse(json)).toEqual([
      '{"uuid":"u1","transaction":{"detail":{"requestApiTokenId":"00Tabc"}},"displayMessage":"</script>\\u202e"}',
      '{"uuid":"r1","eventType":"system.api_token.revoke"}',
      '{"uuid":"u3"}',
    ]);
  });

  it('needs a reader for originals held by reference', () => {
    expect(() => new OriginalsTable(undefined).event('u', { ref: { input: 0, offset: 0, length: 1, check: 0 } })).toThrow(/OriginalReader/);
  });
});
