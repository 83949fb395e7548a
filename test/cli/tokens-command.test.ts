// `okta-revoke-scan tokens`: what the inventory says about each token of the every-flag story, options, exit codes, errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import type { TokenInventory, TokenRecord } from '../../src/model/token.js';
import { runCli } from '../helpers/run-cli.js';
import { STORY_DIR, STORY_TOKENS as T } from '../helpers/token-story.js';

const INPUTS = readdirSync(STORY_DIR).filter((f) => f.startsWith('export-')).sort().map((f) => join(STORY_DIR, f));
const dir = mkdtempSync(join(tmpdir(), 'ors-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The json document of `tokens args… inputs…`. */
async function inventory(args: string[] = [], inputs = INPUTS): Promise<TokenInventory> {
  const r = await runCli(['tokens', '-f', 'json', ...args, ...inputs]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as TokenInventory;
}

const byId = (inv: TokenInventory) => new Map(inv.tokens.map((t) => [t.id, t]));
const flags = (t: TokenRecord | undefined) => t?.flags.map((f) => `${f.id}:${f.severity}`);

describe('the every-flag story', async () => {
  const inv = await inventory();
  const tokens = byId(inv);

  it('has one record per token id, whatever names it: Token targets and calls', () => {
    expect([...tokens.keys()].sort()).toEqual(Object.values(T).map((t) => t.id).sort());
  });

  it('status comes from the last revocation: failed then successful, revoked twice, failed only, none', () => {
    expect(tokens.get(T.ciDeploy.id)?.status).toBe('revoked');
    expect(tokens.get(T.ciDeploy.id)?.revoked).toEqual({ published: '2024-06-20T16:18:30.905Z', by: { kind: 'user', id: '00uAnn4dm1nQ7xk2d5d7', alternateId: 'ann@corp.example' }, outcome: 'SUCCESS' });
    expect(tokens.get(T.rotated.id)?.status).toBe('revoked-by-okta');
    expect(tokens.get(T.rotated.id)?.revoked?.by.kind).toBe('system');
    expect(tokens.get(T.stubborn.id)?.status).toBe('revoke-failed');
    expect(tokens.get(T.stubborn.id)?.revoked?.outcome).toBe('FAILURE');
    expect(tokens.get(T.metrics.id)).toMatchObject({ status: 'active', revoked: null });
  });

  it('raises every flag on the token that shows it, and no other', () => {
    expect(flags(tokens.get(T.ciDeploy.id))).toEqual(['privileged-use:high', 'proxy:high']);
    expect(flags(tokens.get(T.backupSync.id))).toEqual(['created-by-token:high', 'proxy:medium', 'privileged-use:low']);
    expect(flags(tokens.get(T.legacySync.id))).toEqual(['dormant:low']);
    expect(flags(tokens.get(T.oldUnused.id))).toEqual(['never-used:low']);
    expect(flags(tokens.get(T.reporting.id))).toEqual(['orphaned:medium']);
    expect(flags(tokens.get(T.scimSync.id))).toEqual(['many-places:medium']);
    // An owner suspended and brought back, a token only seen in calls, revoked tokens: nothing to flag.
    for (const t of [T.metrics, T.callsOnly, T.rotated, T.stubborn]) expect(flags(tokens.get(t.id)), t.id).toEqual([]);
  });

  it('each flag names its evidence', () => {
    const backup = tokens.get(T.backupSync.id)!;
    expect(backup.flags[0]!.message).toContain(`${T.ciDeploy.id} (ci-deploy)`);
    expect(backup.flags[0]!.evidence).toHaveLength(1);
    expect(backup.created?.viaToken).toBe(T.ciDeploy.id);
    const orphan = tokens.get(T.reporting.id)!.flags[0]!;
    expect(orphan.message).toContain('dana.kim@corp.example was deactivated at 2024-06-25');
    expect(tokens.get(T.scimSync.id)!.flags[0]!.message).toContain('5 countries (United States, Germany, France, Japan, Brazil) and 5 networks (AS16509, AS24940');
    for (const t of inv.tokens) for (const f of t.flags) if (f.id !== 'never-used') expect(f.evidence.length, `${t.id} ${f.id}`).toBeGreaterThan(0);
  });

  it('counts each call once although the second export repeats three of them, and reports the copies', () => {
    expect(tokens.get(T.ciDeploy.id)?.calls).toBe(7);
    expect(inv.summary.duplicates).toBe(4);
    expect(inv.inputs.map((i) => i.duplicates)).toEqual([0, 4, 0]);
  });

  it('reads the export with lower-cased keys like the others', () => {
    const scim = tokens.get(T.scimSync.id)!;
    expect(scim.calls).toBe(7);
    expect(scim.addresses.map((a) => a.country)).toEqual(['United States', 'Germany', 'France', 'Japan', 'Brazil']);
    expect(scim.owner?.alternateId).toBe('ann@corp.example');
  });

  it('a token only seen through calls has no name, owner or creation', () => {
    expect(tokens.get(T.callsOnly.id)).toMatchObject({ name: null, owner: null, created: null, calls: 2, lastUsed: '2024-06-29T12:00:00.000Z' });
  });

  it('the name is the latest one, the owner the creator', () => {
    expect(tokens.get(T.legacySync.id)).toMatchObject({ name: 'legacy-sync-v2', owner: { alternateId: 'soren.k@corp.example' } });
  });

  it('sorts by flag severity, then last use', () => {
    expect(inv.tokens.map((t) => t.name ?? t.id)).toEqual([
      'backup-sync', 'ci-deploy', 'reporting', 'scim-sync', 'legacy-sync-v2', 'old-unused', T.callsOnly.id, 'metrics', 'stubborn', 'rotated',
    ]);
  });
});

describe('options', () => {
  it('--min-severity keeps the tokens with a flag that severe, the summary counting those; --fail-on-flags exits 1 for them', async () => {
    const r = await runCli(['tokens', '-f', 'json', '--min-severity', 'medium', '--fail-on-flags', ...INPUTS]);
    expect(r.code).toBe(ExitCode.Findings);
    const inv = JSON.parse(r.stdout) as TokenInventory;
    expect(inv.tokens.map((t) => t.name)).toEqual(['backup-sync', 'ci-deploy', 'reporting', 'scim-sync']);
    expect(inv.summary).toMatchObject({ tokens: 4, flagged: 4, byStatus: { active: 3, revoked: 1, 'revoked-by-okta': 0, 'revoke-failed': 0 } });
    expect(r.stderr).toContain('6 tokens without a flag at or above --min-severity medium not reported');
  });

  it('--fail-on-flags: exit 0 when no reported token carries a flag', async () => {
    expect((await runCli(['tokens', '-q', '--fail-on-flags', 'samples/okta-export-pretty.json'])).code).toBe(ExitCode.Ok);
    expect((await runCli(['tokens', '-q', '--fail-on-flags', 'samples/okta-export.ndjson'])).code).toBe(ExitCode.Findings);
    expect((await runCli(['tokens', '-q', 'samples/okta-export.ndjson'])).code).toBe(ExitCode.Ok);
  });

  it('--max-values caps the lists and counts what was cut; --max-places moves the many-places line', async () => {
    const scim = byId(await inventory(['--max-values', '2', '--max-places', '5'])).get(T.scimSync.id)!;
    expect(scim.addresses).toHaveLength(2);
    expect(scim.omitted).toEqual({ addresses: 3, userAgents: 0, eventTypes: 0 });
    expect(flags(scim)).toEqual([]);
    const ci = byId(await inventory(['--max-values', '1'])).get(T.ciDeploy.id)!;
    expect(Object.keys(ci.eventTypes)).toHaveLength(1);
    expect(ci.flags.every((f) => f.evidence.length <= 1)).toBe(true);
  });

  it('--from counts only the calls after it, but the lifecycle before it still counts', async () => {
    const inv = await inventory(['--from', '2024-06-18T00:00:00Z']);
    const ci = byId(inv).get(T.ciDeploy.id)!;
    expect(ci).toMatchObject({ calls: 3, status: 'revoked', created: { published: '2024-06-01T09:00:00.000Z' } });
    expect(ci.addresses.map((a) => a.ip)).toEqual(['198.51.100.23']);
    // No event of these in the range: not listed.
    for (const t of [T.legacySync, T.oldUnused, T.rotated]) expect(byId(inv).has(t.id), t.name).toBe(false);
  });

  it('--to: the inventory as it stood then (later revocations and calls left out)', async () => {
    const inv = await inventory(['--to', '2024-06-19T00:00:00Z']);
    const ci = byId(inv).get(T.ciDeploy.id)!;
    expect(ci).toMatchObject({ status: 'active', revoked: null, calls: 7 });
    expect(byId(inv).get(T.reporting.id)?.flags).toEqual([]);
    expect(byId(inv).has(T.stubborn.id)).toBe(true);
  });

  it('a range relative to the newest event gives what the same absolute range gives (calls read a second time)', async () => {
    const relative = await runCli(['tokens', '-f', 'json', '--from', '10d', '--stats', ...INPUTS]);
    expect(relative.stderr).toContain('in 2 passes');
    expect(relative.stderr).toContain('time range 2024-06-19T12:00:00.000Z to …');
    const absolute = await inventory(['--from', '2024-06-19T12:00:00.000Z']);
    expect(JSON.parse(relative.stdout)).toEqual(absolute);
    expect(absolute.tokens.length).toBeGreaterThan(3);
  });

  it('two threads, --validate and stdin give the same tokens', async () => {
    const base = (await inventory()).tokens;
    expect((await inventory(['--threads', '2', '--parallel-min-mb', '0'])).tokens).toEqual(base);
    expect((await inventory(['--validate'])).tokens).toEqual(base);
    const stdin = await runCli(['tokens', '-f', 'json', '-'], { stdin: readFileSync(INPUTS[0]!) });
    expect((JSON.parse(stdin.stdout) as TokenInventory).tokens).toEqual((await inventory([], [INPUTS[0]!])).tokens);
  });

  it('-o writes the report to a file once complete, and refuses an input', async () => {
    const out = join(dir, 'tokens.csv');
    const r = await runCli(['tokens', '-f', 'csv', '-o', out, ...INPUTS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^token_id,token_name,status,/);
    expect(r.stderr).toContain('10 tokens (7 active, 1 revoked, 1 revoked by Okta, 1 revoke failed; 6 flagged) in 50 events from 3 inputs (4 duplicates skipped)');
    expect((await runCli(['tokens', '-o', INPUTS[0]!, ...INPUTS])).code).toBe(ExitCode.Usage);
  });

  it('the table is the default on a terminal, ndjson otherwise', async () => {
    expect((await runCli(['tokens', 'samples/okta-export.ndjson'], { tty: true })).stdout).toContain('"active" only means');
    expect(JSON.parse((await runCli(['tokens', 'samples/okta-export.ndjson'])).stdout.split('\n')[0]!)).toMatchObject({ kind: 'token' });
  });
});

describe('errors', () => {
  it.each([
    [['--max-values', '0']],
    [['--max-places', '-1']],
    [['--format', 'timesketch']],
    [['--from', '2024-06-01T10:00']],
    [['--no-such-option']],
  ])('%j is a usage error (exit 2)', async (args) => {
    const r = await runCli(['tokens', ...args, INPUTS[0]!]);
    expect(r.code).toBe(ExitCode.Usage);
    expect(r.stderr).toContain("Run 'okta-revoke-scan tokens --help' for usage.");
  });

  it('`tokens` after an option is a usage error that says where it goes', async () => {
    const r = await runCli(['-q', 'tokens', INPUTS[0]!]);
    expect(r.code).toBe(ExitCode.Usage);
    expect(r.stderr).toContain('the tokens command comes first');
  });

  it('an input with no JSON in it is exit 3, the others are still reported; a missing one stops the run', async () => {
    const garbage = join(dir, 'garbage.ndjson');
    writeFileSync(garbage, 'no export here\n');
    const r = await runCli(['tokens', '-f', 'json', garbage, 'samples/okta-export.ndjson']);
    expect(r.code).toBe(ExitCode.Input);
    const inv = JSON.parse(r.stdout) as TokenInventory;
    expect(inv.tokens).toHaveLength(2);
    expect(inv.inputs[0]!.error).toContain('not a JSON export');
    expect((await runCli(['tokens', join(dir, 'missing.ndjson')])).code).toBe(ExitCode.Input);
  });

  it('--strict: a bad record is exit 3 and no report', async () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${readFileSync('samples/okta-export.ndjson', 'utf8')}{"not json\n`);
    const r = await runCli(['tokens', '--strict', bad]);
    expect(r.code).toBe(ExitCode.Input);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 input problem');
  });

  it('no tokens: a table that says so', async () => {
    const empty = join(dir, 'none.ndjson');
    writeFileSync(empty, `${readFileSync('samples/okta-export.ndjson', 'utf8').split('\n')[0]}\n`);
    const r = await runCli(['tokens', empty], { tty: true });
    expect(r.stdout).toBe('No API tokens found in 1 event from 1 file.\n');
  });
});
