// Triage signals end to end on the two sample stories, and the signal options of the command line.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/options.js';
import { runCli } from '../helpers/run-cli.js';

interface Sig { id: string; severity: string; message: string; evidence: string[] }
interface F { id: string; token: { name: string }; severity: string; signals: Sig[] }

async function findings(...argv: string[]): Promise<F[]> {
  const r = await runCli(['--format', 'json', ...argv]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: F[] }).findings;
}

const sig = (f: F, id: string) => f.signals.find((s) => s.id === id);

const ROMANIA_CALLS = ['d905db9e-daf6-11ee-b2e3-3ee96340ea6b', '36c381ad-daf7-11ee-9a71-bcc300292e2f', '6d5143b8-daf7-11ee-ad50-08640324e2e7', 'cef71fbc-daf7-11ee-af54-c5ecee8f550c'];

describe('signals on the samples', () => {
  it('the stolen ci-deploy token comes out high: new country, admin grant, MFA reset, persistence token', async () => {
    const [, annRevokes, backup] = await findings('samples/okta-export.ndjson');
    expect(annRevokes!.token.name).toBe('ci-deploy');
    expect(annRevokes!.severity).toBe('high');
    expect(sig(annRevokes!, 'new-country')).toMatchObject({ severity: 'medium', evidence: ROMANIA_CALLS });
    for (const id of ['new-ip', 'new-asn', 'new-user-agent']) expect(sig(annRevokes!, id)?.evidence).toEqual(ROMANIA_CALLS);
    const priv = sig(annRevokes!, 'privileged-action')!;
    expect(priv.severity).toBe('high');
    // grant, MFA reset and persistence token with the token; the backdoor user from its address
    expect(priv.evidence).toEqual([...ROMANIA_CALLS.slice(1), '6c75e24d-daf8-11ee-9d84-ac94b4f28ba2']);
    expect(sig(annRevokes!, 'okta-threat')?.evidence).toContain('8433a449-daf9-11ee-91f4-2f2f424bb543'); // Dana, risk HIGH
    expect(annRevokes!.signals[0]!.id).toBe('privileged-action');
    // backup-sync was made by the stolen token: persistence, and no earlier use to compare with
    expect(backup!.severity).toBe('high');
    expect(sig(backup!, 'privileged-action')?.evidence).toContain('cef71fbc-daf7-11ee-af54-c5ecee8f550c');
    expect(sig(backup!, 'no-baseline')?.severity).toBe('info');
  });

  it('the idle legacy-sync token revoked by Okta comes out info: consistent with automatic expiry', async () => {
    const [f] = await findings('samples/okta-export-pretty.json');
    expect(f!.severity).toBe('info');
    expect(f!.signals.map((s) => [s.id, s.severity])).toEqual([['dormant-token', 'info']]);
  });

  it('--min-severity keeps only the findings at that level or above', async () => {
    const all = await findings('samples/');
    expect(all.map((f) => f.severity)).toEqual(['info', 'high', 'high', 'high']);
    const high = await findings('--min-severity', 'high', 'samples/');
    expect(high.map((f) => f.id)).toEqual(all.slice(1).map((f) => f.id));
    const r = await runCli(['--min-severity', 'medium', '--fail-on-findings', 'samples/okta-export-pretty.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 revocation below --min-severity medium not reported');
  });

  it('--no-window: no signals and no severity', async () => {
    const [f] = await findings('--no-window', 'samples/okta-export-pretty.json');
    expect(f).not.toHaveProperty('signals');
    expect(f).not.toHaveProperty('severity');
  });
});

describe('signal options', () => {
  const parse = async (...argv: string[]) => {
    const r = await parseArgs(argv, '0.0.0', 100);
    if (r.kind !== 'run') throw new Error('printed');
    return r.options;
  };

  it('defaults: 30 days of history, burst at 10 calls and 5×, no severity filter', async () => {
    const o = await parse('x.ndjson');
    expect(o.signals).toEqual({ baseline: 30 * 86_400_000, burstFactor: 5, burstMin: 10 });
    expect(o.minSeverity).toBeNull();
  });

  it('reads the options', async () => {
    const o = await parse('--baseline', '7d', '--burst-factor', '2.5', '--burst-min', '3', '--min-severity', 'low', 'x');
    expect(o.signals).toEqual({ baseline: 7 * 86_400_000, burstFactor: 2.5, burstMin: 3 });
    expect(o.minSeverity).toBe('low');
  });

  it('rejects bad values', async () => {
    await expect(parse('--min-severity', 'critical', 'x')).rejects.toThrow(/min-severity/);
    await expect(parse('--burst-min', '0', 'x')).rejects.toThrow('--burst-min takes a whole number of at least 1');
    await expect(parse('--burst-factor', '-1', 'x')).rejects.toThrow('--burst-factor takes a number above 0');
    await expect(parse('--baseline', 'soon', 'x')).rejects.toThrow(/--baseline takes a duration/);
    await expect(parse('--no-window', '--min-severity', 'high', 'x')).rejects.toThrow(/needs activity windows/);
  });
});
