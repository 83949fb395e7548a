// One copy of each value that many kept events repeat (types, messages, agents, places, actors and targets).

import type { Entity } from '../model/entity.js';

/** A key part that tells null from every string (even "null"). */
function part(v: string | null): string {
  return v === null ? '\u0001' : `\u0002${v}`;
}

/**
 * Hands out one shared copy of each distinct string and entity it is given. JSON.parse makes a new
 * string for every value of every record, so 16,500 kept events of the heavy 1 GiB bench export
 * held thousands of copies of the same event types, messages, user agents, actors and targets.
 * Memory follows the distinct values of the windows' events, which --max-window-events bounds. The
 * shared values are read, never changed, by every stage after the window (entities are frozen).
 */
export class Interner {
  private readonly texts = new Map<string, string>();
  private readonly entities = new Map<string, Entity>();

  /** The shared copy of `s` (null stays null). */
  text<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.texts.get(s);
    if (known !== undefined) return known as T;
    this.texts.set(s, s);
    return s;
  }

  /** A shared, frozen entity with the same four fields as `e` (and only those). */
  entity(e: Entity): Entity {
    const key = part(e.id) + part(e.type) + part(e.alternateId) + part(e.displayName);
    let known = this.entities.get(key);
    if (known === undefined) {
      known = Object.freeze({ id: this.text(e.id), type: this.text(e.type), alternateId: this.text(e.alternateId), displayName: this.text(e.displayName) });
      this.entities.set(key, known);
    }
    return known;
  }
}
