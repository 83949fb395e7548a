// Pre-filter literals: expected sets for each construct, and soundness checked on random events.
import { describe, expect, it } from 'vitest';
import type { SigmaRule } from '../../src/rules/index.js';
import { detect } from './helpers.js';

const lit = (detection: Record<string, unknown>): string[] | null => detect(detection).literals;

describe('literals', () => {
  it('of a plain field value', () => {
    expect(lit({ sel: { eventType: 'system.api_token.revoke' }, condition: 'sel' })).toEqual(['system.api_token.revoke']);
  });

  it('of an OR of event types: all of them', () => {
    expect(lit({ sel: { eventType: ['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all'] }, condition: 'sel' })).toEqual([
      'user.mfa.factor.deactivate',
      'user.mfa.factor.reset_all',
    ]);
    expect(lit({ a: { eventType: 'x.one' }, b: { eventType: 'y.two' }, condition: 'a or b' })).toEqual(['x.one', 'y.two']);
  });

  it('of an AND: the most selective side', () => {
    expect(lit({ sel: { eventType: 'system.api_token.revoke', 'actor.type': 'User' }, condition: 'sel' })).toEqual(['system.api_token.revoke']);
    expect(lit({ sel: { eventType: 'system.api_token.revoke' }, f: { 'actor.alternateId': 'system@okta.com' }, condition: 'sel and not f' })).toEqual([
      'system.api_token.revoke',
    ]);
  });

  it('of wildcard values: the longest plain run', () => {
    expect(lit({ sel: { 'f|contains': 'api_token' }, condition: 'sel' })).toEqual(['api_token']);
    expect(lit({ sel: { f: 'user.*.grant' }, condition: 'sel' })).toEqual(['.grant']);
    expect(lit({ sel: { f: '/api/v1/users' }, condition: 'sel' })).toEqual(['users']);
    expect(lit({ sel: { f: 'say "hello"' }, condition: 'sel' })).toEqual(['hello']);
  });

  it('null when a match needs no literal', () => {
    expect(lit({ sel: { f: 'x' }, condition: 'not sel' })).toBeNull();
    expect(lit({ a: { f: 'x.long' }, b: { 'g|re': 'y' }, condition: 'a or b' })).toBeNull();
    expect(lit({ sel: { 'f|re': 'system\\.api' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { f: null }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { f: '' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { f: '*' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'f|exists': true }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'f|cidr': '10.0.0.0/8' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'f|gt': 5 }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'f|neq': 'abc' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'f|fieldref': 'g' }, condition: 'sel' })).toBeNull();
  });

  it('null for values that numbers or booleans could match by their text', () => {
    expect(lit({ sel: { version: 0 }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'securityContext.isProxy': 'true' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { asNumber: '70*' }, condition: 'sel' })).toBeNull();
    expect(lit({ sel: { 'securityContext.isProxy': 'true', eventType: 'user.session.start' }, condition: 'sel' })).toEqual(['user.session.start']);
  });

  it('of keywords (only string values are searched)', () => {
    expect(lit({ keywords: ['mimikatz', 'evil.example'], condition: 'keywords' })).toEqual(['mimikatz', 'evil.example']);
    expect(lit({ keywords: ['123'], condition: 'keywords' })).toEqual(['123']);
  });

  it('of expansions: every alternative', () => {
    expect(lit({ sel: { 'f|base64offset|contains': 'http://' }, condition: 'sel' })).toEqual(['aHR0cDovL', 'h0dHA6Ly', 'odHRwOi8v']);
    expect(lit({ sel: { 'f|windash|contains': ' -param' }, condition: 'sel' })).toEqual(['param']);
  });
});

/** Rules exercising every construct that yields literals. */
const RULES: SigmaRule[] = [
  { sel: { eventType: 'alpha.beta' }, condition: 'sel' },
  { sel: { eventType: ['alpha.beta', 'gamma.delta'], 'actor.type': 'User' }, condition: 'sel' },
  { sel: { 'target.displayName|contains': 'Gamma' }, f: { 'actor.type': 'System' }, condition: 'sel and not f' },
  { a: { 'x|startswith': 'alpha' }, b: { 'y|endswith': 'delta' }, condition: 'a or b' },
  { a: { x: 'al*ha' }, b: { 'y|contains|all': ['gam', 'ma.d'] }, condition: 'all of them' },
  { keywords: ['beta.g', 'Delta'], condition: 'keywords' },
  { sel: { 'x|cased': 'Alpha' }, condition: 'sel' },
  { sel: [{ x: 'alpha.beta' }, { y: 'gamma?delta' }], condition: 'sel' },
  { sel: { x: 'true' }, other: { y: 'alpha*' }, condition: 'sel and other' },
].map((d) => detect(d));

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'Alpha', 'GAMMA', '.', '', 'User', 'System', 'al', 'ha', 'true', '-'];

function rand(n: number, seed: { s: number }): number {
  seed.s = (seed.s * 1103515245 + 12345) % 2147483648;
  return seed.s % n;
}

function randomValue(seed: { s: number }, depth: number): unknown {
  const k = rand(10, seed);
  if (k < 5) {
    let s = '';
    for (let i = rand(4, seed); i >= 0; i--) s += WORDS[rand(WORDS.length, seed)]!;
    return s;
  }
  if (k === 5) return rand(3, seed) === 0 ? null : rand(100, seed);
  if (k === 6) return rand(2, seed) === 0;
  if (depth > 2) return 'alpha.beta';
  if (k === 7) return [randomValue(seed, depth + 1), randomValue(seed, depth + 1)];
  return randomDoc(seed, depth + 1);
}

function randomDoc(seed: { s: number }, depth = 0): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const key of ['eventType', 'x', 'y', 'actor', 'target', 'type', 'displayName']) {
    if (rand(3, seed) > 0) doc[key] = randomValue(seed, depth);
  }
  return doc;
}

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v.toLowerCase());
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

describe('literal soundness', () => {
  it('every matching event contains one of the literals in a string value', () => {
    const seed = { s: 42 };
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      const doc = randomDoc(seed);
      for (const rule of RULES) {
        if (rule.literals === null || !rule.matches(doc)) continue;
        matched++;
        const values = strings(doc, []);
        const found = rule.literals.some((l) => values.some((v) => v.includes(l.toLowerCase())));
        expect(found, `${JSON.stringify(doc)} matched ${JSON.stringify(rule.literals)}`).toBe(true);
      }
    }
    expect(RULES.every((r) => r.literals !== null)).toBe(true);
    expect(matched).toBeGreaterThan(500);
  });
});
