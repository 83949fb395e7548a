// Test helper: the token story of test/fixtures/tokens-every-flag, every status and flag, written as three exports.
import { lowercaseKeys, OKTA, oktaEvent, tokenTarget, userTarget, type EventSpec, type Place, type Who } from './token-events.js';

/** Where the story's exports are committed. */
export const STORY_DIR = 'test/fixtures/tokens-every-flag';

const ann: Who = { id: '00uAnn4dm1nQ7xk2d5d7', alternateId: 'ann@corp.example', displayName: 'Ann Admin' };
const ben: Who = { id: '00uB3nB4k3rH3lpD5d7x', alternateId: 'ben.baker@corp.example', displayName: 'Ben Baker' };
const soren: Who = { id: '00uS0renK1erkG4rd5d7', alternateId: 'soren.k@corp.example', displayName: 'Søren Kierkegård' };
const maya: Who = { id: '00uM4y4P4t3lHr0q5d7x', alternateId: 'maya.patel@corp.example', displayName: 'Maya Patel' };
const dana: Who = { id: '00uD4n4K1mF1n4nc5d7x', alternateId: 'dana.kim@corp.example', displayName: 'Dana Kim' };
const eve: Who = { id: '00uEv3S3cur1ty0p5d7x', alternateId: 'eve@corp.example', displayName: 'Eve Ops' };

