// The fields the query reads: key spellings, and the top-level keys of the columns layout.
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../../src/events/keys.js';
import { EVENT_FIELDS, spellings, TOP_LEVEL_KEYS } from '../../src/sql/fields.js';

describe('spellings', () => {
  it('gives Okta\'s spelling, lower case and snake_case, each once', () => {
    expect(spellings(['transaction', 'detail', 'requestApiTokenId'])).toEqual([
      ['transaction', 'detail', 'requestApiTokenId'],
      ['transaction', 'detail', 'requestapitokenid'],
      ['transaction', 'detail', 'request_api_token_id'],
    ]);
    expect(spellings(['uuid'])).toEqual([['uuid']]);
  });
});

describe('EVENT_FIELDS and TOP_LEVEL_KEYS', () => {
  it('are keys the CLI knows', () => {
    for (const k of TOP_LEVEL_KEYS) expect(CANONICAL_KEYS).toContain(k);
    for (const f of EVENT_FIELDS) for (const k of f.paths[0]!) expect(CANONICAL_KEYS).toContain(k);
  });
});
