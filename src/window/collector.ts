// Second pass: gathers, for every revocation, the linked events inside its time window.
import type { Entity } from '../model/entity.js';
import { isoUtc } from '../events/time.js';
import { compareTimeThenId } from '../model/order.js';
import type { OktaEvent } from '../events/types.js';
import type { Finding, RuleRef } from '../model/report.js';
import type { EventInterest, Span } from '../events/interest.js';
import { formatDuration } from './duration.js';
import { Interner } from './interner.js';
import { factsOf, type EventFacts } from './facts.js';
import { KEY_RULES } from './link-spec.js';
import { isTokenLinked, linksOf, type LinkSubject, type LinkTarget } from './links.js';
import { summarize } from './summary.js';
import type { TokenIndex } from './token-index.js';
import type { Original } from '../model/original.js';
import type { ActivityWindow, LinkKind, WindowEvent } from '../model/window.js';

/** Window settings. */
export interface WindowOptions {
  /** Milliseconds before the revocation. */
  before: number;
  /** Milliseconds after the revocation. */
  after: number;
  /** Most events kept per window; the oldest beyond it are dropped and counted. */
  maxEvents: number;
  /** The durations as the user wrote them (`24h`), for the report; derived from ms when absent. */
  beforeText?: string;
  afterText?: string;
}

interface Plan extends LinkTarget {
  /** What an event is linked against while the window fills: its addresses are the candidate ones. */
  candidate: LinkTarget;
  /** The last observation that found this window open (see WindowCollector.observe). */
  seen: number;
  finding: Finding & { window?: ActivityWindow };
  start: number;
  end: number;
  owner: Entity | null;
  /** Addresses the token may have been used from in the window (from the first pass). */
  candidateIps: Set<string>;
  tokenIps: Set<string>;
  events: Slim[];
  uuids: Set<string>;
  dropped: number;
}

/**
 * What a window keeps of an event until the report is written: the fields it shows and the
 * record's JSON text, or a reference to it (a string costs a fraction of the parsed object, a
 * reference nothing; the report reads it when the event is written out).
 */
interface Slim extends LinkSubject {
  uuid: string;
  published: number;
  eventType: string;
  displayMessage: string | null;
  actor: Entity;
  client: { ipAddress: string | null; city: string | null; country: string | null };
  outcome: string | null;
  /** The rules the event matched (shared by every window the event is in). */
  detections: RuleRef[];
  /** Network, agent and threat fields, for triage signals. */
  facts: EventFacts;
  original: Original;
  /** What every window holding the event reports alike, made once (see toWindowEvent). */
  shown?: Pick<WindowEvent, 'published' | 'requestApiToken' | 'targets'>;
}

/** A window event as triage signals see it: the kept record (time in ms) and its links. */
export type KeptEvent = Readonly<Omit<Slim, 'original'>> & { readonly links: readonly LinkKind[] };

/** Called by `finish()` for each finding with its window's events (time order), before they are let go. */
export type WindowInspector = (finding: Finding & { window: ActivityWindow }, events: readonly KeptEvent[]) => void;

/** What a window keeps of an event, its repeated values shared through `shared`. */
function slim(e: OktaEvent, detections: RuleRef[], shared: Interner): Slim {
  const facts = factsOf(e);
  facts.asNumber = shared.text(facts.asNumber);
  facts.asOrg = shared.text(facts.asOrg);
  facts.userAgent = shared.text(facts.userAgent);
  return {
    uuid: e.uuid,
    published: e.published,
    eventType: shared.text(e.eventType),
    displayMessage: shared.text(e.displayMessage),
    actor: shared.entity(e.actor),
    client: { ipAddress: shared.text(e.client.ipAddress), city: shared.text(e.client.city), country: shared.text(e.client.country) },
    outcome: shared.text(e.outcome.result),
    targets: e.targets.map((t) => shared.entity(t)),
    requestApiTokenId: shared.text(e.requestApiTokenId),
    detections,
    facts,
    original: e.ref ? { ref: e.ref } : { text: e.text ?? JSON.stringify(e.original) },
  };
}

