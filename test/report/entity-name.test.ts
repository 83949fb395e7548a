// actorName / targetName: the most readable non-empty field; '' counts as absent, as Okta writes it.
import { describe, expect, it } from 'vitest';
import { actorName, targetName, targetNames } from '../../src/report/entity-name.js';
import type { Entity } from '../../src/model/entity.js';

const entity = (e: Partial<Entity>): Entity => ({ id: null, type: null, alternateId: null, displayName: null, ...e });

describe('entity names', () => {
  it('an actor: alternateId, else display name, else id, else null', () => {
    expect(actorName(entity({ id: '00u1', alternateId: 'ann@corp.example', displayName: 'Ann' }))).toBe('ann@corp.example');
    expect(actorName(entity({ id: '00u1', alternateId: '', displayName: 'Ann' }))).toBe('Ann');
    expect(actorName(entity({ id: '00u1' }))).toBe('00u1');
    expect(actorName(entity({ type: 'User' }))).toBeNull();
  });

  it('a target: display name, else id, else type; targetNames leaves out the nameless', () => {
    expect(targetName(entity({ id: '00T1', type: 'Token', displayName: 'ci-deploy' }))).toBe('ci-deploy');
    expect(targetName(entity({ id: '00T1', type: 'Token', displayName: '' }))).toBe('00T1');
    expect(targetName(entity({ type: 'Token' }))).toBe('Token');
    expect(targetNames([entity({ displayName: 'a' }), entity({}), entity({ type: '' }), entity({ id: 'b' })])).toEqual(['a', 'b']);
  });
});
