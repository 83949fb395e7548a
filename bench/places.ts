// Places and networks: geography, ISPs and ASNs of homes, offices, clouds and attacker infrastructure.
import type { Rng } from './prng.js';

/** A geographical context as Okta's `geographicalContext`. */
export interface Place {
  city: string;
  state: string;
  country: string;
  postalCode: string;
  lat: number;
  lon: number;
}

/** Where a request comes from: IP, place and the `securityContext` network fields. */
export interface Network {
  ip: string;
  version: 'V4' | 'V6';
  place: Place;
  asNumber: number;
  asOrg: string;
  isp: string;
  domain: string;
  isProxy: boolean;
}

/** A place with the ISPs (`[asNumber, isp, domain]`) that serve it. */
export interface PlaceSpec extends Place {
  isps: readonly (readonly [number, string, string])[];
}

const US_ISPS = [[7922, 'comcast', 'comcast.net'], [701, 'verizon', 'verizon.net'], [7018, 'at&t services inc.', 'att.net'], [20115, 'charter communications', 'spectrum.com']] as const;
const P = (city: string, state: string, country: string, postalCode: string, lat: number, lon: number, isps: readonly (readonly [number, string, string])[]): PlaceSpec => ({ city, state, country, postalCode, lat, lon, isps });

/** ASCII-named home places, weighted like a US-headquartered org with offices abroad. */
export const ASCII_PLACES: readonly (readonly [PlaceSpec, number])[] = [
  [P('San Francisco', 'California', 'United States', '94107', 37.7697, -122.3933, US_ISPS), 14],
  [P('New York', 'New York', 'United States', '10013', 40.7209, -74.0007, US_ISPS), 12],
  [P('Chicago', 'Illinois', 'United States', '60601', 41.8858, -87.6181, US_ISPS), 7],
  [P('Austin', 'Texas', 'United States', '78701', 30.2713, -97.7426, US_ISPS), 6],
  [P('Seattle', 'Washington', 'United States', '98101', 47.6114, -122.3305, US_ISPS), 6],
  [P('Denver', 'Colorado', 'United States', '80202', 39.7525, -104.9995, US_ISPS), 4],
  [P('Boston', 'Massachusetts', 'United States', '02110', 42.3576, -71.0514, US_ISPS), 5],
  [P('Toronto', 'Ontario', 'Canada', 'M5V', 43.6426, -79.3871, [[812, 'rogers communications canada inc.', 'rogers.com']]), 4],
  [P('London', 'England', 'United Kingdom', 'EC2V', 51.5151, -0.0919, [[2856, 'british telecommunications plc', 'bt.com']]), 7],
  [P('Dublin', 'Leinster', 'Ireland', 'D02', 53.3382, -6.2591, [[5466, 'eircom limited', 'eir.ie']]), 3],
  [P('Paris', 'Ile-de-France', 'France', '75001', 48.8606, 2.3376, [[3215, 'orange s.a.', 'orange.fr']]), 3],
  [P('Berlin', 'Land Berlin', 'Germany', '10117', 52.5163, 13.3777, [[3320, 'deutsche telekom ag', 'telekom.de']]), 3],
  [P('Amsterdam', 'North Holland', 'Netherlands', '1012', 52.3731, 4.8922, [[1136, 'kpn b.v.', 'kpn.com']]), 2],
  [P('Sydney', 'New South Wales', 'Australia', '2000', -33.8688, 151.2093, [[1221, 'telstra corporation ltd', 'telstra.net']]), 2],
  [P('Singapore', 'Central Singapore', 'Singapore', '048616', 1.2868, 103.8545, [[9506, 'singtel fibre broadband', 'singtel.com']]), 1],
  [P('Bengaluru', 'Karnataka', 'India', '560001', 12.9716, 77.5946, [[24560, 'bharti airtel ltd.', 'airtel.in']]), 2],
];

