// Test helper: a small export of the cases a reducer query can get wrong, one revocation story each.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

/** The instant the stories revolve around. */
const T = Date.parse('2024-06-10T12:00:00.000Z');

type Obj = Record<string, unknown>;

interface Spec {
  uuid: string;
  at: number;
  type?: string;
  actor?: string;
  actorType?: string;
  alt?: string;
  ip?: string | null;
  country?: string;
  asn?: number | null;
  agent?: string;
  /** requestApiTokenId; `undefined` writes an empty detail, `'missing'` no detail at all, `'none'` no transaction. */
  token?: string;
  targets?: Obj[] | Obj;
  result?: string;
  /** How `published` is written. */
  time?: 'iso' | 'panther' | 'no-ms' | 'offset' | 'offset-west' | 'offset-compact';
}

function published(ms: number, form: Spec['time']): string {
  const iso = new Date(ms).toISOString();
  switch (form) {
    case 'panther':
      return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    case 'no-ms':
      return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
    case 'offset':
      // The same instant two hours east of UTC, two hours west, five and a half hours east.
      return `${new Date(ms + 2 * HOUR).toISOString().slice(0, 23)}+02:00`;
    case 'offset-west':
      return `${new Date(ms - 2 * HOUR).toISOString().slice(0, 23)}-02:00`;
    case 'offset-compact':
      return `${new Date(ms + 5.5 * HOUR).toISOString().slice(0, 23)}+0530`;
    default:
      return iso;
  }
}

/** One event with Okta's keys in Okta's order. */
function event(s: Spec): Obj {
  const transaction: Obj | undefined =
    s.token === 'none' ? undefined : s.token === 'missing' ? { type: 'WEB', id: `tx-${s.uuid}` } : { type: 'WEB', id: `tx-${s.uuid}`, detail: s.token ? { requestApiTokenId: s.token } : {} };
  const out: Obj = {
    actor: { id: s.actor ?? '00uNobody0000000000', type: s.actorType ?? 'User', alternateId: s.alt ?? `${s.actor ?? 'nobody'}@corp.example`, displayName: s.actor ?? 'Nobody' },
    client: {
      userAgent: { rawUserAgent: s.agent ?? 'okta-sdk-python/2.9.2', os: 'Linux', browser: 'UNKNOWN' },
      ipAddress: s.ip === undefined ? '192.0.2.99' : s.ip,
      geographicalContext: { city: 'Oslo', state: null, country: s.country ?? 'Norway' },
    },
    displayMessage: 'edge case',
    eventType: s.type ?? 'user.account.update_profile',
    outcome: { result: s.result ?? 'SUCCESS', reason: null },
    published: published(s.at, s.time),
    securityContext: { asNumber: s.asn === undefined ? 64500 : s.asn, asOrg: 'example net', isp: 'example', domain: 'example.net', isProxy: false },
    severity: 'INFO',
    debugContext: { debugData: { requestUri: '/api/v1/users' } },
    legacyEventType: 'edge',
    uuid: s.uuid,
    version: '0',
    request: { ipChain: [] },
    target: s.targets ?? [],
  };
  if (transaction) out.transaction = transaction;
  return out;
}

/** A copy of `value` with every key lower-cased (a pipeline that lowers keys), or snake_cased. */
function respell(value: unknown, style: 'lower' | 'snake'): unknown {
  if (Array.isArray(value)) return value.map((v) => respell(v, style));
  if (value === null || typeof value !== 'object') return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    const key = style === 'lower' ? k.toLowerCase() : k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    out[key] = respell(v, style);
  }
  return out;
}

const TOKEN_A = '00TaaaaaaaaaaaaaaaaA';
const TOKEN_B = '00TbbbbbbbbbbbbbbbbB';
const TOKEN_C = '00TccccccccccccccccC';
const TOKEN_D = '00TddddddddddddddddD';
const TOKEN_E = 'tokE-not-00T-prefix';
const TOKEN_H = '00ThhhhhhhhhhhhhhhhH';
const TOKEN_I = '00TiiiiiiiiiiiiiiiiI';
const ADMIN = '00uAdmin00000000000A';
const ADMIN2 = '00uAdmin00000000000B';
const OWNER = '00uOwner00000000000A';
const OTHER_CREATOR = '00uCreator000000000B';
const STRANGER = '00uStranger00000000S';
const OKTA = { actor: '0oaOktaSystem000000', actorType: 'SystemPrincipal', alt: 'system@okta.com' };

