// API tokens and their lifecycle events: system.api_token.create and system.api_token.revoke.
import type { Rng } from './prng.js';
import { personEntity, systemEntity, tokenEntity, type EventSpec } from './events.js';
import { ATTACKER_PLACES, CLOUDS, fixedNetwork, type Network } from './places.js';
import { oktaId, type Agent, type Org, type Person } from './population.js';

/** An SSWS API token: its id, name, owner (the creating admin) and where its calls come from. */
export interface Token {
  id: string;
  name: string;
  owner: Person;
  nets: Network[];
  agent: Agent;
  /** `externalSessionId` Okta logs for this token's calls. */
  session: string;
}

/** User agents of API clients (SDKs, Terraform, scripts). */
const API_AGENTS: readonly Agent[] = [
  'okta-sdk-python/2.9.5 python/3.11.8 Linux/5.15.0-1057-aws',
  'okta-sdk-java/13.0.2 java/17.0.10 Linux/6.1.79',
  'Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-okta/4.8.0-dev',
  'okta-sdk-nodejs/7.0.1 node/20.12.2 linux/6.5.0',
  'Go-http-client/2.0',
  'okta-sdk-golang/2.20.0 golang/go1.22.2 linux/amd64',
].map((raw) => ({ raw, os: raw.includes('Linux') || raw.includes('linux') ? 'Linux' : 'Unknown', browser: 'UNKNOWN', device: 'Unknown' }));

/** What an attacker's script looks like. */
export const ATTACKER_AGENT: Agent = { raw: 'python-requests/2.31.0', os: 'Unknown', browser: 'UNKNOWN', device: 'Unknown' };

/** One to three cloud egress IPs in 203.0.113.0/24 for an integration. */
export function integrationNets(rng: Rng): Network[] {
  const spec = rng.pick(CLOUDS);
  return Array.from({ length: rng.int(1, 3) }, () => fixedNetwork(spec, `203.0.113.${rng.int(1, 254)}`, false));
}

/** An attacker address in 198.51.100.0/24 at one of {@link ATTACKER_PLACES}. */
export function attackerNet(rng: Rng): Network {
  return fixedNetwork(rng.pick(ATTACKER_PLACES), `198.51.100.${rng.int(1, 254)}`, rng.chance(0.5));
}

/** A new token owned by `owner`; `ids` keeps token ids unique within a file. */
export function newToken(rng: Rng, org: Org, name: string, owner: Person, ids: Set<string>): Token {
  let id: string;
  do id = oktaId(rng, '00T', org); while (ids.has(id));
  ids.add(id);
  return { id, name, owner, nets: integrationNets(rng), agent: rng.pick(API_AGENTS), session: 'trs' + rng.b64url(22) };
}

/** `system.api_token.create` by `actor` (in the admin console, or through another token). */
export function tokenCreate(rng: Rng, token: Token, actor: Person, from: Network, agent: Agent, viaToken?: Token): EventSpec {
  return {
    eventType: 'system.api_token.create', legacyEventType: 'api.token.create', displayMessage: 'Create API token',
    actor: personEntity(actor), net: from, agent, session: viaToken ? viaToken.session : 'idx' + rng.b64url(22),
    uri: '/api/internal/tokens?expand=user', debug: { dtHash: rng.hex(64) }, tokenId: viaToken?.id,
    targets: [tokenEntity(token.id, token.name)],
  };
}

/** Who revokes: an admin or the owner in the console, the owner through the token itself, or Okta. */
export type RevokeVia = { kind: 'admin' | 'owner'; who: Person; net: Network; agent: Agent } | { kind: 'self-api' } | { kind: 'system' };

/** `system.api_token.revoke` of `token`; `denied` makes it a FAILURE (insufficient permissions). */
export function tokenRevoke(rng: Rng, org: Org, token: Token, via: RevokeVia, denied = false): EventSpec {
  const base: Omit<EventSpec, 'actor' | 'net' | 'agent' | 'session'> = {
    eventType: 'system.api_token.revoke', legacyEventType: 'api.token.revoke', displayMessage: 'Revoke API token',
    result: denied ? 'FAILURE' : 'SUCCESS', reason: denied ? 'E0000006: You do not have permission to perform the requested action' : null,
    targets: [tokenEntity(token.id, token.name)],
  };
  if (via.kind === 'system') {
    return { ...base, actor: systemEntity(org.systemPrincipalId), net: null, agent: null, session: rng.lowerAlnum(32), debug: { trace_id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}` } };
  }
  if (via.kind === 'self-api') {
    return { ...base, actor: personEntity(token.owner), net: rng.pick(token.nets), agent: token.agent, session: token.session, uri: '/api/v1/api-tokens/current', tokenId: token.id, debug: { dtHash: rng.hex(64) } };
  }
  return { ...base, actor: personEntity(via.who), net: via.net, agent: via.agent, session: 'idx' + rng.b64url(22), uri: `/api/internal/tokens/${token.id}`, debug: { dtHash: rng.hex(64) } };
}
