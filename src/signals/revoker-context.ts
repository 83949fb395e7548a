// revoker-context: the revoker signed in for the revocation from an address or country new for them.
import { roughly, type SignalContext } from './context.js';
import type { Signal } from '../model/signal.js';

/**
 * For revocations by a person (not made with an API token). Looks at their last successful
 * sign-in before the revocation and the revocation's own address, against the addresses and
 * countries of their earlier successful sign-ins (second pass, `baseline` before the window).
 * A new country is medium, a new address low: an attacker may revoke tokens to disrupt.
 * Without an earlier sign-in of theirs, an info signal says so.
 */
export function revokerContextSignals(ctx: SignalContext): Signal[] {
  const r = ctx.revoker;
  if (r === null) return [];
  const f = ctx.finding;
  const signIn = r.signIn;
  const cutoff = signIn?.at ?? ctx.revokedAt;
  const places = r.places;
  if (places === null || places.earliest >= cutoff) {
    return [{
      id: 'revoker-context',
      severity: 'info',
      message: `no earlier sign-in of the revoker in the input to compare their ${signIn ? 'sign-in' : 'revocation request'} with`,
      evidence: signIn ? [signIn.uuid] : [],
    }];
  }
  const isNew = (map: ReadonlyMap<string, number>, v: string | null): v is string => v !== null && v !== '' && !((map.get(v) ?? Infinity) < cutoff);
  const ips = new Set<string>();
  const countries = new Set<string>();
  const evidence: string[] = [];
  const subjects = [
    ...(signIn ? [{ uuid: signIn.uuid, ip: signIn.ip, country: signIn.country }] : []),
    { uuid: f.id, ip: f.client.ipAddress, country: f.client.country },
  ];
  for (const s of subjects) {
    const newIp = isNew(places.ips, s.ip);
    const newCountry = isNew(places.countries, s.country);
    if (newIp) ips.add(s.ip!);
    if (newCountry) countries.add(s.country!);
    if (newIp || newCountry) evidence.push(s.uuid);
  }
  if (evidence.length === 0) return [];
  const what = [
    countries.size ? `${countries.size === 1 ? 'a country' : 'countries'} (${[...countries].join(', ')})` : '',
    ips.size ? `${ips.size === 1 ? 'an address' : 'addresses'} (${[...ips].join(', ')})` : '',
  ].filter(Boolean).join(' and ');
  const how = signIn ? `signed in (${roughly(ctx.revokedAt - signIn.at)} before revoking)` : 'revoked';
  return [{
    id: 'revoker-context',
    severity: countries.size > 0 ? 'medium' : 'low',
    message: `the revoker ${how} from ${what} not seen in their earlier sign-ins`,
    evidence,
  }];
}
