// Interner: one shared copy per distinct string and entity; null is never confused with "null".
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/window/interner.js';

describe('Interner', () => {
  it('gives back the first copy of an equal string, and null as null', () => {
    const shared = new Interner();
    const first = ['user', 'session.start'].join('.');
    const second = ['user.session', 'start'].join('.');
    expect(shared.text(first)).toBe(first);
    expect(shared.text(second)).toBe(first);
    expect(shared.text(null)).toBeNull();
    expect(shared.text('null')).toBe('null');
  });

  it('gives one entity per distinct four fields, with those fields only, in their order', () => {
    const shared = new Interner();
    const a = shared.entity({ id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann' });
    const again = shared.entity({ id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann', extra: 1 } as never);
    expect(again).toBe(a);
    expect(Object.keys(a)).toEqual(['id', 'type', 'alternateId', 'displayName']);
    expect(Object.isFrozen(a)).toBe(true);
    // A null field and the text "null" are different entities.
    const nullName = shared.entity({ id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: null });
    const textName = shared.entity({ id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'null' });
    expect(nullName).not.toBe(textName);
    expect(nullName.displayName).toBeNull();
    expect(textName.displayName).toBe('null');
    // Fields are not confused across positions.
    expect(shared.entity({ id: 'a', type: null, alternateId: null, displayName: null })).not.toBe(shared.entity({ id: null, type: 'a', alternateId: null, displayName: null }));
  });
});
