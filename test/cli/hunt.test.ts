// CLI: --rules, --hunt in every format, broken and unsupported rules, --strict-rules, placeholders, notes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { stripAnsi } from '../helpers/ansi.js';
import { publicSample } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const SAMPLE = 'samples/okta-export.ndjson';
const STYLE = 'test/fixtures/rules/sigmahq-style';
const MIXED = 'test/fixtures/rules/mixed';
const WATCHLIST = 'test/fixtures/rules/placeholders/okta_sign_in_by_watchlisted_user.yml';
const RATE_LIMITS = publicSample('panther-analysis/rules__okta_rules__okta_rate_limits.ndjson');
const LEGACY_RULE = `${STYLE}/okta_rate_limit_violation_legacy_fields.yml`;
const dir = mkdtempSync(join(tmpdir(), 'ors-hunt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rec = Record<string, unknown> & { kind: string; published: string; id: string; rules: { title: string }[] };
/** NDJSON records but the incident summaries, which come first. */
const lines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec).filter((r) => r.kind !== 'incident');
const titles = (r: { rules: { title: string }[] }) => r.rules.map((x) => x.title);

describe('--rules', () => {
  it('keeps the revocation findings and marks window events with the rules they matched', async () => {
    const plain = await runCli([SAMPLE]);
    const r = await runCli(['--rules', STYLE, SAMPLE]);
    expect(r.code).toBe(0);
    const findings = lines(r.stdout);
    expect(findings.map((f) => f.id)).toEqual(lines(plain.stdout).map((f) => f.id));
    expect(findings.every((f) => f.kind === 'revocation')).toBe(true);
    const events = (findings[0]!.window as { events: { eventType: string; detections: { title: string }[] }[] }).events;
    expect(events.every((e) => Array.isArray(e.detections))).toBe(true);
    expect(events.find((e) => e.eventType === 'user.mfa.factor.reset_all')!.detections.map((d) => d.title)).toEqual([
      'Okta Activity Through an Anonymising Proxy',
      'Okta MFA Factor Removed or Reset',
    ]);
    expect(r.stderr).toContain('okta-revoke-scan: 25 rules loaded from --rules (and 2 built-in)\n');
    expect(r.stderr).not.toContain('pre-filter'); // only --hunt runs rules on every record
  });

  it('signals take the rules into account: a rule-match signal cites the window events they matched', async () => {
    const r = await runCli(['--rules', STYLE, SAMPLE]);
    interface Sig { id: string; severity: string; message: string; evidence: string[] }
    interface W { events: { uuid: string; eventType: string; detections: unknown[] }[] }
    const [first] = lines(r.stdout) as unknown as { signals: Sig[]; window: W }[];
    const hit = first!.signals.find((s) => s.id === 'rule-match')!;
    const matched = first!.window.events.filter((e) => e.detections.length > 0 && e.eventType !== 'system.api_token.revoke').map((e) => e.uuid);
    expect(matched.length).toBeGreaterThan(0);
    expect(hit.evidence).toEqual(matched);
    expect(hit.message).toMatch(/Okta MFA Factor Removed or Reset ×\d+ \(\w+\)/);
    // without --rules: the same window, no rule-match signal
    const [plain] = lines((await runCli([SAMPLE])).stdout) as unknown as { signals: Sig[] }[];
    expect(plain!.signals.some((s) => s.id === 'rule-match')).toBe(false);
  });

  it('takes several --rules; a path that does not exist is a usage error', async () => {
    const r = await runCli(['--rules', STYLE, '--rules', WATCHLIST, '--placeholder', 'watchlist=x', '--format', 'json', SAMPLE]);
    expect(r.stderr).toContain('26 rules loaded from --rules');
    const missing = await runCli(['--rules', 'no/such/dir', SAMPLE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('okta-revoke-scan: --rules no/such/dir: no such file or folder\n');
    expect(missing.stdout).toBe('');
  });

  it('--no-builtin-rules runs only the given rules, and needs some', async () => {
    const r = await runCli(['--no-builtin-rules', '--rules', STYLE, '--hunt', SAMPLE]);
    expect(r.code).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.some((x) => x.kind === 'revocation')).toBe(false);
    expect(recs.every((x) => !titles(x).some((t) => t.startsWith('Okta API Token Revoked')))).toBe(true);
    expect(r.stderr).toContain('25 rules loaded from --rules\n');
    const none = await runCli(['--no-builtin-rules', SAMPLE]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--no-builtin-rules leaves no rules to run: give --rules PATH/);
  });
});

describe('--hunt', () => {
  it('NDJSON: detections and revocations as lines, in time order', async () => {
    const r = await runCli(['--rules', STYLE, '--hunt', SAMPLE]);
    expect(r.code).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.filter((x) => x.kind === 'revocation')).toHaveLength(3);
    const detections = recs.filter((x) => x.kind === 'detection');
    expect(detections).toHaveLength(10);
    const keys = recs.map((x) => `${x.published} ${x.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(detections[0]!)).toEqual(['schemaVersion', 'kind', 'id', 'published', 'rules', 'eventType', 'actor', 'client', 'outcome', 'targets', 'event']);
    expect(detections.find((d) => d.eventType === 'user.account.privilege.grant')).toMatchObject({
      schemaVersion: 1,
      rules: [{ title: 'Okta Administrator Role Granted to a User or Group', level: 'medium' }, { title: 'Okta Activity Through an Anonymising Proxy', level: 'low' }],
      actor: { alternateId: 'ann@corp.example' },
      client: { ipAddress: '198.51.100.23', country: 'Romania' },
      outcome: 'SUCCESS',
      targets: [{ type: 'User', alternateId: 'jorg.weiss@corp.example' }],
    });
    expect(recs.some((x) => x.kind === 'detection' && x.eventType === 'system.api_token.revoke')).toBe(false);
    expect(r.stderr).toContain('3 revocations and 10 detections in 46 events from 1 input');
  });

  it('JSON: a detections array after the findings, and counts per rule', async () => {
    const r = await runCli(['--format', 'json', '--rules', STYLE, '--hunt', SAMPLE]);
    const doc = JSON.parse(r.stdout) as { summary: Record<string, unknown>; findings: unknown[]; detections: Rec[] };
    expect(Object.keys(doc).slice(-2)).toEqual(['findings', 'detections']);
    expect(doc.detections).toHaveLength(10);
    expect(doc.summary.detections).toBe(10);
    expect(Object.values(doc.summary.detectionsByRule as Record<string, number>).reduce((a, b) => a + b)).toBe(
      doc.detections.reduce((n, d) => n + d.rules.length, 0),
    );
  });

  it('table: a Detections table after the windows, rules in the timelines, counts in the summary', async () => {
    const r = await runCli(['--format', 'table', '--rules', STYLE, '--hunt', SAMPLE], { columns: 200 });
    const out = stripAnsi(r.stdout);
    expect(out).toContain('\nDetections (10)\nBy rule:  ');
    expect(out.indexOf('Detections (10)')).toBeGreaterThan(out.lastIndexOf('Activity window'));
    expect(out).toMatch(/│ Rules +│\n/);
    expect(out).toMatch(/│ user\.mfa\.factor\.reset_all +│ .*│ MFA Factor Removed or Reset \+1 +│/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 file, 46 events, 0 duplicates, 0 diagnostics, 3 findings, 10 detections');
  });

  it('says which rules make it parse every record', async () => {
    const r = await runCli(['--rules', STYLE, '--hunt', SAMPLE]);
    expect(r.stderr).toContain(
      'okta-revoke-scan: 1 rule has no literal value for the byte pre-filter, so --hunt parses every record (several times slower on large exports, like --validate): "Okta Activity Through an Anonymising Proxy" (okta_any_activity_via_anonymising_proxy.yml)\n',
    );
  });

  it('with only the built-in rules reports no detections (every matched event is a revocation)', async () => {
    const r = await runCli(['--format', 'json', '--hunt', SAMPLE]);
    const doc = JSON.parse(r.stdout) as { findings: unknown[]; detections: unknown[] };
    expect([doc.findings.length, doc.detections.length]).toEqual([3, 0]);
  });

  it('reads a file with lowercase keys using a rule with lowercase field names (older SigmaHQ style)', async () => {
    const r = await runCli(['--no-builtin-rules', '--rules', LEGACY_RULE, '--hunt', RATE_LIMITS]);
    expect(r.code).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.map((x) => [x.eventType, x.published, titles(x)])).toEqual([
      ['application.integration.rate_limit_exceeded', '2022-06-10T17:19:58.423Z', ['Okta Rate Limit Violation']],
      ['system.operation.rate_limit.violation', '2022-08-29T16:07:26.592Z', ['Okta Rate Limit Violation']],
    ]);
    expect(r.stderr).toContain('; 1 repeated event skipped'); // the violation is in the file twice
  });

  it('gives the same answer with one and two threads (built CLI, real worker)', async () => {
    const big = join(dir, 'big.ndjson');
    await generate({ out: big, format: 'ndjson', events: 6000, revocations: 12, seed: 7, days: 3, manifest: false });
    const scan = (threads: string) =>
      execFileSync('node', ['bin/okta-revoke-scan.js', '--format', 'json', '--threads', threads, '--parallel-min-mb', '0', '--rules', STYLE, '--hunt', big], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const one = scan('1');
    expect(scan('2')).toBe(one);
    expect((JSON.parse(one) as { summary: { detections: number } }).summary.detections).toBeGreaterThan(20);
  });
});

describe('rules that cannot be used', () => {
  it('are named with file, title and problem; the other rules still run', async () => {
    const r = await runCli(['--rules', MIXED, '--hunt', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`okta-revoke-scan: rule error, rule skipped: ${MIXED}/nested/okta_broken_modifier.yaml: "Okta Broken Modifier": unknown modifier 'foo' in selection 'sel'\n`);
    expect(r.stderr).toContain(`okta-revoke-scan: not supported, rule skipped: ${MIXED}/nested/okta_correlation.yml: "Many Okta API Tokens Revoked": correlation rules are not supported`);
    expect(r.stderr).toContain('okta-revoke-scan: skipped 2 rules whose logsource is not Okta: "Windows Rule In An Okta File" (okta_multi_document.yml), "Whoami Execution" (windows_whoami.yml)\n');
    const recs = lines(r.stdout);
    expect(recs.filter((x) => x.kind === 'detection').map((x) => titles(x))).toEqual([
      ['Okta User Created (Multi-Document Fixture)'],
      ['Okta User Deactivated (Repeated Fixture)'],
    ]);
  });

  it('--strict-rules makes them fatal: exit 2, nothing scanned', async () => {
    const r = await runCli(['--rules', MIXED, '--strict-rules', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^okta-revoke-scan: not supported: .*okta_correlation\.yml: "Many Okta API Tokens Revoked": correlation rules are not supported/),
      expect.stringMatching(/^okta-revoke-scan: rule error: .*okta_broken_modifier\.yaml: "Okta Broken Modifier": unknown modifier 'foo'/),
      expect.stringMatching(/^okta-revoke-scan: rule error: .*okta_invalid_yaml\.yml: invalid YAML/),
      expect.stringMatching(/^okta-revoke-scan: rule error: .*okta_repeated_id\.yml: "Okta Rule With A Duplicate Id": duplicate rule id/),
      'okta-revoke-scan: --strict-rules: 4 rules cannot be used; nothing scanned',
    ]);
    expect((await runCli(['--rules', STYLE, '--strict-rules', SAMPLE])).code).toBe(0);
  });

  it('-q hides the notes but not what --strict-rules makes fatal', async () => {
    expect((await runCli(['-q', '--rules', MIXED, '--hunt', SAMPLE])).stderr).toBe('');
    const strict = await runCli(['-q', '--rules', MIXED, '--strict-rules', SAMPLE]);
    expect(strict.stderr).toMatch(/rule error: .*okta_broken_modifier/);
  });
});

describe('placeholders', () => {
  const sessions = (out: string) => lines(out).filter((x) => x.kind === 'detection').map((x) => (x.actor as { alternateId: string }).alternateId);

  it('an unresolved placeholder is a rule error with a hint; the rule does not run', async () => {
    const r = await runCli(['--rules', WATCHLIST, '--hunt', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`rule error, rule skipped: ${WATCHLIST}: "Okta Sign-In by a Watchlisted User": unresolved placeholder '%watchlist%' (no values given for it) in selection 'selection'\n`);
    expect(r.stderr).toContain('okta-revoke-scan: give placeholder values with --placeholder NAME=VALUE (repeatable) or --placeholders FILE\n');
    expect(sessions(r.stdout)).toEqual([]);
    expect((await runCli(['--rules', WATCHLIST, '--strict-rules', SAMPLE])).code).toBe(2);
  });

  it('--placeholder name=value, repeated for more values (Sigma wildcards allowed)', async () => {
    const r = await runCli(['--rules', WATCHLIST, '--placeholder', 'watchlist=dana.kim@corp.example', '--placeholder', 'watchlist=chloe*', '--hunt', SAMPLE]);
    expect(r.code).toBe(0);
    expect(sessions(r.stdout)).toEqual(['dana.kim@corp.example', 'chloe.martin@corp.example', 'dana.kim@corp.example']);
  });

  it('--placeholders FILE, which --placeholder overrides name by name', async () => {
    const file = 'test/fixtures/rules/placeholders/values.json';
    expect(sessions((await runCli(['--rules', WATCHLIST, '--placeholders', file, '--hunt', SAMPLE])).stdout)).toEqual(['dana.kim@corp.example', 'dana.kim@corp.example']);
    const both = await runCli(['--rules', WATCHLIST, '--placeholders', file, '--placeholder', 'watchlist=jorg*', '--hunt', SAMPLE]);
    expect(sessions(both.stdout)).toEqual(['jorg.weiss@corp.example', 'jorg.weiss@corp.example']);
  });

  it('a bad placeholder option is a usage error', async () => {
    const bad = await runCli(['--rules', WATCHLIST, '--placeholder', 'watchlist', SAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--placeholder takes name=value (got 'watchlist')");
    const file = join(dir, 'bad.yml');
    writeFileSync(file, '- just\n- a list\n');
    const badFile = await runCli(['--rules', WATCHLIST, '--placeholders', file, SAMPLE]);
    expect(badFile.code).toBe(2);
    expect(badFile.stderr).toContain(`--placeholders ${file}: expected a mapping of placeholder names to lists of values`);
  });
});
