// The two shipped rules: valid Sigma metadata, and what they match on real public Okta events.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRulesDir, loadBuiltinRules, type SigmaRule } from '../../src/rules/index.js';
import { publicSample } from '../helpers/fixtures.js';

const SAMPLES = publicSample('panther-analysis');

function events(name: string): Record<string, unknown>[] {
  return readFileSync(resolve(SAMPLES, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** An automatic revocation by Okta itself, as Okta logs them (actor system@okta.com). */
const SYSTEM_REVOKE = {
  uuid: '5b1c2e4a-9f0d-11ef-8a4b-0242ac120002',
  published: '2026-11-20T04:00:12.345Z',
  eventType: 'system.api_token.revoke',
  version: '0',
  severity: 'INFO',
  legacyEventType: 'api.token.revoke',
  displayMessage: 'Revoke API token',
  actor: { id: 'spr294puarJOdUsWD1t7', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null },
  outcome: { result: 'SUCCESS' },
  target: [{ id: '00Tpki36zlWjhjQ1u2p4', type: 'Token', alternateId: 'unknown', displayName: 'ci-sync', detailEntry: null }],
};

const FILES = ['okta_api_token_revoked.yml', 'okta_api_token_revoked_by_user.yml'];
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seed rule files', () => {
  const raws = FILES.map((f) => parse(readFileSync(resolve(builtinRulesDir(), f), 'utf8')) as Record<string, unknown>);

  it('only the two seed rules ship', () => {
    expect(readdirSync(builtinRulesDir()).sort()).toEqual(FILES);
  });

  it('carry the Sigma metadata sigma-cli and SigmaHQ expect', () => {
    for (const raw of raws) {
      expect(Object.keys(raw)).toEqual(expect.arrayContaining(['title', 'id', 'status', 'description', 'references', 'author', 'date', 'tags', 'logsource', 'detection', 'falsepositives', 'level']));
      expect(raw.id).toMatch(UUID4);
      expect(raw.status).toBe('experimental');
      expect(raw.level).toBe('medium');
      expect(raw.date).toBe('2026-11-28');
      expect(raw.tags).toEqual(['attack.impact', 'attack.t1531']);
      expect(raw.logsource).toEqual({ product: 'okta', service: 'okta' });
      expect(raw.references).toEqual(expect.arrayContaining(['https://developer.okta.com/docs/reference/api/event-types/']));
      expect((raw.references as string[]).some((r) => r.startsWith('https://help.okta.com/'))).toBe(true);
      expect((raw.title as string).length).toBeLessThanOrEqual(256);
      for (const rel of (raw.related ?? []) as { id: string; type: string }[]) {
        expect(['derived', 'obsolete', 'merged', 'renamed', 'similar']).toContain(rel.type);
      }
    }
    expect(raws[0]!.id).not.toBe(raws[1]!.id);
  });

  it('use 4-space indentation and no tabs', () => {
    for (const f of FILES) {
      const text = readFileSync(resolve(builtinRulesDir(), f), 'utf8');
      expect(text).not.toMatch(/\t/);
      for (const line of text.split('\n')) expect((/^ */.exec(line)![0].length) % 2).toBe(0);
      expect(text).toMatch(/\n {4}selection:\n {8}eventType: /);
    }
  });
});

describe('seed rules on events', () => {
  let revoked: SigmaRule;
  let byUser: SigmaRule;
  beforeAll(async () => {
    const rules = await loadBuiltinRules();
    revoked = rules.find((r) => r.title === 'Okta API Token Revoked')!;
    byUser = rules.find((r) => r.title === 'Okta API Token Revoked by User')!;
  });

  it('both match the public Panther revocation event', () => {
    const [event] = events('rules__okta_rules__okta_api_key_revoked.ndjson');
    expect(event!.eventType).toBe('system.api_token.revoke');
    expect(revoked.matches(event!)).toBe(true);
    expect(byUser.matches(event!)).toBe(true);
  });

  it('an automatic revocation by system@okta.com matches only the first', () => {
    expect(revoked.matches(SYSTEM_REVOKE)).toBe(true);
    expect(byUser.matches(SYSTEM_REVOKE)).toBe(false);
    // Even if Okta labelled its own actor as a User, system@okta.com stays filtered out.
    const mislabelled = { ...SYSTEM_REVOKE, actor: { ...SYSTEM_REVOKE.actor, type: 'User' } };
    expect(byUser.matches(mislabelled)).toBe(false);
  });

  it('the public system.api_token.create event matches neither', () => {
    const [event] = events('rules__okta_rules__okta_api_key_created.ndjson');
    expect(event!.eventType).toBe('system.api_token.create');
    expect(revoked.matches(event!)).toBe(false);
    expect(byUser.matches(event!)).toBe(false);
  });

  it('no other public sample event matches', () => {
    let count = 0;
    for (const f of readdirSync(SAMPLES).filter((n) => n.endsWith('.ndjson') && !n.includes('api_key_revoked'))) {
      for (const e of events(f)) {
        count++;
        expect(revoked.matches(e), f).toBe(false);
        expect(byUser.matches(e), f).toBe(false);
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('match lowercase-key exports the same way', () => {
    const lower = { eventtype: 'system.api_token.revoke', actor: { type: 'User', alternateid: 'admin@example.com' } };
    expect(revoked.matches(lower)).toBe(true);
    expect(byUser.matches(lower)).toBe(true);
  });

  it('give the scanner the revoke event type as literal', () => {
    expect(revoked.literals).toEqual(['system.api_token.revoke']);
    expect(byUser.literals).toEqual(['system.api_token.revoke']);
  });
});
