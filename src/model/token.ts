// The token inventory contract: one record per API token an input knows, its flags, and the document around them.
import type { Diagnostic } from './diagnostic.js';
import type { InputSummary, SCHEMA_VERSION } from './report.js';
import { severityRank, type Severity } from './severity.js';

/**
 * What the input says about a token, from its last revocation event: none (`active`, which only
 * means "no revocation in this input"), revoked by a person, revoked by Okta itself, or a
 * revocation that failed.
 */
export const TOKEN_STATUSES = ['active', 'revoked', 'revoked-by-okta', 'revoke-failed'] as const;

/** One of TOKEN_STATUSES. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Every token flag id, in the order flags of the same severity are listed. */
export const TOKEN_FLAG_IDS = ['created-by-token', 'privileged-use', 'proxy', 'many-places', 'orphaned', 'dormant', 'never-used'] as const;

/** One of TOKEN_FLAG_IDS. */
export type TokenFlagId = (typeof TOKEN_FLAG_IDS)[number];

/** Something an auditor should look at about one token, with the uuids of the events that show it. */
export interface TokenFlag {
  id: TokenFlagId;
  severity: Severity;
  /** One line for people; log values in it are raw (reporters escape them). */
  message: string;
  /** uuids of the events that show it, in time order (at most `--max-values`). */
  evidence: string[];
}

/** Who owns a token: the actor of its creation event. */
export interface TokenOwner {
  id: string | null;
  alternateId: string | null;
  displayName: string | null;
}

/** The token's creation event (its earliest `system.api_token.create`). */
export interface TokenCreation {
  /** ISO 8601 UTC. */
  published: string;
  /** `client.ipAddress` of the creation. */
  ip: string | null;
  by: { id: string | null; alternateId: string | null };
  /** The token whose credentials made the creation call (`requestApiTokenId`), or null. */
  viaToken: string | null;
}

/** The token's last revocation event. */
export interface TokenRevocation {
  /** ISO 8601 UTC. */
  published: string;
  /** `system`: Okta itself; `user`: a person or service acting as a user. */
  by: { kind: 'user' | 'system'; id: string | null; alternateId: string | null };
  /** `outcome.result` as logged (`SUCCESS`, `FAILURE`, …). */
  outcome: string | null;
}

/** One client address calls were made from. */
export interface TokenAddress {
  ip: string;
  /** Country of the address's latest call. */
  country: string | null;
  /** `securityContext.asNumber` of the address's latest call. */
  asn: string | null;
  calls: number;
}

/** One user agent calls were made with. */
export interface TokenUserAgent {
  value: string;
  calls: number;
}

/** Values left out of a record's lists by `--max-values` (the least used ones). */
export interface TokenOmitted {
  addresses: number;
  userAgents: number;
  eventTypes: number;
}

/** One API token the input knows (a `Token` target of an event, or `requestApiTokenId` of a call). */
export interface TokenRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: 'token';
  /** The token id (`00T…`). */
  id: string;
  /** Its name (`displayName` of its latest `Token` target), or null when only calls name it. */
  name: string | null;
  /** The actor of its creation event, or null when the input holds none. */
  owner: TokenOwner | null;
  created: TokenCreation | null;
  status: TokenStatus;
  revoked: TokenRevocation | null;
  /** Earliest and latest event that names the token (ISO 8601 UTC). */
  firstSeen: string;
  lastSeen: string;
  /** The last call made with the token, or null when none is in the input. */
  lastUsed: string | null;
  /** Distinct events made with the token (`transaction.detail.requestApiTokenId`). */
  calls: number;
  /** Addresses the calls came from, most calls first (then by address). */
  addresses: TokenAddress[];
  /** User agents of the calls, most calls first (then by value). */
  userAgents: TokenUserAgent[];
  /** Calls per event type, most calls first (then by name). */
  eventTypes: Record<string, number>;
  omitted: TokenOmitted;
  /** Highest severity first, then in TOKEN_FLAG_IDS order. */
  flags: TokenFlag[];
}

/** Totals of an inventory. */
export interface TokenSummary {
  files: number;
  events: number;
  duplicates: number;
  diagnostics: number;
  /** Tokens reported. */
  tokens: number;
  byStatus: Record<TokenStatus, number>;
  /** Tokens reported that carry at least one flag. */
  flagged: number;
  /** Tokens reported per flag id (flags no token carries are left out). */
  byFlag: Partial<Record<TokenFlagId, number>>;
}

/** Everything a token reporter needs. */
export interface TokenInventory {
  schemaVersion: typeof SCHEMA_VERSION;
  inputs: InputSummary[];
  summary: TokenSummary;
  /** Most severe flag first, then the most recently used, then by id. */
  tokens: TokenRecord[];
  diagnostics: Diagnostic[];
}

/** The highest severity among a token's flags, or null when it has none. */
export function topSeverity(token: Pick<TokenRecord, 'flags'>): Severity | null {
  let top: Severity | null = null;
  for (const f of token.flags) if (top === null || severityRank(f.severity) > severityRank(top)) top = f.severity;
  return top;
}

/** Flags order: severity (highest first), then TOKEN_FLAG_IDS order. */
export function compareTokenFlags(a: TokenFlag, b: TokenFlag): number {
  return severityRank(b.severity) - severityRank(a.severity) || TOKEN_FLAG_IDS.indexOf(a.id) - TOKEN_FLAG_IDS.indexOf(b.id);
}

/** Token order: most severe flag first (unflagged last), then the latest use first (never used last), then by id. */
export function compareTokens(a: TokenRecord, b: TokenRecord): number {
  const rank = (t: TokenRecord) => {
    const s = topSeverity(t);
    return s === null ? -1 : severityRank(s);
  };
  const used = (t: TokenRecord) => (t.lastUsed === null ? -Infinity : Date.parse(t.lastUsed));
  return rank(b) - rank(a) || used(b) - used(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
