// How reports name an actor or a target in one word: the most readable of its fields that is not empty.
import type { Entity } from '../model/entity.js';

/** An actor's alternateId (its login), else its display name, else its id; null when all are absent. */
export function actorName(actor: Pick<Entity, 'id' | 'alternateId' | 'displayName'>): string | null {
  return actor.alternateId || actor.displayName || actor.id;
}

/** A target's display name, else its id, else its type; null when all are absent. */
export function targetName(target: Pick<Entity, 'id' | 'type' | 'displayName'>): string | null {
  return target.displayName || target.id || target.type;
}

/** The names of `targets` ({@link targetName}), leaving out those with none. */
export function targetNames(targets: readonly Pick<Entity, 'id' | 'type' | 'displayName'>[]): string[] {
  return targets.map((t) => targetName(t) ?? '').filter((t) => t !== '');
}
