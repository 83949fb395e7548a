// The synthetic Okta org the benchmark generator writes about: people, networks, apps, groups.
import { Rng, weighted, type WeightedTable } from './prng.js';
import { ASCII_PLACES, NON_ASCII_PLACES, networkAt, type Network, type PlaceSpec } from './places.js';

/** `client.userAgent` plus `client.device`. */
export interface Agent {
  raw: string;
  os: string;
  browser: string;
  device: string;
}

/** A user of the org: regular user, administrator or service account. */
export interface Person {
  id: string;
  login: string;
  name: string;
  kind: 'user' | 'admin' | 'service';
  home: Network;
  agent: Agent;
  mobile: Agent;
}

/** A directory object that appears as an event target (group, app, policy). */
export interface Thing {
  id: string;
  name: string;
  label: string;
}

/** Everything the event builders need to know about the org. */
export interface Org {
  domain: string;
  oktaHost: string;
  /** Shared suffix of this org's object ids, like real Okta ids. */
  idSuffix: string;
  users: Person[];
  admins: Person[];
  services: Person[];
  offices: Network[];
  groups: Thing[];
  adminGroups: Thing[];
  apps: Thing[];
  policies: Thing[];
  systemPrincipalId: string;
  /** Networks for travel / occasional sign-ins. */
  places: WeightedTable<PlaceSpec>;
}