/** Home places whose names carry non-ASCII text (as MaxMind/Okta spell them). */
export const NON_ASCII_PLACES: readonly (readonly [PlaceSpec, number])[] = [
  [P('São Paulo', 'São Paulo', 'Brazil', '01310', -23.5613, -46.6565, [[28573, 'claro nxt telecomunicacoes ltda', 'claro.com.br']]), 4],
  [P('Zürich', 'Zurich', 'Switzerland', '8001', 47.3717, 8.5423, [[3303, 'swisscom (schweiz) ag', 'swisscom.ch']]), 3],
  [P('東京', '東京都', 'Japan', '100-0005', 35.6812, 139.7671, [[2516, 'kddi corporation', 'kddi.com']]), 2],
  [P('München', 'Bavaria', 'Germany', '80331', 48.1374, 11.5755, [[3320, 'deutsche telekom ag', 'telekom.de']]), 3],
  [P('Malmö', 'Skåne County', 'Sweden', '211 20', 55.6059, 13.0007, [[3301, 'telia company ab', 'telia.se']]), 1],
  [P('Kraków', 'Lesser Poland', 'Poland', '31-001', 50.0614, 19.9366, [[5617, 'orange polska spolka akcyjna', 'orange.pl']]), 1],
  [P('Montréal', 'Quebec', 'Canada', 'H2Y', 45.5048, -73.5538, [[577, 'bell canada', 'bell.ca']]), 2],
  [P('Bogotá', 'Bogota D.C.', 'Colombia', '110111', 4.6097, -74.0817, [[10620, 'telmex colombia s.a.', 'claro.com.co']]), 1],
  [P('Düsseldorf', 'North Rhine-Westphalia', 'Germany', '40213', 51.2254, 6.7763, [[3209, 'vodafone gmbh', 'vodafone.de']]), 1],
  [P('Reykjavík', 'Capital Region', 'Iceland', '101', 64.1466, -21.9426, [[6677, 'siminn hf', 'siminn.is']]), 1],
];

const cloud = (city: string, state: string, country: string, postalCode: string, lat: number, lon: number, asn: number, isp: string, domain: string): PlaceSpec =>
  ({ city, state, country, postalCode, lat, lon, isps: [[asn, isp, domain]] });

/** Cloud regions where integrations (token holders) run; their IPs are drawn from 203.0.113.0/24. */
export const CLOUDS: readonly PlaceSpec[] = [
  cloud('Ashburn', 'Virginia', 'United States', '20149', 39.0437, -77.4875, 16509, 'amazon.com inc.', 'amazonaws.com'),
  cloud('Boardman', 'Oregon', 'United States', '97818', 45.8399, -119.7006, 16509, 'amazon.com inc.', 'amazonaws.com'),
  cloud('Council Bluffs', 'Iowa', 'United States', '51501', 41.2619, -95.8608, 396982, 'google llc', 'googleusercontent.com'),
  cloud('Boydton', 'Virginia', 'United States', '23917', 36.6676, -78.3875, 8075, 'microsoft corporation', 'microsoft.com'),
];

/** Attacker infrastructure: VPS / proxy providers abroad, all in 198.51.100.0/24. */
export const ATTACKER_PLACES: readonly PlaceSpec[] = [
  cloud('Amsterdam', 'North Holland', 'Netherlands', '1012', 52.3759, 4.8975, 9009, 'm247 europe srl', 'm247.com'),
  cloud('Bucharest', 'Bucuresti', 'Romania', '010011', 44.4354, 26.1033, 9009, 'm247 europe srl', 'm247.com'),
  cloud('Chișinău', 'Chișinău Municipality', 'Moldova', 'MD-2001', 47.0056, 28.8575, 200019, 'alexhost srl', 'alexhost.com'),
  cloud('Frankfurt am Main', 'Hesse', 'Germany', '60313', 50.1155, 8.6842, 14061, 'digitalocean llc', 'digitalocean.com'),
  cloud('Hà Nội', 'Hanoi', 'Vietnam', '100000', 21.0245, 105.8412, 45899, 'vnpt corp', 'vnpt.vn'),
];

/** A network at `spec` with a fixed address, using the place's first ISP. */
export function fixedNetwork(spec: PlaceSpec, ip: string, isProxy: boolean): Network {
  const { isps, ...place } = spec;
  const [asNumber, isp, domain] = isps[0]!;
  return { ip, version: 'V4', place, asNumber, asOrg: isp.split(' ')[0]!, isp, domain, isProxy };
}

/** A network at `spec` with address `ip` and one of the place's ISPs. */
export function networkAt(rng: Rng, spec: PlaceSpec, ip: string): Network {
  const [asNumber, isp, domain] = rng.pick(spec.isps);
  const { isps: _isps, ...place } = spec;
  return { ip, version: ip.includes(':') ? 'V6' : 'V4', place, asNumber, asOrg: isp.split(' ')[0]!, isp, domain, isProxy: false };
}
