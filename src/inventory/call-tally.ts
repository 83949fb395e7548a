// Calls made with each token, counted by address, agent, type, country and network: memory follows distinct values, not calls.
import type { OktaEvent } from '../events/types.js';
import { compareTimeThenId } from '../model/order.js';
import { callRisk } from './call-risk.js';

/** When an event was published, and its uuid: the order (time, then uuid) every "first" and "last" follows. */
export interface Stamp {
  t: number;
  uuid: string;
}

/** Whether `a` comes before `b` (time, then uuid). */
export function before(a: Stamp, b: Stamp): boolean {
  return compareTimeThenId(a.t, a.uuid, b.t, b.uuid) < 0;
}

/** Calls from one address. */
export interface AddressTally {
  calls: number;
  /** Country and network of the address's latest call (`at`). */
  country: string | null;
  asn: string | null;
  at: Stamp;
}

/** Calls of one event type, and the first of them. */
export interface TypeTally {
  calls: number;
  first: Stamp;
}

/** Everything counted about one token's calls. */
export interface TokenCalls {
  calls: number;
  first: Stamp;
  last: Stamp;
  addresses: Map<string, AddressTally>;
  userAgents: Map<string, number>;
  eventTypes: Map<string, TypeTally>;
  /** Country → its first call. */
  countries: Map<string, Stamp>;
  /** Network (`asNumber`, else `asOrg`) → its first call. */
  networks: Map<string, Stamp>;
  /** Calls Okta marked `isProxy`, and calls with a threat verdict. */
  proxy: number;
  threat: number;
  /** The earliest of those marked calls, at most `keep` of them, in time order. */
  marked: Stamp[];
}

/** The network of a call: `asNumber`, else `asOrg`. */
function networkOf(e: OktaEvent): string | null {
  return e.client.asNumber ?? e.client.asOrg;
}

/** Keeps the earlier stamp in `map` for `key`. */
function keepFirst(map: Map<string, Stamp>, key: string | null, s: Stamp): void {
  if (key === null || key === '') return;
  const known = map.get(key);
  if (known === undefined || before(s, known)) map.set(key, s);
}

/**
 * The calls made with every token inside a time range, each counted once (the caller drops
 * duplicates). Per token it keeps counts per distinct address, user agent, event type, country
 * and network, the first and last call, and at most `keep` marked calls as evidence: memory
 * follows the number of tokens and of their distinct values, never the number of calls. Every
 * result is the same whatever order the calls come in.
 */
export class CallTally {
  private readonly tokens = new Map<string, TokenCalls>();

  /** Counts calls published in [from, to] (ms, inclusive); `keep` marked calls are kept as evidence per token. */
  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly keep: number,
  ) {}

  /** Counts the event when it is a call made with a token inside the range; returns whether it was. */
  observe(event: OktaEvent): boolean {
    const id = event.requestApiTokenId;
    const t = event.published;
    if (id === null || id === '' || t < this.from || t > this.to) return false;
    const s: Stamp = { t, uuid: event.uuid };
    let c = this.tokens.get(id);
    if (!c) {
      c = { calls: 0, first: s, last: s, addresses: new Map(), userAgents: new Map(), eventTypes: new Map(), countries: new Map(), networks: new Map(), proxy: 0, threat: 0, marked: [] };
      this.tokens.set(id, c);
    }
    c.calls++;
    if (before(s, c.first)) c.first = s;
    if (before(c.last, s)) c.last = s;
    const { ipAddress: ip, country, userAgent, asNumber } = event.client;
    if (ip !== null && ip !== '') {
      const a = c.addresses.get(ip);
      if (!a) c.addresses.set(ip, { calls: 1, country, asn: asNumber, at: s });
      else {
        a.calls++;
        if (before(a.at, s)) {
          a.at = s;
          a.country = country;
          a.asn = asNumber;
        }
      }
    }
    if (userAgent !== null && userAgent !== '') c.userAgents.set(userAgent, (c.userAgents.get(userAgent) ?? 0) + 1);
    const type = c.eventTypes.get(event.eventType);
    if (!type) c.eventTypes.set(event.eventType, { calls: 1, first: s });
    else {
      type.calls++;
      if (before(s, type.first)) type.first = s;
    }
    keepFirst(c.countries, country, s);
    keepFirst(c.networks, networkOf(event), s);
    const risk = callRisk(event);
    if (risk.proxy) c.proxy++;
    if (risk.threat) c.threat++;
    if (risk.proxy || risk.threat) keepEarliest(c.marked, s, this.keep);
    return true;
  }

  /** The token's calls, or undefined when none was counted. */
  get(id: string): TokenCalls | undefined {
    return this.tokens.get(id);
  }

  /** Ids of every token with a counted call. */
  tokenIds(): IterableIterator<string> {
    return this.tokens.keys();
  }
}

/** Inserts `s` into the sorted `list`, keeping its `keep` earliest stamps. */
function keepEarliest(list: Stamp[], s: Stamp, keep: number): void {
  let i = list.length;
  while (i > 0 && before(s, list[i - 1]!)) i--;
  if (i >= keep) return;
  list.splice(i, 0, s);
  if (list.length > keep) list.pop();
}
