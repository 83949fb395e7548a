// String value semantics: case, wildcards, escapes, null vs empty, number and boolean coercion.
import { describe, expect, it } from 'vitest';
import { detect, detectYaml } from './helpers.js';

describe('string values', () => {
  it('compare whole values, case-insensitively', () => {
    const r = detect({ sel: { eventType: 'system.api_token.revoke' }, condition: 'sel' });
    expect(r.matches({ eventType: 'system.api_token.revoke' })).toBe(true);
    expect(r.matches({ eventType: 'SYSTEM.API_TOKEN.REVOKE' })).toBe(true);
    expect(r.matches({ eventType: 'system.api_token.revoked' })).toBe(false);
    expect(r.matches({ eventType: 'x system.api_token.revoke' })).toBe(false);
    expect(r.matches({})).toBe(false);
  });

  it('fold non-ASCII letters too', () => {
    const r = detect({ sel: { displayName: 'ÉLODIE Ünal' }, condition: 'sel' });
    expect(r.matches({ displayName: 'élodie ünal' })).toBe(true);
    expect(r.matches({ displayName: 'elodie unal' })).toBe(false);
  });

  it('treat * as any run and ? as one character', () => {
    const r = detect({ sel: { 'actor.alternateId': '*@example.???' }, condition: 'sel' });
    expect(r.matches({ actor: { alternateId: 'bob@example.com' } })).toBe(true);
    expect(r.matches({ actor: { alternateId: '@example.org' } })).toBe(true);
    expect(r.matches({ actor: { alternateId: 'bob@example.co' } })).toBe(false);
    expect(r.matches({ actor: { alternateId: 'bob@example.comm' } })).toBe(false);
    const mid = detect({ sel: { f: 'a*b*c' }, condition: 'sel' });
    expect(mid.matches({ f: 'abc' })).toBe(true);
    expect(mid.matches({ f: 'a-b-b-c' })).toBe(true);
    expect(mid.matches({ f: 'acb' })).toBe(false);
    expect(mid.matches({ f: 'abcx' })).toBe(false);
    expect(mid.matches({ f: 'ab' })).toBe(false);
  });

  it('follow the Sigma escaping rules for \\*, \\? and backslashes', () => {
    const plainStar = detectYaml(String.raw`
sel:
    f: 'a\*b'
condition: sel`);
    expect(plainStar.matches({ f: 'a*b' })).toBe(true);
    expect(plainStar.matches({ f: 'axb' })).toBe(false);

    const plainQ = detectYaml(String.raw`
sel:
    f: 'why\?'
condition: sel`);
    expect(plainQ.matches({ f: 'why?' })).toBe(true);
    expect(plainQ.matches({ f: 'whyy' })).toBe(false);

    // A backslash not before a wildcard is plain, single or doubled.
    const single = detectYaml(String.raw`
sel:
    f: 'C:\Windows\cmd.exe'
condition: sel`);
    expect(single.matches({ f: 'C:\\Windows\\cmd.exe' })).toBe(true);
    const doubled = detectYaml(String.raw`
sel:
    f: 'C:\\Windows'
condition: sel`);
    expect(doubled.matches({ f: 'C:\\Windows' })).toBe(true);

    // \\* is a backslash followed by a wildcard.
    const backslashStar = detectYaml(String.raw`
sel:
    f: 'dir\\*'
condition: sel`);
    expect(backslashStar.matches({ f: 'dir\\anything' })).toBe(true);
    expect(backslashStar.matches({ f: 'dir*' })).toBe(false);

    // \\\* is a backslash followed by a plain star.
    const three = detectYaml(String.raw`
sel:
    f: 'dir\\\*'
condition: sel`);
    expect(three.matches({ f: 'dir\\*' })).toBe(true);
    expect(three.matches({ f: 'dir\\x' })).toBe(false);

    // Four backslashes are two plain ones.
    const four = detectYaml(String.raw`
sel:
    f: 'a\\\\b'
condition: sel`);
    expect(four.matches({ f: 'a\\\\b' })).toBe(true);
    expect(four.matches({ f: 'a\\b' })).toBe(false);
  });

  it("distinguish null (missing or JSON null) from '' (empty string only)", () => {
    const isNull = detect({ sel: { 'outcome.reason': null }, condition: 'sel' });
    expect(isNull.matches({ outcome: { reason: null } })).toBe(true);
    expect(isNull.matches({ outcome: {} })).toBe(true);
    expect(isNull.matches({})).toBe(true);
    expect(isNull.matches({ outcome: { reason: '' } })).toBe(false);
    expect(isNull.matches({ outcome: { reason: 'x' } })).toBe(false);

    const empty = detect({ sel: { 'outcome.reason': '' }, condition: 'sel' });
    expect(empty.matches({ outcome: { reason: '' } })).toBe(true);
    expect(empty.matches({ outcome: { reason: null } })).toBe(false);
    expect(empty.matches({ outcome: {} })).toBe(false);
    expect(empty.matches({ outcome: { reason: ' ' } })).toBe(false);
  });

  it('compare numbers and booleans by their text', () => {
    const proxy = detect({ sel: { 'securityContext.isProxy': 'true' }, condition: 'sel' });
    expect(proxy.matches({ securityContext: { isProxy: true } })).toBe(true);
    expect(proxy.matches({ securityContext: { isProxy: 'TRUE' } })).toBe(true);
    expect(proxy.matches({ securityContext: { isProxy: false } })).toBe(false);

    const yamlBool = detect({ sel: { 'securityContext.isProxy': true }, condition: 'sel' });
    expect(yamlBool.matches({ securityContext: { isProxy: true } })).toBe(true);
    expect(yamlBool.matches({ securityContext: { isProxy: 'true' } })).toBe(true);
    expect(yamlBool.matches({ securityContext: { isProxy: 1 } })).toBe(false);

    const version = detect({ sel: { version: 0 }, condition: 'sel' });
    expect(version.matches({ version: '0' })).toBe(true);
    expect(version.matches({ version: 0 })).toBe(true);
    expect(version.matches({ version: '00' })).toBe(false);
    expect(version.matches({ version: false })).toBe(false);

    const asText = detect({ sel: { 'securityContext.asNumber': '70?' }, condition: 'sel' });
    expect(asText.matches({ securityContext: { asNumber: 701 } })).toBe(true);
    expect(asText.matches({ securityContext: { asNumber: 7010 } })).toBe(false);
  });

  it('do not match objects', () => {
    const r = detect({ sel: { actor: '*' }, condition: 'sel' });
    expect(r.matches({ actor: { id: 'x' } })).toBe(false);
    expect(r.matches({ actor: 'x' })).toBe(true);
  });
});