const ASCII_FIRST = ['Ann', 'James', 'Mary', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Emily', 'Daniel', 'Olivia', 'Kevin', 'Priya', 'Wei', 'Aisha', 'Tom', 'Grace', 'Lucas', 'Nina', 'Omar', 'Hannah', 'Raj', 'Chloe', 'Ethan', 'Maya', 'Noah', 'Zara', 'Liam', 'Ava', 'Sam'];
const ASCII_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Patel', 'Chen', 'Kim', 'Nguyen', 'Garcia', 'Clark', 'Lewis', 'Scott', 'Green', 'Baker', 'Adams'];
const NON_ASCII_NAMES: readonly (readonly [string, string, string])[] = [
  ['José', 'Müller', 'jose.muller'], ['Zoë', 'Ångström', 'zoe.angstrom'], ['François', 'Lefèvre', 'francois.lefevre'],
  ['Łukasz', 'Żak', 'lukasz.zak'], ['Søren', 'Kierkegård', 'soren.kierkegard'], ['Chloé', 'Dubois', 'chloe.dubois'],
  ['Jürgen', 'Groß', 'jurgen.gross'], ['İlkay', 'Şahin', 'ilkay.sahin'], ['Renée', 'Côté', 'renee.cote'],
  ['Björn', 'Jönsson', 'bjorn.jonsson'], ['Núria', 'Peña', 'nuria.pena'], ['Dvořák', 'Tomáš', 'tomas.dvorak'],
  ['太郎', '山田', 'taro.yamada'], ['美咲', '佐藤', 'misaki.sato'], ['Андрей', 'Иванов', 'andrei.ivanov'],
  ['Zoltán', 'Nagy', 'zoltan.nagy'], ['Inês', 'Gonçalves', 'ines.goncalves'], ['Åsa', 'Lindqvist', 'asa.lindqvist'],
];

const DESKTOP: readonly Agent[] = [
  { raw: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', os: 'Mac OS X', browser: 'CHROME', device: 'Computer' },
  { raw: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', os: 'Windows 10', browser: 'CHROME', device: 'Computer' },
  { raw: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67', os: 'Windows 10', browser: 'EDGE_CHROMIUM', device: 'Computer' },
  { raw: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15', os: 'Mac OS X', browser: 'SAFARI', device: 'Computer' },
  { raw: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0', os: 'Windows 10', browser: 'FIREFOX', device: 'Computer' },
  { raw: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', os: 'Linux', browser: 'CHROME', device: 'Computer' },
];
const MOBILE: readonly Agent[] = [
  { raw: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1', os: 'iOS', browser: 'SAFARI', device: 'Mobile' },
  { raw: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36', os: 'Android', browser: 'CHROME', device: 'Mobile' },
  { raw: 'OktaVerify/9.14.0 (iPhone; iOS 17.4.1; Scale/3.00) OktaDeviceSDK/1.9.0', os: 'iOS', browser: 'UNKNOWN', device: 'Mobile' },
];

const GROUPS = ['Everyone', 'Engineering', 'Sales', 'Marketing', 'Finance', 'HR', 'Support', 'Legal', 'IT', 'Security', 'Contractors', 'EMEA', 'APAC', 'AMER', 'Design', 'Data', 'Product', 'Operations', 'Interns', 'VPN Users', 'GitHub Users', 'AWS Developers', 'Jira Users', 'Zoom Users', 'Slack Guests', 'Équipe Montréal', 'Team Zürich'];
const ADMIN_GROUPS = ['Okta Super Admins', 'Okta Org Admins', 'Helpdesk Admins'];
const APPS: readonly (readonly [string, string])[] = [['salesforce', 'Salesforce'], ['slack', 'Slack'], ['zoomus', 'Zoom'], ['github_enterprise', 'GitHub Enterprise'], ['amazon_aws', 'AWS Account Federation'], ['google', 'Google Workspace'], ['office365', 'Microsoft Office 365'], ['jira_onprem', 'Jira'], ['confluence', 'Confluence'], ['workday', 'Workday'], ['servicenow_app2', 'ServiceNow'], ['box', 'Box'], ['okta_enduser', 'Okta Dashboard'], ['saasure', 'Okta Admin Console'], ['oidc_client', 'Internal Wiki (OIDC)'], ['datadog', 'Datadog'], ['tableau_online', 'Tableau Cloud'], ['docusign', 'DocuSign']];
const POLICIES = ['Default Policy', 'Global Session Policy', 'Require MFA off-network', 'Admin Console Policy', 'Contractors Policy'];

/** An Okta object id: 3-char prefix, random middle, org suffix; 20 chars in total. */
export function oktaId(rng: Rng, prefix: string, org: { idSuffix: string }): string {
  return prefix + rng.alnum(20 - prefix.length - org.idSuffix.length) + org.idSuffix;
}

/** An IPv4 in 198.18.0.0/15 (RFC 2544 benchmarking range) or an IPv6 in 2001:db8::/32. */
function homeIp(rng: Rng, v6: boolean): string {
  if (v6) return `2001:db8:${rng.hex(4)}:${rng.hex(4)}::${rng.hex(3)}`;
  return `198.${18 + rng.int(0, 1)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Picks a user's name and login; ~12% carry non-ASCII letters. */
function personName(rng: Rng, i: number): [string, string] {
  if (rng.chance(0.12)) {
    const [first, last, login] = rng.pick(NON_ASCII_NAMES);
    return [`${first} ${last}`, `${login}${i}`];
  }
  const first = rng.pick(ASCII_FIRST);
  const last = rng.pick(ASCII_LAST);
  return [`${first} ${last}`, `${first}.${last}${i}`.toLowerCase()];
}

/** Builds the org: `userCount` users (plus admins and service accounts), deterministically from `rng`. */
export function buildOrg(rng: Rng, userCount = 3000): Org {
  const partial = { idSuffix: `${rng.alnum(1)}${rng.int(1, 9)}${rng.lowerAlnum(1)}${rng.int(1, 9)}` };
  const domain = 'corp.example';
  const asciiPlaces = weighted(ASCII_PLACES);
  const nonAsciiPlaces = weighted(NON_ASCII_PLACES);
  const places = weighted([...ASCII_PLACES, ...NON_ASCII_PLACES]);
  const makePerson = (i: number, kind: Person['kind'], named?: [string, string]): Person => {
    const [name, login] = named ?? personName(rng, i);
    const spec = rng.chance(0.11) ? rng.pickWeighted(nonAsciiPlaces) : rng.pickWeighted(asciiPlaces);
    return {
      id: oktaId(rng, '00u', partial), login: `${login}@${domain}`, name, kind,
      home: networkAt(rng, spec, homeIp(rng, rng.chance(0.06))),
      agent: rng.pick(DESKTOP), mobile: rng.pick(MOBILE),
    };
  };
  const users = Array.from({ length: userCount }, (_, i) => makePerson(i, 'user'));
  const admins = [makePerson(0, 'admin', ['Ann Admin', 'ann']), makePerson(1, 'admin', ['Søren Kierkegård', 'soren.k'])];
  for (let i = 2; i < 12; i++) admins.push(makePerson(i, 'admin'));
  const svcNames = ['terraform', 'scim-bridge', 'siem-poller', 'hr-sync', 'okta-backup', 'jira-provisioning', 'ci-deploy', 'workday-import', 'servicenow', 'aws-sso-sync', 'datadog', 'github-sync', 'zoom-sync', 'audit-export', 'onboarding-bot', 'slack-scim', 'vault-okta', 'mdm-sync', 'finance-etl', 'legacy-ldap'];
  const services = svcNames.map((s, i) => makePerson(i, 'service', [`svc ${s}`, `svc-${s}`]));
  const offices = [asciiPlaces.items[0]!, asciiPlaces.items[1]!, asciiPlaces.items[8]!, nonAsciiPlaces.items[1]!]
    .map((spec, i) => networkAt(rng, spec, `192.0.2.${10 + i * 10}`));
  const thing = (prefix: string, name: string, label = name): Thing => ({ id: oktaId(rng, prefix, partial), name, label });
  return {
    domain, oktaHost: 'corp-example.okta.com', idSuffix: partial.idSuffix,
    users, admins, services, offices,
    groups: GROUPS.map((g) => thing('00g', g)),
    adminGroups: ADMIN_GROUPS.map((g) => thing('00g', g)),
    apps: APPS.map(([name, label]) => thing('0oa', name, label)),
    policies: POLICIES.map((p) => thing('00p', p)),
    systemPrincipalId: 'spr' + rng.alnum(13) + partial.idSuffix,
    places,
  };
}
