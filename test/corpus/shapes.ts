// Wrong types and hostile keys: each field an Okta event needs, mistyped, in records that matter.
import type { CorpusCase } from './case.js';
import { assembleCase, broken, ok, prependMembers, replaceField, sampleWith, type Piece } from './build.js';
import { AT, RECORDS } from './sample.js';

const group = 'shapes';
const R = RECORDS;

/** Records the mistakes go into: a revocation, a call made with the token, the owner's create, a far event. */
const TARGETS = { revoke: AT.firstRevoke, call: AT.tokenCall, create: AT.create, far: AT.after } as const;

/**
 * Mistyped fields that leave the event usable (the README: everything but eventType and published
 * is optional and becomes null when mistyped), and those that make it unusable.
 */
const USABLE: Record<string, [string, string]> = {
  'target-object': ['target', '{"id":"00Tci7dPlY3kT9wQx5d7","type":"Token","alternateId":"unknown","displayName":"ci-deploy"}'],
  'target-string': ['target', '"00Tci7dPlY3kT9wQx5d7"'],
  'target-number': ['target', '42'],
  'target-strings': ['target', '["00Tci7dPlY3kT9wQx5d7","Token"]'],
  'target-nested-arrays': ['target', '[[{"id":"00Tci7dPlY3kT9wQx5d7","type":"Token"}]]'],
  'actor-null': ['actor', 'null'],
  'actor-string': ['actor', '"ann@corp.example"'],
  'actor-array': ['actor', '[{"id":"00uAnn4dm1nQ7xk2d5d7"}]'],
  'actor-id-number': ['actor', '{"id":12345,"type":"User","alternateId":true,"displayName":null}'],
  'transaction-string': ['transaction', '"WEB"'],
  'client-string': ['client', '"192.0.2.33"'],
  'client-ip-object': ['client', '{"ipAddress":{"v4":"192.0.2.33"},"geographicalContext":["x"]}'],
  'outcome-string': ['outcome', '"SUCCESS"'],
  'uuid-number': ['uuid', '123456789'],
  'uuid-object': ['uuid', '{"id":"x"}'],
  'uuid-empty': ['uuid', '""'],
  'display-message-object': ['displayMessage', '{"text":"hi"}'],
  'security-context-array': ['securityContext', '[1,2,3]'],
};
const UNUSABLE: Record<string, [string, string]> = {
  'published-number': ['published', '12345'],
  'published-garbage': ['published', '"yesterday at noon"'],
  'published-400-digits': ['published', '1' + '0'.repeat(399)],
  'published-empty': ['published', '""'],
  'published-null': ['published', 'null'],
  'published-array': ['published', '["2024-03-05T16:15:02.413Z"]'],
  'published-object': ['published', '{"$date":"2024-03-05T16:15:02.413Z"}'],
  'published-month-13': ['published', '"2024-13-05T16:15:02.413Z"'],
  'published-feb-30': ['published', '"2024-02-30T16:15:02.413Z"'],
  'published-huge': ['published', `"${'2024-03-05T16:15:02.413Z'.repeat(50)}"`],
  'event-type-array': ['eventType', '["system.api_token.revoke"]'],
  'event-type-number': ['eventType', '7'],
  'event-type-null': ['eventType', 'null'],
  'event-type-empty': ['eventType', '"  "'],
  'event-type-object': ['eventType', '{"name":"system.api_token.revoke"}'],
};

/** `transaction.detail` mistyped: the record stays usable, but it names no token. */
function detail(text: string, json: string): string {
  const obj = JSON.parse(text) as { transaction: Record<string, unknown> };
  return replaceField(text, 'transaction', JSON.stringify({ ...obj.transaction, detail: '__d__' }).replace('"__d__"', json));
}

/** Every wrong-type and hostile-key case. */
export function shapeCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const add = (name: string, pieces: Piece[]) => out.push(assembleCase({ name: `shapes-${name}`, group }, pieces));
  for (const [where, i] of Object.entries(TARGETS)) {
    for (const [name, [key, json]] of Object.entries(USABLE)) add(`${name}-${where}`, sampleWith(i, ok(replaceField(R[i]!, key, json))));
    for (const [name, [key, json]] of Object.entries(UNUSABLE)) add(`${name}-${where}`, sampleWith(i, broken(replaceField(R[i]!, key, json), name)));
    // Its own time as epoch milliseconds and seconds, as SIEMs write it: the same event.
    const ms = Date.parse((JSON.parse(R[i]!) as { published: string }).published);
    add(`published-epoch-ms-${where}`, sampleWith(i, ok(replaceField(R[i]!, 'published', String(ms)))));
    add(`published-epoch-seconds-${where}`, sampleWith(i, ok(replaceField(R[i]!, 'published', `"${ms / 1000}"`))));
    for (const [name, json] of Object.entries({ string: '"{\\"requestApiTokenId\\":\\"00Tci7dPlY3kT9wQx5d7\\"}"', array: '[{"requestApiTokenId":"00Tci7dPlY3kT9wQx5d7"}]', null: 'null' })) {
      add(`transaction-detail-${name}-${where}`, sampleWith(i, ok(detail(R[i]!, json))));
    }
    // Keys that would reach Object.prototype if copied naively.
    add(`proto-key-${where}`, sampleWith(i, ok(prependMembers(R[i]!, '"__proto__":{"polluted":true,"eventType":"system.api_token.revoke"}'))));
    add(`constructor-key-${where}`, sampleWith(i, ok(prependMembers(R[i]!, '"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}'))));
    add(`proto-in-actor-${where}`, sampleWith(i, ok(R[i]!.replace('"actor":{', '"actor":{"__proto__":{"id":"00uEVIL","polluted":true},'))));
    // Lowercased keys make the scan rename them (a deep copy): __proto__ must survive that too.
    const lowered = R[i]!.replace('"eventType"', '"eventtype"').replace('"debugContext"', '"debugcontext"');
    add(`proto-key-renamed-${where}`, sampleWith(i, ok(prependMembers(lowered, '"__proto__":{"polluted":true},"constructor":{"polluted":true}'))));
  }
  // A record whose only eventType hides behind __proto__ is not an event (and surely no revocation).
  const noType = JSON.parse(R[AT.firstRevoke]!) as Record<string, unknown>;
  delete noType.eventType;
  add('event-type-only-in-proto', sampleWith(AT.firstRevoke, broken(prependMembers(JSON.stringify(noType), '"__proto__":{"eventType":"system.api_token.revoke"}'), 'no eventType')));
  // A line holding an array contributes its elements (like pages of /api/v1/logs); a string holding
  // an event's JSON is that event (SIEM exports that quote each record).
  add('record-in-array-line', sampleWith(AT.after, { bytes: `[${R[AT.after]!}]`, good: R[AT.after]! }));
  add('record-is-string', sampleWith(AT.after, { bytes: JSON.stringify(R[AT.after]), good: R[AT.after]! }));
  add('record-is-other-string', sampleWith(AT.after, broken(JSON.stringify('not an event'), 'a string where a record should be')));
  return out;
}