const OFFICE: Place = { ip: '192.0.2.10', city: 'San Francisco', country: 'United States', asn: 7922, asOrg: 'comcast' };
const CI: Place = { ip: '203.0.113.10', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' };
const CI2: Place = { ip: '203.0.113.11', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' };
const CI3: Place = { ip: '203.0.113.40', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' };
const ATTACKER: Place = { ip: '198.51.100.23', city: 'Bucharest', country: 'Romania', asn: 9009, asOrg: 'm247', proxy: true };
const DE: Place = { ip: '203.0.113.60', city: 'Frankfurt', country: 'Germany', asn: 24940, asOrg: 'hetzner' };
const FR: Place = { ip: '203.0.113.61', city: 'Paris', country: 'France', asn: 16276, asOrg: 'ovh' };
const JP: Place = { ip: '203.0.113.62', city: 'Tokyo', country: 'Japan', asn: 2516, asOrg: 'kddi' };
const BR: Place = { ip: '203.0.113.63', city: 'São Paulo', country: 'Brazil', asn: 28573, asOrg: 'claro' };
const ELSEWHERE: Place = { ip: '203.0.113.50', city: 'Ashburn', country: 'United States', asn: 16509, asOrg: 'amazon' };

/** The story's tokens: id and name. */
export const STORY_TOKENS = {
  ciDeploy: { id: '00Tci1deploy00000001', name: 'ci-deploy' },
  backupSync: { id: '00Tbackupsync0000002', name: 'backup-sync' },
  legacySync: { id: '00Tlegacysync0000003', name: 'legacy-sync' },
  oldUnused: { id: '00Toldunused00000004', name: 'old-unused' },
  reporting: { id: '00Treporting00000005', name: 'reporting' },
  metrics: { id: '00Tmetrics0000000006', name: 'metrics' },
  scimSync: { id: '00Tscimsync000000007', name: 'scim-sync' },
  callsOnly: { id: '00Tcallsonly00000008', name: null },
  rotated: { id: '00Trotated0000000009', name: 'rotated' },
  stubborn: { id: '00Tstubborn000000010', name: 'stubborn' },
} as const;

const T = STORY_TOKENS;
const SDK = 'okta-sdk-python/2.9.5 python/3.11.8 Linux/5.15.0-1057-aws';
const REQUESTS = 'python-requests/2.31.0';

let serial = 0;
/** A uuid-shaped id, unique in the story. */
function uuid(): string {
  serial++;
  return `7a1e${String(serial).padStart(4, '0')}-2f6b-11ef-9c3d-0242ac120002`;
}

function create(published: string, by: Who, token: { id: string; name: string }, place: Place, viaToken?: string): EventSpec {
  return { uuid: uuid(), published, eventType: 'system.api_token.create', displayMessage: 'Create API token', actor: by, place, userAgent: viaToken ? REQUESTS : 'Mozilla/5.0', viaToken: viaToken ?? null, targets: [tokenTarget(token.id, token.name)] };
}

function revoke(published: string, by: Who, token: { id: string; name: string }, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS'): EventSpec {
  return {
    uuid: uuid(), published, eventType: 'system.api_token.revoke', displayMessage: 'Revoke API token', actor: by,
    place: by === OKTA ? null : OFFICE, userAgent: by === OKTA ? null : 'Mozilla/5.0', targets: [tokenTarget(token.id, token.name)], outcome,
    reason: outcome === 'FAILURE' ? 'E0000006: You do not have permission to perform the requested action' : null,
  };
}

function call(published: string, owner: Who, token: string, place: Place | null, eventType = 'group.user_membership.add', extra: Partial<EventSpec> = {}): EventSpec {
  return { uuid: uuid(), published, eventType, actor: owner, place, userAgent: SDK, viaToken: token, targets: [userTarget(maya)], ...extra };
}

function userChange(published: string, eventType: string, by: Who, user: Who): EventSpec {
  return { uuid: uuid(), published, eventType, actor: by, place: OFFICE, userAgent: 'Mozilla/5.0', targets: [userTarget(user)] };
}

function signIn(published: string, who: Who): EventSpec {
  return { uuid: uuid(), published, eventType: 'user.session.start', displayMessage: 'User login to Okta', actor: who, place: OFFICE, userAgent: 'Mozilla/5.0' };
}

const byTime = (a: EventSpec, b: EventSpec) => a.published.localeCompare(b.published) || a.uuid.localeCompare(b.uuid);

/** One export file of the story: its name in STORY_DIR and its text. */
export interface StoryFile {
  name: string;
  text: string;
}

/**
 * The story, as three exports read together: NDJSON, a pretty-printed array holding four events of
 * the first file again (duplicates across files), and NDJSON with lower-cased keys. Every status
 * and every flag is in it; see test/fixtures/tokens-every-flag/SOURCE.md.
 */
export function tokenStory(): StoryFile[] {
  serial = 0;
  const ciCreate = create('2024-06-01T09:00:00.000Z', ann, T.ciDeploy, OFFICE);
  const ciCalls = [
    call('2024-06-01T10:00:00.000Z', ann, T.ciDeploy.id, CI),
    call('2024-06-05T10:00:00.000Z', ann, T.ciDeploy.id, CI, 'user.account.update_profile'),
    call('2024-06-10T10:00:00.000Z', ann, T.ciDeploy.id, CI2),
    call('2024-06-15T10:00:00.000Z', ann, T.ciDeploy.id, CI),
  ];
  const backupCreate = create('2024-06-18T13:53:55.914Z', ann, T.backupSync, ATTACKER, T.ciDeploy.id);
  const first: EventSpec[] = [
    signIn('2024-06-01T08:55:00.000Z', ann),
    ciCreate,
    ...ciCalls,
    // The stolen token: enumeration, a grant Okta marks as a threat, a token made with it.
    call('2024-06-18T13:47:03.291Z', ann, T.ciDeploy.id, ATTACKER, 'system.org.rate_limit.warning', { userAgent: REQUESTS }),
    call('2024-06-18T13:49:40.562Z', ann, T.ciDeploy.id, ATTACKER, 'user.account.privilege.grant', { userAgent: REQUESTS, threatSuspected: true }),
    backupCreate,
    call('2024-06-18T13:58:41.603Z', ann, T.backupSync.id, ATTACKER, 'user.lifecycle.create', { userAgent: REQUESTS }),
    call('2024-06-28T10:00:00.000Z', ann, T.backupSync.id, ATTACKER, 'group.user_membership.add', { userAgent: REQUESTS }),
    // A failed revocation, then a successful one: the last decides.
    revoke('2024-06-20T16:15:02.413Z', ben, T.ciDeploy, 'FAILURE'),
    revoke('2024-06-20T16:18:30.905Z', ann, T.ciDeploy),
    // An owner deactivated while the token lives on.
    create('2024-06-02T11:00:00.000Z', dana, T.reporting, OFFICE),
    call('2024-06-03T11:00:00.000Z', dana, T.reporting.id, CI2),
    call('2024-06-26T11:00:00.000Z', dana, T.reporting.id, CI2),
    userChange('2024-06-25T09:00:00.000Z', 'user.lifecycle.deactivate', ann, dana),
    // An owner suspended and back: not orphaned.
    create('2024-06-05T08:00:00.000Z', eve, T.metrics, OFFICE),
    call('2024-06-06T08:00:00.000Z', eve, T.metrics.id, CI),
    userChange('2024-06-10T08:00:00.000Z', 'user.lifecycle.suspend', ann, eve),
    userChange('2024-06-12T08:00:00.000Z', 'user.lifecycle.unsuspend', ann, eve),
    call('2024-06-29T08:00:00.000Z', eve, T.metrics.id, CI),
    userChange('2024-06-14T08:00:00.000Z', 'user.lifecycle.activate', ann, maya),
    // A token seen only through its calls.
    call('2024-06-15T12:00:00.000Z', ben, T.callsOnly.id, ELSEWHERE),
    call('2024-06-29T12:00:00.000Z', ben, T.callsOnly.id, ELSEWHERE, 'user.account.update_profile'),
    signIn('2024-06-30T12:00:00.000Z', maya),
  ].sort(byTime);
  const second: EventSpec[] = [
    // Copies of four events of the first file (overlapping exports).
    ciCreate,
    ...ciCalls.slice(0, 3),
    // Used once, renamed, then idle for months: dormant.
    create('2024-04-01T10:00:00.000Z', soren, T.legacySync, OFFICE),
    call('2024-04-02T10:00:00.000Z', soren, T.legacySync.id, CI3),
    { ...revoke('2024-04-03T10:00:00.000Z', soren, { id: T.legacySync.id, name: 'legacy-sync-v2' }), eventType: 'system.api_token.update', displayMessage: 'Update API token', outcome: 'SUCCESS' as const },
    // Never used.
    create('2024-05-01T10:00:00.000Z', maya, T.oldUnused, OFFICE),
    // Revoked twice: by a person, then by Okta.
    create('2024-06-03T10:00:00.000Z', ann, T.rotated, OFFICE),
    call('2024-06-04T10:00:00.000Z', ann, T.rotated.id, CI),
    revoke('2024-06-06T10:00:00.000Z', ann, T.rotated),
    revoke('2024-06-07T04:12:37.905Z', OKTA, T.rotated),
    // A revocation that failed.
    create('2024-06-08T10:00:00.000Z', ben, T.stubborn, OFFICE),
    call('2024-06-09T10:00:00.000Z', ben, T.stubborn.id, CI),
    revoke('2024-06-27T10:00:00.000Z', eve, T.stubborn, 'FAILURE'),
    call('2024-06-27T11:00:00.000Z', ben, T.stubborn.id, CI),
  ].sort(byTime);
  const third: EventSpec[] = [
    // Called from five countries and networks (and once without a client).
    create('2024-06-04T09:00:00.000Z', ann, T.scimSync, OFFICE),
    ...[CI, DE, FR, JP, BR, CI].map((p, i) => call(`2024-06-2${i}T09:00:00.000Z`, ann, T.scimSync.id, p, 'application.user_membership.add')),
    call('2024-06-26T09:00:00.000Z', ann, T.scimSync.id, null, 'user.account.update_profile', { userAgent: null }),
  ].sort(byTime);
  const line = (e: EventSpec) => JSON.stringify(oktaEvent(e));
  return [
    { name: 'export-1.ndjson', text: `${first.map(line).join('\n')}\n` },
    { name: 'export-2.json', text: `${JSON.stringify(second.map(oktaEvent), null, 2)}\n` },
    { name: 'export-3-lowercase.ndjson', text: `${third.map((e) => JSON.stringify(lowercaseKeys(oktaEvent(e)))).join('\n')}\n` },
  ];
}
