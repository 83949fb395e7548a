// Builds the incident summary from every revocation's window: grouped (see groupWindows), then counted per address, network, country, agent, actor and token.
import { isoUtc } from '../events/time.js';
import { SCHEMA_VERSION, type Finding } from '../model/report.js';
import type { Incident, IncidentActor, IncidentAddress, IncidentNetwork, IncidentToken, IncidentValue } from '../model/incident.js';
import type { Severity } from '../model/severity.js';
import { maxSeverity } from '../signals/severity.js';
import type { KeptEvent } from '../window/collector.js';
import { groupWindows, type WindowPivots } from './groups.js';
import { Counter, Tally } from './sighting.js';
import { fromFinding, fromKept, isToken, merge, mergeKept, type SeenEvent } from './seen-event.js';

interface WindowEntry extends WindowPivots {
  finding: Finding;
  /** Its distinct events (the revocation's own included), each as kept once for all windows. */
  events: SeenEvent[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Gathers each revocation's window as the collector lets it go (`add`, in finding order), keeping
 * one small record per distinct event, then `build`s the incidents. Memory follows the windows'
 * distinct events, which --max-window-events bounds.
 */
export class IncidentBuilder {
  private readonly windows: WindowEntry[] = [];
  /**
   * The distinct events (uuid and time), by uuid: a uuid's string is the same object in every
   * window holding its event, so the lookup needs no key string (building one per window event
   * cost more than the rest of the incidents).
   */
  private readonly events = new Map<string, SeenEvent[]>();
  /** Token id → a name some event gives it. */
  private readonly names = new Map<string, string>();

  /** Takes one revocation and its window's events (see WindowInspector). */
  add(finding: Finding, events: readonly KeptEvent[]): void {
    const w = this.windows.length;
    const tokenIps = new Set<string>();
    const seen: SeenEvent[] = [];
    // The first name some event gives a token is the one it keeps.
    const name = (id: string, given: string | null) => {
      if (given) this.names.set(id, this.names.get(id) ?? given);
    };
    const revocation = fromFinding(finding, w);
    const known = this.find(revocation.uuid, revocation.ms);
    if (known) merge(known, revocation);
    seen.push(known ?? this.keep(revocation));
    for (const t of revocation.tokens) name(t.id, t.name);
    for (const e of events) {
      // An event already seen in another window only adds this window (and what it lacked).
      const known = this.find(e.uuid, e.published);
      if (known) mergeKept(known, e, w);
      seen.push(known ?? this.keep(fromKept(e, w)));
      for (const t of e.targets) if (isToken(t)) name(t.id, t.displayName);
      if (finding.token.id !== null && e.requestApiTokenId === finding.token.id && e.client.ipAddress !== null) tokenIps.add(e.client.ipAddress);
    }
    this.windows.push({ finding, events: seen, tokenId: finding.token.id, tokenIps });
  }

  /** The event seen with this uuid and time, if any. */
  private find(uuid: string, ms: number): SeenEvent | undefined {
    const list = this.events.get(uuid);
    if (list === undefined) return undefined;
    for (const e of list) if (e.ms === ms) return e;
    return undefined;
  }

  /** Keeps a new distinct event. */
  private keep(e: SeenEvent): SeenEvent {
    const list = this.events.get(e.uuid);
    if (list) list.push(e);
    else this.events.set(e.uuid, [e]);
    return e;
  }

  /** The incidents, numbered by their first revocation. */
  build(): Incident[] {
    // The groups do not depend on the order of the events (see groupWindows).
    return groupWindows(this.windows, [...this.events.values()].flat()).map((group, i) => this.incident(group, `incident-${i + 1}`));
  }

  private incident(group: number[], id: string): Incident {
    const events = new Set<SeenEvent>();
    for (const w of group) for (const e of this.windows[w]!.events) events.add(e);
    let severity: Severity | undefined;
    for (const w of group) {
      const s = this.windows[w]!.finding.severity;
      if (s !== undefined) severity = severity === undefined ? s : maxSeverity(severity, s);
    }
    let first = Infinity;
    let last = -Infinity;
    let shared = 0;
    for (const e of events.values()) {
      first = Math.min(first, e.ms);
      last = Math.max(last, e.ms);
      // Every window of an event is in its group (groupWindows joins them), so its windows are all the group's.
      if (e.windows.length > 1) shared++;
    }
    const incident: Incident = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'incident',
      id,
      revocations: group.map((w) => this.windows[w]!.finding.id),
      ...(severity === undefined ? {} : { severity }),
      eventCount: events.size,
      firstSeen: isoUtc(first),
      lastSeen: isoUtc(last),
      ties: { sharedEvents: shared, ...this.sharedPivots(group) },
      addresses: [],
      networks: [],
      countries: [],
      userAgents: [],
      actors: [],
      tokens: [],
    };
    return Object.assign(incident, this.tallies([...events.values()], group));
  }

  /** Revoked tokens and token addresses that more than one window of the group has. */
  private sharedPivots(group: number[]): { tokens: string[]; addresses: string[] } {
    const tokens = new Counter();
    const addresses = new Counter();
    for (const w of group) {
      const entry = this.windows[w]!;
      tokens.add(entry.tokenId);
      for (const ip of entry.tokenIps) addresses.add(ip);
    }
    const many = (c: Counter) => c.ranked().filter((v) => c.count(v) > 1).sort(byName);
    return { tokens: many(tokens), addresses: many(addresses) };
  }

  private tallies(events: SeenEvent[], group: number[]) {
    const addresses = new Tally(() => ({ city: new Counter(), country: new Counter(), asNumber: new Counter(), asOrg: new Counter(), proxy: false, tokens: new Set<string>(), actors: new Counter() }));
    const networks = new Tally(() => ({ asNumber: null as string | null, asOrg: null as string | null, addresses: new Set<string>() }));
    const countries = new Tally(() => null);
    const agents = new Tally(() => null);
    const actors = new Tally(() => ({ actor: null as SeenEvent['actor'] | null, tokens: new Set<string>(), addresses: new Set<string>() }));
    const tokens = new Tally(() => ({ calls: 0, addresses: new Set<string>() }));
    for (const e of events) {
      const windows = e.windows;
      if (e.ip !== null) {
        const a = addresses.at(e.ip);
        a.sighting.see(e.ms, windows);
        a.extra.city.add(e.city);
        a.extra.country.add(e.country);
        a.extra.asNumber.add(e.asNumber);
        a.extra.asOrg.add(e.asOrg);
        a.extra.proxy ||= e.proxy;
        if (e.call !== null) a.extra.tokens.add(e.call);
        a.extra.actors.add(e.actorLabel);
      }
      if (e.asNumber !== null || e.asOrg !== null) {
        const n = networks.at(`${e.asNumber ?? ''}\u0000${e.asOrg ?? ''}`);
        n.sighting.see(e.ms, windows);
        n.extra.asNumber = e.asNumber;
        n.extra.asOrg = e.asOrg;
        if (e.ip !== null) n.extra.addresses.add(e.ip);
      }
      if (e.country) countries.at(e.country).sighting.see(e.ms, windows);
      if (e.userAgent) agents.at(e.userAgent).sighting.see(e.ms, windows);
      if (e.actorLabel !== null) {
        const a = actors.at(e.actorLabel);
        a.sighting.see(e.ms, windows);
        a.extra.actor ??= e.actor;
        if (e.call !== null) a.extra.tokens.add(e.call);
        if (e.ip !== null) a.extra.addresses.add(e.ip);
      }
      const named = new Set([...(e.call === null ? [] : [e.call]), ...e.tokens.map((t) => t.id)]);
      for (const t of named) {
        const entry = tokens.at(t);
        entry.sighting.see(e.ms, windows);
        if (e.call === t) {
          entry.extra.calls++;
          if (e.ip !== null) entry.extra.addresses.add(e.ip);
        }
      }
    }
    const sorted = (s: Set<string>) => [...s].sort(byName);
    return {
      addresses: addresses.sorted().map(([ip, { sighting, extra }]): IncidentAddress => ({
        ip,
        city: extra.city.top(),
        country: extra.country.top(),
        asNumber: extra.asNumber.top(),
        asOrg: extra.asOrg.top(),
        proxy: extra.proxy,
        ...sighting.fields(),
        tokens: sorted(extra.tokens),
        actors: extra.actors.ranked(),
      })),
      networks: networks.sorted().map(([, { sighting, extra }]): IncidentNetwork => ({
        asNumber: extra.asNumber,
        asOrg: extra.asOrg,
        ...sighting.fields(),
        addresses: sorted(extra.addresses),
      })),
      countries: countries.sorted().map(([value, { sighting }]): IncidentValue => ({ value, ...sighting.fields() })),
      userAgents: agents.sorted().map(([value, { sighting }]): IncidentValue => ({ value, ...sighting.fields() })),
      actors: actors.sorted().map(([label, { sighting, extra }]): IncidentActor => ({
        label,
        actor: extra.actor!,
        ...sighting.fields(),
        tokens: sorted(extra.tokens),
        addresses: sorted(extra.addresses),
      })),
      tokens: tokens.sorted().map(([id, { sighting, extra }]): IncidentToken => ({
        id,
        name: this.names.get(id) ?? null,
        ...sighting.fields(),
        calls: extra.calls,
        revocations: group.map((w) => this.windows[w]!.finding).filter((f) => f.token.id === id).map((f) => f.id),
        addresses: sorted(extra.addresses),
      })),
    };
  }
}
