// scan() with extra rules: first-pass needles, --hunt detections, and the rules window events matched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { firstPassNeedles, scan } from '../../src/scan/scan.js';
import type { TimeRange } from '../../src/scan/time-range.js';
import { ruleYaml } from '../rules/helpers.js';
import { raw } from '../window/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-hunt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const H = 3_600_000;

const grant = ruleYaml(`title: Okta Privilege Granted
id: grant-1
level: high
logsource: {product: okta}
detection: {sel: {eventType: user.account.privilege.grant}, condition: sel}
`);
/** No literal stands for a regular expression or a `not`: this rule has none, so --hunt parses every record. */
const notSso = ruleYaml(`title: Not SSO From Romania
id: ro-1
level: low
logsource: {product: okta}
detection: {sel: {'client.geographicalContext.country|re': '^Rom.nia$'}, sso: {eventType: user.authentication.sso}, condition: sel and not sso}
`);
const revokeToo = ruleYaml(`title: Any Revocation By Ann
id: ann-revoke
logsource: {product: okta}
detection: {sel: {eventType: system.api_token.revoke, actor.id: 00uann}, condition: sel}
`);

const TOKEN = [{ id: '00Ttok', type: 'Token', displayName: 'ci' }];
const EVENTS = [
  raw({ uuid: 'c', at: '2024-05-01T08:00:00.000Z', type: 'system.api_token.create', actor: '00uann', targets: TOKEN }),
  raw({ uuid: 'g2', at: '2024-05-01T10:00:00.000Z', type: 'user.account.privilege.grant', actor: '00uann' }),
  raw({ uuid: 'g1', at: '2024-05-01T10:00:00.000Z', type: 'user.account.privilege.grant', actor: '00uann', country: 'Romania' }),
  raw({ uuid: 's', at: '2024-05-01T11:00:00.000Z', type: 'user.authentication.sso', actor: '00uann', country: 'Romania' }),
  raw({ uuid: 'x', at: '2024-04-01T10:00:00.000Z', type: 'user.account.privilege.grant', actor: '00ubob' }),
  raw({ uuid: 'R', at: '2024-05-01T12:00:00.000Z', type: 'system.api_token.revoke', actor: '00uann', targets: TOKEN }),
];

function input(name: string, events: unknown[]) {
  const path = join(dir, name);
  writeFileSync(path, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return { label: name, path };
}

async function run(hunt: boolean, rules = [grant, notSso, revokeToo], events: unknown[] = EVENTS, windows = true, range?: TimeRange) {
  const builtin = await loadBuiltinRules();
  return scan([input('in.ndjson', events)], {
    read: { maxRecordBytes: 1 << 20 },
    rules: [...builtin, ...rules],
    validate: false,
    window: windows ? { before: 24 * H, after: 0, maxEvents: 100 } : null,
    hunt,
    range,
  });
}

describe('firstPassNeedles', () => {
  it('without --hunt: only revocations can be findings, so rules add no needle and never force a full parse', () => {
    expect(firstPassNeedles([grant, notSso], true)).toEqual({ needles: ['_token.', 'requestApiTokenId', 'system.api_token.revoke'], all: false });
    expect(firstPassNeedles([grant], false)).toEqual({ needles: ['system.api_token.revoke'], all: false });
  });

  it("with --hunt: every rule's literals, and a rule without literals parses everything", () => {
    expect(firstPassNeedles([grant], true, true)).toEqual({ needles: ['_token.', 'requestApiTokenId', 'user.account.privilege.grant'], all: false });
    expect(firstPassNeedles([grant, notSso], false, true).all).toBe(true);
  });
});

describe('scan --hunt', () => {
  it('reports every other matched event as a detection, sorted by time then id', async () => {
    const { report } = await run(true);
    expect(report.detections!.map((d) => [d.id, d.rules.map((r) => r.id)])).toEqual([
      ['x', ['grant-1']],
      ['g1', ['grant-1', 'ro-1']],
      ['g2', ['grant-1']],
    ]);
    expect(report.summary).toMatchObject({ findings: 1, detections: 3, detectionsByRule: { 'grant-1': 3, 'ro-1': 1 } });
  });

  it('keeps a matched revocation a finding (with every rule it matched), never a detection', async () => {
    const { report } = await run(true);
    expect(report.findings.map((f) => [f.id, f.kind, f.rules.map((r) => r.id)])).toEqual([
      ['R', 'revocation', ['d2b000a9-03c3-43d2-9992-47a4d1f2102b', 'bb9337a1-ca0b-4ba2-819d-dc973a7e94f4', 'ann-revoke']],
    ]);
    expect(report.detections!.some((d) => d.id === 'R')).toBe(false);
    expect(report.summary.byRule).toEqual({ 'd2b000a9-03c3-43d2-9992-47a4d1f2102b': 1, 'bb9337a1-ca0b-4ba2-819d-dc973a7e94f4': 1, 'ann-revoke': 1 });
  });

  it('reports only detections inside --from/--to, like revocations', async () => {
    const range: TimeRange = { from: { kind: 'at', ms: Date.parse('2024-05-01T00:00:00Z') }, to: null };
    const { report } = await run(true, [grant, notSso, revokeToo], EVENTS, true, range);
    expect(report.detections!.map((d) => d.id)).toEqual(['g1', 'g2']);
    expect(report.summary).toMatchObject({ findings: 1, detections: 2, detectionsByRule: { 'grant-1': 2, 'ro-1': 1 } });
  });

  it('counts an event exported twice once', async () => {
    const { report } = await run(true, [grant], [...EVENTS, EVENTS[1]]);
    expect(report.detections!.map((d) => d.id)).toEqual(['x', 'g1', 'g2']);
    expect(report.summary.duplicates).toBe(1);
  });

  it('parses every record for a rule without literals, only the candidates otherwise', async () => {
    const { report, stats } = await run(true, [notSso], EVENTS, false);
    expect(notSso.literals).toBeNull();
    expect(report.detections!.map((d) => d.id)).toEqual(['g1']);
    expect(stats.parsed).toBe(EVENTS.length);
    // Three grants and the revocation, and the first record (an input is read record by record until its first event).
    expect((await run(true, [grant], EVENTS, false)).stats.parsed).toBe(5);
  });

  it('without --hunt: no detections in the report, rules parse nothing more', async () => {
    const plain = await run(false, []);
    const { report, stats } = await run(false);
    expect(report.detections).toBeUndefined();
    expect(report.summary.detections).toBeUndefined();
    expect(stats.parsed).toBe(plain.stats.parsed);
  });
});

describe('window events carry the rules they matched', () => {
  it('with or without --hunt, [] when none', async () => {
    for (const hunt of [false, true]) {
      const { report } = await run(hunt);
      const events = report.findings[0]!.window!.events;
      expect(events.map((e) => [e.uuid, (e.detections ?? ['missing']).map((r) => (typeof r === 'string' ? r : r.id))])).toEqual([
        ['c', []],
        ['g1', ['grant-1', 'ro-1']],
        ['g2', ['grant-1']],
        ['s', []],
      ]);
    }
  });
});
