// Second pass: each revoker's sign-in addresses and countries with first-seen times, and their last sign-in before a revocation.
import type { OktaEvent } from '../events/types.js';
import { addSpan, type Span } from '../events/interest.js';
import { remember } from './token-baseline.js';

/** Where a person signed in from. */
export interface Places {
  /** Earliest sign-in of theirs seen (ms). */
  earliest: number;
  ips: Map<string, number>;
  countries: Map<string, number>;
}

/** The event type of a sign-in. */
export const SIGN_IN = 'user.session.start';

/** The outcome of a sign-in that makes a place known (compared case-insensitively). */
export const SIGN_IN_RESULT = 'SUCCESS';

/** A sign-in: `user.session.start` with outcome SUCCESS. */
export interface SignIn {
  at: number;
  uuid: string;
  ip: string | null;
  country: string | null;
}

interface Track {
  actorId: string;
  revokedAt: number;
  from: number;
  end: number;
  /** The revoker's latest sign-in at or before the revocation. */
  signIn: SignIn | null;
}

/**
 * Gathers, for revokers only, the distinct addresses and countries of their successful sign-ins
 * in [from, end] with first-seen times. Only sign-ins are parsed (the probe also requires the
 * event type's bytes), which keeps the added parsing small; and a session's other events come
 * from the address it started from anyway. A failed sign-in does not make an address known.
 */
export class RevokerPlaces {
  private readonly byActor = new Map<string, Track[]>();
  private readonly places = new Map<string, Places>();
  private readonly tracks = new Map<string, Track>();

  /** Follows the revoker of revocation `id` over [from, end]. */
  add(id: string, actorId: string, revokedAt: number, from: number, end: number): void {
    const t: Track = { actorId, revokedAt, from, end, signIn: null };
    this.tracks.set(id, t);
    const list = this.byActor.get(actorId);
    if (list) list.push(t);
    else this.byActor.set(actorId, [t]);
  }

  /** The followed revokers, each with the spans in which their sign-ins count. */
  spans(): Map<string, Span[]> {
    const out = new Map<string, Span[]>();
    for (const [id, list] of this.byActor) for (const t of list) addSpan(out, id, { from: t.from, to: t.end, eventType: SIGN_IN });
    return out;
  }

  /** Records a successful sign-in of a followed revoker; true when it was used. */
  observe(event: OktaEvent): boolean {
    const id = event.actor.id;
    if (id === null || event.requestApiTokenId !== null) return false;
    if (event.eventType.toLowerCase() !== SIGN_IN || event.outcome.result?.toUpperCase() !== SIGN_IN_RESULT) return false;
    const list = this.byActor.get(id);
    if (!list) return false;
    const at = event.published;
    let used = false;
    for (const t of list) {
      if (at < t.from || at > t.end) continue;
      used = true;
      if (at <= t.revokedAt && (t.signIn === null || at > t.signIn.at)) {
        t.signIn = { at, uuid: event.uuid, ip: event.client.ipAddress, country: event.client.country };
      }
    }
    if (!used) return false;
    let p = this.places.get(id);
    if (!p) this.places.set(id, (p = { earliest: at, ips: new Map(), countries: new Map() }));
    else if (at < p.earliest) p.earliest = at;
    remember(p.ips, event.client.ipAddress, at);
    remember(p.countries, event.client.country, at);
    return true;
  }

  /** The revoker's places and last sign-in for revocation `id`, or null when it is not followed. */
  get(id: string): { places: Places | null; signIn: SignIn | null } | null {
    const t = this.tracks.get(id);
    if (!t) return null;
    return { places: this.places.get(t.actorId) ?? null, signIn: t.signIn };
  }
}
