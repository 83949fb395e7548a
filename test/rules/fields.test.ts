// Field paths and selection shapes: dotted paths, array descent, key case, maps, lists, keywords.
import { describe, expect, it } from 'vitest';
import { detect } from './helpers.js';

describe('field paths', () => {
  it('follow dotted paths into nested objects', () => {
    const r = detect({ sel: { 'debugContext.debugData.requestUri': '/api/v1/users/*' }, condition: 'sel' });
    expect(r.matches({ debugContext: { debugData: { requestUri: '/api/v1/users/00u1/lifecycle' } } })).toBe(true);
    expect(r.matches({ debugContext: { debugData: {} } })).toBe(false);
    expect(r.matches({ debugContext: null })).toBe(false);
    expect(r.matches({ debugContext: 'x' })).toBe(false);
  });

  it('descend through arrays: any element may match', () => {
    const r = detect({ sel: { 'target.type': 'Token' }, condition: 'sel' });
    expect(r.matches({ target: [{ type: 'User' }, { type: 'Token' }] })).toBe(true);
    expect(r.matches({ target: [{ type: 'User' }, { type: 'AppInstance' }] })).toBe(false);
    expect(r.matches({ target: [] })).toBe(false);
    const leafArray = detect({ sel: { 'debugContext.debugData.behaviors|contains': 'New IP=POSITIVE' }, condition: 'sel' });
    expect(leafArray.matches({ debugContext: { debugData: { behaviors: ['New IP=NEGATIVE', 'New IP=POSITIVE'] } } })).toBe(true);
    expect(leafArray.matches({ debugContext: { debugData: { behaviors: ['New IP=NEGATIVE'] } } })).toBe(false);
    const nested = detect({ sel: { 'request.ipChain.geographicalContext.country': 'Iceland' }, condition: 'sel' });
    expect(nested.matches({ request: { ipChain: [{ geographicalContext: { country: 'France' } }, { geographicalContext: { country: 'Iceland' } }] } })).toBe(true);
  });

  it('treat a missing element field as missing for null, per element', () => {
    const r = detect({ sel: { 'target.alternateId': null }, condition: 'sel' });
    expect(r.matches({ target: [{ alternateId: 'a' }, { id: 'x' }] })).toBe(true);
    expect(r.matches({ target: [{ alternateId: 'a' }] })).toBe(false);
  });

  it('fall back to case-insensitive keys, in both directions', () => {
    const legacy = detect({ sel: { eventtype: 'user.session.start', 'securitycontext.isproxy': 'true' }, condition: 'sel' });
    expect(legacy.matches({ eventType: 'user.session.start', securityContext: { isProxy: true } })).toBe(true);
    const modern = detect({ sel: { eventType: 'user.session.start', 'securityContext.isProxy': 'true' }, condition: 'sel' });
    expect(modern.matches({ eventtype: 'user.session.start', securitycontext: { isproxy: true } })).toBe(true);
    expect(modern.matches({ eventtype: 'user.session.start', securitycontext: { isproxy: false } })).toBe(false);
    const uri = detect({ sel: { 'debugcontext.debugdata.requesturi|startswith': '/api/v1/' }, condition: 'sel' });
    expect(uri.matches({ debugContext: { debugData: { requestUri: '/api/v1/x' } } })).toBe(true);
  });

  it('prefer the exact key when both spellings exist', () => {
    const r = detect({ sel: { eventType: 'a' }, condition: 'sel' });
    expect(r.matches({ eventtype: 'a', eventType: 'b' })).toBe(false);
    expect(r.matches({ eventtype: 'b', eventType: 'a' })).toBe(true);
  });

  it('also find flattened dotted keys', () => {
    const r = detect({ sel: { 'actor.alternateId': 'bob@example.com' }, condition: 'sel' });
    expect(r.matches({ 'actor.alternateId': 'bob@example.com' })).toBe(true);
  });

  it('do not see inherited properties', () => {
    const r = detect({ sel: { constructor: null }, condition: 'sel' });
    expect(r.matches({})).toBe(true);
    const exists = detect({ sel: { 'toString|exists': true }, condition: 'sel' });
    expect(exists.matches({})).toBe(false);
  });
});

describe('selection shapes', () => {
  it('AND the fields of a map and OR the values of a list', () => {
    const r = detect({ sel: { eventType: ['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all'], 'outcome.result': 'SUCCESS' }, condition: 'sel' });
    expect(r.matches({ eventType: 'user.mfa.factor.reset_all', outcome: { result: 'SUCCESS' } })).toBe(true);
    expect(r.matches({ eventType: 'user.mfa.factor.deactivate', outcome: { result: 'SUCCESS' } })).toBe(true);
    expect(r.matches({ eventType: 'user.mfa.factor.deactivate', outcome: { result: 'FAILURE' } })).toBe(false);
    expect(r.matches({ eventType: 'user.mfa.factor.activate', outcome: { result: 'SUCCESS' } })).toBe(false);
  });

  it('OR the maps of a list', () => {
    const r = detect({ sel: [{ eventType: 'a', 'actor.type': 'User' }, { eventType: 'b' }], condition: 'sel' });
    expect(r.matches({ eventType: 'a', actor: { type: 'User' } })).toBe(true);
    expect(r.matches({ eventType: 'a', actor: { type: 'SystemPrincipal' } })).toBe(false);
    expect(r.matches({ eventType: 'b' })).toBe(true);
  });

  it('search keywords in every string value, as substrings', () => {
    const r = detect({ keywords: ['evil.example', 'mimikatz'], condition: 'keywords' });
    expect(r.matches({ client: { userAgent: { rawUserAgent: 'curl via EVIL.example.net' } } })).toBe(true);
    expect(r.matches({ target: [{ displayName: 'x' }, { displayName: 'run Mimikatz now' }] })).toBe(true);
    expect(r.matches({ 'evil.example': 'key names are not searched' })).toBe(false);
    expect(r.matches({ n: 1 })).toBe(false);
    const single = detect({ keywords: 'needle*haystack', condition: 'keywords' });
    expect(single.matches({ a: 'the needle in the haystack!' })).toBe(true);
    expect(single.matches({ a: 'haystack needle' })).toBe(false);
  });

  it("support '|all' keyword maps (every keyword somewhere)", () => {
    const r = detect({ keywords: { '|all': ['OabVirtualDirectory', ' -ExternalUrl '] }, condition: 'keywords' });
    expect(r.matches({ a: 'Set-OabVirtualDirectory', b: 'x -ExternalUrl y' })).toBe(true);
    expect(r.matches({ a: 'Set-OabVirtualDirectory' })).toBe(false);
  });

  it('mix keywords and maps in one list (OR)', () => {
    const r = detect({ sel: ['needle', { eventType: 'b' }], condition: 'sel' });
    expect(r.matches({ eventType: 'b' })).toBe(true);
    expect(r.matches({ x: 'a needle' })).toBe(true);
    expect(r.matches({ eventType: 'c' })).toBe(false);
  });

  it('ignore non-object events', () => {
    const r = detect({ sel: { eventType: null }, condition: 'sel' });
    expect(r.matches(null)).toBe(false);
  });
});
