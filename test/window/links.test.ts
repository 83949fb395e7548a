// Link rules: token (call or target), actor, owner, ip — each alone, together, and never for Okta.
import { describe, expect, it } from 'vitest';
import { linksOf, type LinkTarget } from '../../src/window/links.js';
import { ev } from './helpers.js';

const target: LinkTarget = { tokenId: '00Ttok', actorId: '00uadmin', ownerId: '00uowner', tokenIps: new Set(['198.51.100.7']) };
const at = '2024-05-01T10:00:00.000Z';

describe('linksOf', () => {
  it('token: a call made with the token', () => {
    expect(linksOf(ev({ uuid: '1', at, token: '00Ttok' }), target)).toEqual(['token']);
  });
  it('token: the token as a target (its lifecycle)', () => {
    expect(linksOf(ev({ uuid: '2', at, type: 'system.api_token.create', targets: [{ id: '00Ttok', type: 'Token' }] }), target)).toEqual(['token']);
  });
  it('another token is no link', () => {
    expect(linksOf(ev({ uuid: '3', at, token: '00Tother' }), target)).toEqual([]);
  });
  it('actor and owner by actor.id', () => {
    expect(linksOf(ev({ uuid: '4', at, actor: '00uadmin' }), target)).toEqual(['actor']);
    expect(linksOf(ev({ uuid: '5', at, actor: '00uowner', token: '00Ttok', ip: '198.51.100.7' }), target)).toEqual(['token', 'owner', 'ip']);
  });
  it('ip: the same client address as a token use', () => {
    expect(linksOf(ev({ uuid: '6', at, actor: '00ustranger', ip: '198.51.100.7' }), target)).toEqual(['ip']);
  });
  it('null addresses and ids never link', () => {
    const none: LinkTarget = { tokenId: null, actorId: null, ownerId: null, tokenIps: new Set() };
    expect(linksOf(ev({ uuid: '7', at, ip: null }), none)).toEqual([]);
  });
  it('an Okta revocation has no actor link (actorId null)', () => {
    const okta: LinkTarget = { ...target, actorId: null };
    expect(linksOf(ev({ uuid: '8', at, actor: '00uadmin' }), okta)).toEqual([]);
  });
  it('events with the same links share one frozen list', () => {
    const a = linksOf(ev({ uuid: '9', at, actor: '00uowner', token: '00Ttok' }), target);
    const b = linksOf(ev({ uuid: '10', at, actor: '00uowner', token: '00Ttok', ip: '203.0.113.1' }), target);
    expect(a).toEqual(['token', 'owner']);
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => (a as string[]).push('ip')).toThrow(TypeError);
  });
});
