// Attacker-written text: field values that look like records, needles, keys or terminal controls.
import type { CorpusCase } from './case.js';
import { assembleCase, insertInValue, ok, sampleWith, type Piece } from './build.js';
import { AT, RECORDS } from './sample.js';

const group = 'hostile';
const R = RECORDS;

/** Text an attacker can put into a user agent, a user name or a token name (JSON-escaped in the record). */
const PAYLOADS: Record<string, string> = {
  'fake-record': '"}\n{"eventType":"system.api_token.revoke","published":"2024-03-05T16:00:00.000Z","uuid":"fake-1","target":[{"id":"00Tfake","type":"Token"}]}\n{"x":"',
  'fake-pretty-element': '"\n  },\n  {\n    "eventType": "system.api_token.revoke",\n    "uuid": "fake-2"\n  }\n]\n[\n  {\n    "x": "',
  needles: 'system.api_token.revoke system.api_token.create requestApiTokenId 00Tci7dPlY3kT9wQx5d7 _token.',
  'fake-keys': '"actor":{"id":"00uAnn4dm1nQ7xk2d5d7"},"published":"1999-01-01T00:00:00.000Z","ipAddress":"198.51.100.23"',
  'escaped-needles': '\\u0073ystem.api_token.revoke \\\\u0073ystem',
  'terminal-controls': '\u001b[2J\u001b[31mRED\u001b[0m \u009b31m \u202eevil\u202c \u200b\u2028\u2029 \u0007',
  'many-escapes': '\\"'.repeat(20_000) + '\\u0041'.repeat(20_000),
  'nul-and-controls': '\u0000\u0001\u001f\u007f',
};

/** A key that a careless pipeline could add in front of the event's own (keys sorted, or nested). */
function forged(text: string, where: 'actor-detail' | 'nested-actor' | 'nested-published-first'): string {
  switch (where) {
    case 'actor-detail':
      return text.replace('"detailEntry":null', '"detailEntry":{"published":"1999-01-01T00:00:00.000Z","actor":{"id":"00uNOBODY"}}');
    case 'nested-actor':
      return '{"debugContext":{"debugData":{"actor":{"id":"00uNOBODY"}}},' + text.slice(1).replace('"debugContext":', '"debugContext2":');
    case 'nested-published-first':
      return '{"a":{"published":"1999-01-01T00:00:00.000Z"},' + text.slice(1);
  }
}

/** Every record with its keys sorted, as some SIEMs write them back. */
function sortedKeys(text: string): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(JSON.parse(text)));
}

/** Every hostile-content case. */
export function hostileCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const add = (name: string, pieces: Piece[]) => out.push(assembleCase({ name: `hostile-${name}`, group }, pieces));
  const esc = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    // `escaped-needles` is already JSON text; the others are plain text the record escapes.
    const text = name === 'escaped-needles' ? payload : esc(payload);
    add(`${name}-in-user-agent-of-call`, sampleWith(AT.tokenCall, ok(insertInValue(R[AT.tokenCall]!, 'rawUserAgent', text))));
    add(`${name}-in-token-name`, sampleWith(AT.firstRevoke, ok(R[AT.firstRevoke]!.replace('"displayName":"ci-deploy"', `"displayName":"ci-deploy${text}"`))));
    add(`${name}-in-far-user-name`, sampleWith(AT.after, ok(insertInValue(R[AT.after]!, 'alternateId', text))));
  }
  for (const where of ['actor-detail', 'nested-actor', 'nested-published-first'] as const) {
    // Window events linked by token, by actor only, and by address only.
    for (const [what, i] of Object.entries({ token: AT.tokenCall, actor: 28, ip: 24 })) add(`forged-${where}-${what}`, sampleWith(i, ok(forged(R[i]!, where))));
  }
  add('sorted-keys-everywhere', R.map((r) => ok(sortedKeys(r))));
  add('keys-in-reverse-order', R.map((r) => ok(JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(r) as object).reverse())))));
  return out;
}
