// Every event that names a token as its target, and every user state change: few events, kept whole until the range is known.
import { isCreateEvent, isRevokeEvent } from '../events/event-types.js';
import type { OktaEvent } from '../events/types.js';
import { eventIdentity } from '../events/identity.js';
import type { Entity } from '../model/entity.js';
import { compareTimeThenId } from '../model/order.js';
import { tokenTargets } from './token-targets.js';
import { userStateAfter, type UserState } from './user-state.js';

/** What one event says about a token it targets. */
export interface TokenFact {
  published: number;
  uuid: string;
  kind: 'create' | 'revoke' | 'other';
  /** The target's `displayName`: the token's name at that time. */
  name: string | null;
  actor: Entity;
  ip: string | null;
  /** `requestApiTokenId`: the token whose credentials made the event. */
  viaToken: string | null;
  outcome: string | null;
}

/** A user's state change. */
export interface UserStateFact {
  published: number;
  uuid: string;
  state: UserState;
}


function add<T>(map: Map<string, Map<string, T>>, id: string, key: string, fact: T): void {
  let facts = map.get(id);
  if (!facts) map.set(id, (facts = new Map<string, T>()));
  if (!facts.has(key)) facts.set(key, fact);
}

/**
 * Token lifecycle facts (creations, revocations, updates: any event with a `Token` target) and
 * user state changes (deactivations, suspensions and their undoing), each event once however
 * often the input repeats it. They are kept whole because what they mean depends on the time
 * range, which is known only once every input is read; they are few (a handful per token and
 * per user who changes state), never one per call.
 */
export class TokenLifecycle {
  /** Token id → event identity → fact. */
  private readonly tokens = new Map<string, Map<string, TokenFact>>();
  /** User id → event identity → state change. */
  private readonly users = new Map<string, Map<string, UserStateFact>>();

  /** Records what the event says about the tokens it targets and the user whose state it changes. */
  observe(event: OktaEvent): void {
    const targets = tokenTargets(event);
    if (targets.length > 0) {
      const key = eventIdentity(event);
      const kind = isCreateEvent(event.eventType) ? 'create' : isRevokeEvent(event.eventType) ? 'revoke' : 'other';
      for (const t of targets) {
        add(this.tokens, t.id!, key, {
          published: event.published,
          uuid: event.uuid,
          kind,
          name: t.displayName,
          actor: event.actor,
          ip: event.client.ipAddress,
          viaToken: event.requestApiTokenId,
          outcome: event.outcome.result,
        });
      }
    }
    const state = userStateAfter(event.eventType);
    if (state === undefined) return;
    const key = eventIdentity(event);
    for (const t of event.targets) {
      if (t.id === null || t.type?.toLowerCase() !== 'user') continue;
      add(this.users, t.id, key, { published: event.published, uuid: event.uuid, state });
    }
  }

  /** Ids of every token some event targets. */
  tokenIds(): IterableIterator<string> {
    return this.tokens.keys();
  }

  /** The facts about a token published at or before `to`, in time order (then uuid). */
  factsOf(id: string, to: number): TokenFact[] {
    const facts = [...(this.tokens.get(id)?.values() ?? [])].filter((f) => f.published <= to);
    return facts.sort((a, b) => compareTimeThenId(a.published, a.uuid, b.published, b.uuid));
  }

  /** The user's last state change at or before `to`, or null. */
  lastState(userId: string, to: number): UserStateFact | null {
    let last: UserStateFact | null = null;
    for (const f of this.users.get(userId)?.values() ?? []) {
      if (f.published > to) continue;
      if (last === null || compareTimeThenId(f.published, f.uuid, last.published, last.uuid) > 0) last = f;
    }
    return last;
  }
}
