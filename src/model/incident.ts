// The incident summary contract: revocations whose windows share events or pivots, and who, what and where took part.
import type { Entity } from './entity.js';
import type { SCHEMA_VERSION } from './report.js';
import type { Severity } from './severity.js';

/** How often a value was seen in an incident, and when. */
export interface IncidentSighting {
  /** Distinct events carrying the value (an event in several windows counts once; revocations included). */
  events: number;
  /** Windows (revocations) in which the value was seen. */
  windows: number;
  /** ISO 8601 UTC of the first and last event carrying it. */
  firstSeen: string;
  lastSeen: string;
}

/** A client address of an incident, with where Okta placed it and what was done from it. */
export interface IncidentAddress extends IncidentSighting {
  ip: string;
  /** The most frequent city, country, AS number and AS organisation logged for it (null when never logged). */
  city: string | null;
  country: string | null;
  asNumber: string | null;
  asOrg: string | null;
  /** Okta flagged at least one of its events as coming through an anonymising proxy (`securityContext.isProxy`). */
  proxy: boolean;
  /** Ids of the tokens calls were made with from it (see `Incident.tokens`). */
  tokens: string[];
  /** Labels of the actors of its events (see `IncidentActor.label`), most frequent first. */
  actors: string[];
}

/** A network (autonomous system) of an incident. */
export interface IncidentNetwork extends IncidentSighting {
  asNumber: string | null;
  asOrg: string | null;
  /** Its addresses seen in the incident, sorted. */
  addresses: string[];
}

/** A plain value (country, user agent) of an incident. */
export interface IncidentValue extends IncidentSighting {
  value: string;
}

/** An actor of an incident's events: a person, a service, or Okta itself. */
export interface IncidentActor extends IncidentSighting {
  /** How the actor is named everywhere in the incident: `alternateId`, else `id`, else `displayName`. */
  label: string;
  actor: Entity;
  /** Ids of the tokens whose calls Okta logged under this actor (calls made with a token are logged under its owner). */
  tokens: string[];
  /** Addresses the actor's events came from, sorted. */
  addresses: string[];
}

/** An API token of an incident: revoked, created, or used to make calls. */
export interface IncidentToken extends IncidentSighting {
  id: string;
  /** The token's name, when some event of the input names it. */
  name: string | null;
  /** Calls made with it (`transaction.detail.requestApiTokenId`) among the incident's events. */
  calls: number;
  /** Ids of the revocations of the incident that revoke it (attempts that failed included). */
  revocations: string[];
  /** Addresses calls were made with it from, sorted. */
  addresses: string[];
}

/** Why revocations are in one incident: what their windows share. */
export interface IncidentTies {
  /** Events that are in more than one of the incident's windows. */
  sharedEvents: number;
  /** Token ids revoked more than once, or whose calls are in more than one window. */
  tokens: string[];
  /** Addresses a revoked token was used from that are in more than one window. */
  addresses: string[];
}

/**
 * One incident: revocations grouped when their activity windows share an event, a revoked token,
 * or an address a revoked token was used from, with everything their windows show, counted.
 * Reported before the windows (table), as `incidents` in the JSON document and as
 * `kind: "incident"` records in NDJSON. Lists are sorted by events (most first), then by value.
 */
export interface Incident {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: 'incident';
  /** `incident-1`, `incident-2`, … numbered by the time of their first revocation. */
  id: string;
  /** Ids (event uuids) of its revocations, in time order. */
  revocations: string[];
  /** The highest severity of its revocations; absent when none was rated. */
  severity?: Severity;
  /** Distinct events of its windows and its revocations. */
  eventCount: number;
  /** ISO 8601 UTC of its first and last event. */
  firstSeen: string;
  lastSeen: string;
  ties: IncidentTies;
  addresses: IncidentAddress[];
  networks: IncidentNetwork[];
  countries: IncidentValue[];
  userAgents: IncidentValue[];
  actors: IncidentActor[];
  tokens: IncidentToken[];
}