function byTime(a: Slim, b: Slim): number {
  return compareTimeThenId(a.published, a.uuid, b.published, b.uuid);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Collects window events for a set of findings. Memory holds only linked events inside windows
 * (at most `maxEvents` per window), never the whole input.
 */
export class WindowCollector {
  private readonly plans: Plan[] = [];
  private readonly byToken = new Map<string, Plan[]>();
  private readonly byActor = new Map<string, Plan[]>();
  private readonly byIp = new Map<string, Plan[]>();
  /** Counts observations, to find each open window once per event. */
  private observed = 0;
  /** One copy of the values kept events repeat. */
  private readonly interner = new Interner();
  /** Token id → name: from its earliest create event, else its first revocation. */
  private readonly tokenNames: Map<string, string>;

  constructor(
    findings: Finding[],
    tokens: TokenIndex,
    private readonly opts: WindowOptions,
    /** The revocation events by finding id (their actor ids and token usage). */
    revocations: Map<string, OktaEvent>,
    /** The loaded rules an event matches, for `detections` on window events (none when absent). */
    private readonly detect: (event: OktaEvent) => RuleRef[] = () => [],
  ) {
    // A token's name: from its earliest create event (as its owner is), else from its first revocation.
    this.tokenNames = new Map([...tokens.owners].filter(([, o]) => o.name !== null).map(([id, o]) => [id, o.name!]));
    for (const f of findings) if (f.token.id !== null && f.token.name && !this.tokenNames.has(f.token.id)) this.tokenNames.set(f.token.id, f.token.name);
    for (const finding of findings) {
      const r = revocations.get(finding.id)!;
      const start = finding.publishedMs - opts.before;
      const end = finding.publishedMs + opts.after;
      const tokenId = finding.token.id;
      const owner = tokenId ? tokens.owners.get(tokenId)?.actor ?? null : null;
      const plan = {
        finding,
        start,
        end,
        tokenId,
        actorId: KEY_RULES.actorId.noneWhenOkta && finding.revokedBy.kind === 'system' ? null : finding.revokedBy.id,
        ownerId: owner?.id ?? null,
        owner: owner ? this.interner.entity(owner) : null,
        candidateIps: new Set(tokenId ? tokens.ipsDuring(tokenId, start, end) : []),
        tokenIps: new Set(),
        events: [],
        uuids: new Set(),
        dropped: 0,
        seen: 0,
      } as Omit<Plan, 'candidate'> as Plan;
      plan.candidate = { tokenId: plan.tokenId, actorId: plan.actorId, ownerId: plan.ownerId, tokenIps: plan.candidateIps };
      // A revocation made with the token itself is a use of the token from its address.
      if (KEY_RULES.tokenIps.revocationCounts && tokenId && r.requestApiTokenId === tokenId && r.client.ipAddress) {
        plan.tokenIps.add(r.client.ipAddress);
        plan.candidateIps.add(r.client.ipAddress);
      }
      this.plans.push(plan);
      if (tokenId) addTo(this.byToken, tokenId, plan);
      if (plan.actorId) addTo(this.byActor, plan.actorId, plan);
      if (plan.ownerId && plan.ownerId !== plan.actorId) addTo(this.byActor, plan.ownerId, plan);
      for (const ip of plan.candidateIps) addTo(this.byIp, ip, plan);
    }
  }

  /** The events that may be linked to some window: each value only inside its revocations' windows. */
  interest(): EventInterest {
    const spans = (index: Map<string, Plan[]>) => new Map([...index].map(([k, plans]) => [k, plans.map((p): Span => ({ from: p.start, to: p.end }))]));
    return { tokenCalls: spans(this.byToken), actors: spans(this.byActor), addresses: spans(this.byIp) };
  }

  /** Offers one event; returns true when it went into at least one window. */
  observe(event: OktaEvent): boolean {
    const t = event.published;
    // The windows open at the event's time that one of its values belongs to, each once.
    const stamp = ++this.observed;
    const seenPlans: Plan[] = [];
    const consider = (plans: Plan[] | undefined) => {
      if (!plans) return;
      for (const p of plans) {
        if (!(t >= p.start && t <= p.end) || p.seen === stamp) continue;
        p.seen = stamp;
        seenPlans.push(p);
      }
    };
    if (event.requestApiTokenId !== null) consider(this.byToken.get(event.requestApiTokenId));
    for (const target of event.targets) if (target.id !== null) consider(this.byToken.get(target.id));
    if (event.actor.id !== null) consider(this.byActor.get(event.actor.id));
    if (event.client.ipAddress !== null) consider(this.byIp.get(event.client.ipAddress));
    let kept = false;
    // One slim record however many windows hold the event.
    let shared: Slim | null = null;
    for (const p of seenPlans) {
      if (event.uuid === p.finding.id || p.uuids.has(event.uuid)) continue;
      if (linksOf(event, p.candidate).length === 0) continue;
      if (event.requestApiTokenId === p.tokenId && event.client.ipAddress !== null && isTokenLinked(event, p.tokenId)) {
        p.tokenIps.add(event.client.ipAddress);
      }
      p.uuids.add(event.uuid);
      shared ??= slim(event, this.detect(event), this.interner);
      p.events.push(shared);
      if (p.events.length > 2 * this.opts.maxEvents) this.trim(p);
      kept = true;
    }
    return kept;
  }

  /** Keeps the `maxEvents` latest events of a window (those closest to the revocation). */
  private trim(p: Plan): void {
    p.events.sort(byTime);
    const extra = p.events.length - this.opts.maxEvents;
    if (extra > 0) {
      for (const e of p.events.splice(0, extra)) p.uuids.delete(e.uuid);
      p.dropped += extra;
    }
  }

  /**
   * Settles ip links with the exact addresses and attaches `window` to every finding; `inspect`
   * sees each window's kept events first (triage signals).
   */
  finish(inspect?: WindowInspector): void {
    for (const p of this.plans) {
      this.trim(p);
      const events: WindowEvent[] = [];
      const kept: KeptEvent[] = [];
      for (const e of p.events) {
        const links = linksOf(e, p);
        if (links.length === 0) continue;
        events.push(toWindowEvent(e, links, this.tokenNames));
        if (inspect) kept.push({ ...e, links });
      }
      const dropped = p.dropped;
      p.finding.window = {
        start: isoUtc(p.start),
        end: isoUtc(p.end),
        before: this.opts.beforeText ?? formatDuration(this.opts.before),
        after: this.opts.afterText ?? formatDuration(this.opts.after),
        owner: p.owner,
        eventCount: events.length + dropped,
        dropped,
        summary: summarize(events),
        events,
      };
      inspect?.(p.finding as Finding & { window: ActivityWindow }, kept);
      p.events = [];
      p.uuids.clear();
    }
  }
}

/** A window's view of a kept event; what every window shows alike is made once and shared. */
function toWindowEvent(e: Slim, links: WindowEvent['links'], names: ReadonlyMap<string, string>): WindowEvent {
  const token = e.requestApiTokenId;
  const shown = (e.shown ??= {
    published: isoUtc(e.published),
    requestApiToken: token === null ? null : { id: token, name: names.get(token) ?? null },
    targets: e.targets.map((t) => ({ id: t.id, type: t.type, displayName: t.displayName })),
  });
  return {
    uuid: e.uuid,
    published: shown.published,
    eventType: e.eventType,
    displayMessage: e.displayMessage,
    actor: e.actor,
    requestApiToken: shown.requestApiToken,
    client: e.client,
    outcome: e.outcome,
    targets: shown.targets,
    links,
    detections: e.detections,
    event: e.original,
  };
}