const tok = (id: string, name = id, type = 'Token'): Obj => ({ id, type, alternateId: 'unknown', displayName: name, detailEntry: null });
const user = (id: string): Obj => ({ id, type: 'User', alternateId: `${id}@corp.example`, displayName: id, detailEntry: null });

/**
 * The stories, as event objects (time order does not matter: the export is shuffled by some
 * tests). Token A: two creates, calls on both sides of the window's start (exactly at T − 24h and
 * 1 ms before), an IPv6 address, a burst, revoked twice. Token B: no create, revoked by Okta, used
 * 20 days before. Token C: a revocation naming several Token targets. Token E: a token whose id
 * has no 00T prefix, revoked with a call made with it. And events without transaction.detail,
 * with a null address, a target that is an object, a revocation without targets, Panther times,
 * offsets and times without milliseconds.
 */
function edgeObjects(): Obj[] {
  const e: Obj[] = [];
  const add = (s: Spec) => e.push(event(s));
  // Token A.
  add({ uuid: 'a-create-1', at: T - 10 * DAY, type: 'system.api_token.create', actor: OWNER, targets: [tok(TOKEN_A, 'ci-deploy')] });
  add({ uuid: 'a-create-2', at: T - 5 * DAY, type: 'system.api_token.create', actor: OTHER_CREATOR, targets: [tok(TOKEN_A, 'ci-deploy')], time: 'panther' });
  // Its first call from the attacker's address, long before any baseline: only the token baselines know it.
  add({ uuid: 'a-call-ancient', at: T - 60 * DAY, actor: OWNER, token: TOKEN_A, ip: '198.51.100.23', country: 'Romania', asn: 9009, agent: 'python-requests/2.31.0' });
  add({ uuid: 'a-call-old', at: T - 9 * DAY, actor: OWNER, token: TOKEN_A, ip: '203.0.113.10', country: 'United States', agent: 'okta-sdk-python/2.9.2' });
  // Used from 203.0.113.10 before and after the window, never inside it: a candidate address only.
  add({ uuid: 'a-call-late', at: T + 6 * DAY, actor: OWNER, token: TOKEN_A, ip: '203.0.113.10', country: 'United States', agent: 'okta-sdk-python/2.9.2' });
  for (let i = 0; i < 3; i++) add({ uuid: `a-candidate-${i}`, at: T - 3 * HOUR + i * MINUTE, actor: STRANGER, ip: '203.0.113.10', type: 'user.session.start' });
  add({ uuid: 'a-call-edge-out', at: T - DAY - 1, actor: OWNER, token: TOKEN_A, ip: '203.0.113.10', time: 'iso' });
  add({ uuid: 'a-call-edge-in', at: T - DAY, actor: OWNER, token: TOKEN_A, ip: '203.0.113.11', time: 'no-ms' });
  add({ uuid: 'a-call-v6', at: T - 2 * HOUR, actor: OWNER, token: TOKEN_A, ip: '2001:db8::7', country: 'Romania', asn: 9009, agent: 'python-requests/2.31.0', time: 'offset' });
  for (let i = 0; i < 12; i++) {
    add({ uuid: `a-burst-${String(i).padStart(2, '0')}`, at: T - HOUR + i * 1000, actor: OWNER, token: TOKEN_A, ip: '198.51.100.23', country: 'Romania', asn: 9009, agent: 'python-requests/2.31.0' });
  }
  add({ uuid: 'a-ip-stranger', at: T - 30 * MINUTE, actor: STRANGER, ip: '198.51.100.23', type: 'user.session.start' });
  add({ uuid: 'a-ip-stranger-v6', at: T - 20 * MINUTE, actor: STRANGER, ip: '2001:db8::7', type: 'user.session.start', token: 'missing' });
  add({ uuid: 'a-ip-too-early', at: T - DAY - 1, actor: STRANGER, ip: '198.51.100.23', type: 'user.session.start' });
  add({ uuid: 'a-admin-signin-old', at: T - 8 * DAY, actor: ADMIN, type: 'user.session.start', ip: '192.0.2.10', country: 'Norway' });
  add({ uuid: 'a-admin-signin-failed', at: T - 7 * DAY, actor: ADMIN, type: 'user.session.start', ip: '192.0.2.66', result: 'FAILURE' });
  add({ uuid: 'a-admin-signin', at: T - 10 * MINUTE, actor: ADMIN, type: 'user.session.start', ip: '192.0.2.44', country: 'Sweden' });
  add({ uuid: 'a-admin-edge-in', at: T - DAY, actor: ADMIN, ip: null, token: 'none' });
  add({ uuid: 'a-admin-edge-out', at: T - DAY - 1, actor: ADMIN, ip: null });
  // Just inside the window when the offsets are read right.
  add({ uuid: 'a-admin-west', at: T - DAY + HOUR, actor: ADMIN, ip: null, time: 'offset-west' });
  add({ uuid: 'a-admin-compact', at: T - DAY + 30 * MINUTE, actor: ADMIN, ip: null, time: 'offset-compact' });
  add({ uuid: 'a-owner-other', at: T - 5 * HOUR, actor: OWNER, ip: '192.0.2.20', token: 'missing' });
  add({ uuid: 'a-second-creator', at: T - 4 * HOUR, actor: OTHER_CREATOR, ip: '192.0.2.21' });
  add({ uuid: 'a-revoke-1', at: T, type: 'system.api_token.revoke', actor: ADMIN, ip: '192.0.2.44', country: 'Sweden', targets: [tok(TOKEN_A, 'ci-deploy')] });
  add({ uuid: 'a-after', at: T + 30 * MINUTE, actor: ADMIN, ip: '192.0.2.44' });
  add({ uuid: 'a-revoke-2', at: T + 2 * HOUR, type: 'system.api_token.revoke', actor: ADMIN2, ip: '192.0.2.45', targets: [tok(TOKEN_A, 'ci-deploy')], result: 'FAILURE' });
  // Token B: revoked by Okta, never created in the export, used 20 days before.
  add({ uuid: 'b-call', at: T + DAY - 20 * DAY, actor: OWNER, token: TOKEN_B, ip: '203.0.113.40' });
  // Its last call before the revocation: 15 days, outside a short --baseline, inside Okta's 30 idle days.
  add({ uuid: 'b-call-2', at: T + DAY - 15 * DAY, actor: OWNER, token: TOKEN_B, ip: '203.0.113.40' });
  add({ uuid: 'b-call-after', at: T + 3 * DAY, actor: OWNER, token: TOKEN_B, ip: '203.0.113.40' });
  add({ uuid: 'b-okta-job', at: T + DAY - HOUR, ...OKTA, ip: null, type: 'system.org.task.run' });
  add({ uuid: 'b-ip-user', at: T + DAY - 2 * HOUR, actor: STRANGER, ip: '203.0.113.40' });
  add({ uuid: 'b-revoke', at: T + DAY, type: 'system.api_token.revoke', ...OKTA, ip: null, targets: [tok(TOKEN_B, 'legacy-sync')], token: 'none' });
  // Token C: the revocation names a user and two tokens; C (the first Token) is the revoked one.
  add({ uuid: 'c-create', at: T - 3 * DAY, type: 'system.api_token.create', actor: OWNER, targets: tok(TOKEN_C, 'backup-sync') });
  add({ uuid: 'c-call', at: T + 2 * DAY - HOUR, actor: OWNER, token: TOKEN_C, ip: '198.51.100.50', time: 'panther' });
  add({ uuid: 'd-call', at: T + 2 * DAY - HOUR, actor: STRANGER, token: TOKEN_D, ip: '198.51.100.51' });
  add({ uuid: 'c-revoke', at: T + 2 * DAY, type: 'system.api_token.revoke', actor: ADMIN, ip: '192.0.2.44', targets: [user(STRANGER), tok(TOKEN_C, 'backup-sync'), tok(TOKEN_D, 'other')] });
  // Token E: id without the 00T prefix, type in capitals; revoked with a call made with it.
  add({ uuid: 'e-create', at: T + 3 * DAY - 2 * DAY, type: 'SYSTEM.API_TOKEN.CREATE', actor: ADMIN2, targets: [tok(TOKEN_E, 'odd', 'TOKEN')] });
  add({ uuid: 'e-call', at: T + 3 * DAY - HOUR, actor: ADMIN2, token: TOKEN_E, ip: '198.51.100.60' });
  add({ uuid: 'e-ip-user', at: T + 3 * DAY - 30 * MINUTE, actor: STRANGER, ip: '198.51.100.61' });
  add({ uuid: 'e-revoke', at: T + 3 * DAY, type: 'system.api_token.revoke', actor: ADMIN2, ip: '198.51.100.61', token: TOKEN_E, targets: [tok(TOKEN_E, 'odd', 'TOKEN')] });
  // A revocation naming no target at all, and one whose only target is a user.
  add({ uuid: 'f-revoke-bare', at: T + 4 * DAY, type: 'system.api_token.revoke', actor: ADMIN, ip: '192.0.2.44' });
  add({ uuid: 'g-revoke-user', at: T + 5 * DAY, type: 'system.api_token.revoke', actor: ADMIN, ip: '192.0.2.44', targets: [user(STRANGER)] });
  add({ uuid: 'g-admin', at: T + 5 * DAY - HOUR, actor: ADMIN, ip: '192.0.2.44' });
  // Token H: its type is not Token; the revoked token is the first target whose id starts with 00T.
  add({ uuid: 'h-call', at: T + 7 * DAY - HOUR, actor: OWNER, token: TOKEN_H, ip: '198.51.100.70' });
  add({ uuid: 'h-ip-user', at: T + 7 * DAY - 30 * MINUTE, actor: STRANGER, ip: '198.51.100.70' });
  add({ uuid: 'h-revoke', at: T + 7 * DAY, type: 'system.api_token.revoke', actor: ADMIN, ip: '192.0.2.44', targets: [user(STRANGER), tok(TOKEN_H, 'typed', 'ApiToken')] });
  // Token I: revoked 503 ms into a second; the revoker's event 2 ms after the window opens.
  add({ uuid: 'i-admin-edge', at: T + 8 * DAY + 505 - DAY, actor: ADMIN2, ip: null });
  add({ uuid: 'i-revoke', at: T + 8 * DAY + 503, type: 'system.api_token.revoke', actor: ADMIN2, ip: '192.0.2.45', targets: [tok(TOKEN_I, 'fraction')] });
  // The newest event of the export, linked to nothing (--from 4d counts back from it).
  add({ uuid: 'z-latest', at: T + 10 * DAY, actor: STRANGER, ip: '192.0.2.99' });
  // Not events the CLI reads: a date that does not exist, no eventType.
  add({ uuid: 'x-bad-date', at: T, actor: ADMIN });
  e.at(-1)!.published = '2024-02-30T10:00:00.000Z';
  add({ uuid: 'x-no-type', at: T - HOUR, actor: ADMIN });
  delete e.at(-1)!.eventType;
  return e;
}

/**
 * The edge export as NDJSON lines: the stories, some events with lower-case or snake_case keys
 * (text layout only: a table has one spelling per column), a broken line, and copies of some
 * events, as when overlapping exports are loaded twice.
 */
export function edgeLines(respelled = true): string[] {
  const objs = edgeObjects();
  const lines = objs.map((o, i) => {
    const uuid = o.uuid as string;
    if (respelled && (uuid.startsWith('a-burst-0') || uuid === 'c-call')) return JSON.stringify(respell(o, 'lower'));
    if (respelled && (uuid === 'a-admin-signin' || uuid === 'e-revoke')) return JSON.stringify(respell(o, 'snake'));
    return JSON.stringify(objs[i]);
  });
  const copies = lines.filter((l) => /"(a-call-v6|a-revoke-1|b-call|c-create)"/.test(l));
  return [...lines, '{"uuid": "broken", "published": ', ...copies];
}
