// Outputs keep the triage (issue 17): CSV and Timesketch carry severity, signals and evidence; calls made with a token say so; rules by title.
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../helpers/ansi.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';
const GRANT = '36c381ad-daf7-11ee-9a71-bcc300292e2f'; // user.account.privilege.grant made with ci-deploy from 198.51.100.23
const BEN = '85645566-db0b-11ee-84f3-e06ddbffc293'; // the failed revocation attempt

describe('CSV', () => {
  it("every row carries the finding's severity and signals, the token a call was made with, and the event's evidence", async () => {
    const rows = parseCsv((await runCli(['--format', 'csv', PLAIN])).stdout);
    const [header, ...body] = rows;
    expect(header!.slice(-5)).toEqual(['severity', 'signals', 'via_token', 'evidence', 'evidence_signals']);
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    const grant = body.find((r) => col(r, 'event_uuid') === GRANT && col(r, 'finding_id') === BEN)!;
    expect(col(grant, 'actor')).toBe('ann@corp.example');
    expect(col(grant, 'via_token')).toBe('ci-deploy');
    expect(col(grant, 'severity')).toBe('high');
    expect(col(grant, 'signals')!.split('; ')).toContain('privileged-action');
    expect(col(grant, 'evidence')).toBe('high');
    expect(col(grant, 'evidence_signals')!.split('; ')[0]).toBe('privileged-action');
    // Ben's own sign-in: no token, not evidence.
    const signIn = body.find((r) => col(r, 'finding_id') === BEN && col(r, 'event_type') === 'user.session.start')!;
    expect([col(signIn, 'via_token'), col(signIn, 'evidence'), col(signIn, 'evidence_signals')]).toEqual(['', '', '']);
  });

  it('without windows a finding has one row, no severity', async () => {
    const rows = parseCsv((await runCli(['--format', 'csv', '--no-window', PLAIN])).stdout);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(-5)).toEqual(['', '', '', '', '']);
  });
});

describe('Timesketch', () => {
  const lines = async () => (await runCli(['--format', 'timesketch', PLAIN])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { message: string; tag: string[] });

  it('a failed revocation reads as a failed attempt; a revocation line carries severity and signals', async () => {
    const ben = (await lines()).find((l) => l.okta_uuid === BEN)!;
    expect(ben.message).toBe('API token ci-deploy (00Tci7dPlY3kT9wQx5d7): revocation attempt failed (FAILURE), by user ben.baker@corp.example');
    expect(ben.severity).toBe('high');
    expect(ben.signals).toContain('privileged-action');
    const ann = (await lines()).find((l) => l.okta_uuid === '01a9b118-db0c-11ee-b1db-096433da01fe')!;
    expect(ann.message).toBe('API token ci-deploy (00Tci7dPlY3kT9wQx5d7) revoked by user ann@corp.example: SUCCESS');
  });

  it('a call made with a token says so; evidence is a field and a tag', async () => {
    const grant = (await lines()).find((l) => l.okta_uuid === GRANT)!;
    expect(grant.message).toBe('Grant user privilege (user.account.privilege.grant) by ann@corp.example via ci-deploy from 198.51.100.23');
    expect(grant).toMatchObject({ via_token_id: '00Tci7dPlY3kT9wQx5d7', via_token_name: 'ci-deploy', finding_severity: 'high', evidence: 'high' });
    expect(grant.tag).toEqual(expect.arrayContaining(['evidence:high', 'signal:privileged-action']));
    expect(grant.tag.indexOf('evidence:high')).toBeGreaterThan(grant.tag.indexOf('link:ip'));
  });
});

describe('table and JSON', () => {
  it('the timeline shows a call made with a token as made with it; rules are named by title, not repeated per row', async () => {
    const out = stripAnsi((await runCli(['--format', 'table', PLAIN])).stdout);
    expect(out).toMatch(/user\.account\.privilege\.grant +│ ann@corp\.example via ci-deploy +│/);
    expect(out).toMatch(/user\.lifecycle\.create +│ ann@corp\.example via backup-sync +│/);
    expect(out).toContain('Rules:  Okta API Token Revoked 3 · Okta API Token Revoked by User 3');
    expect(out.split('\n')[1]).not.toMatch(/Rules/);
  });

  it('window events name the token a call was made with', async () => {
    const doc = JSON.parse((await runCli(['--format', 'json', PLAIN])).stdout) as { findings: { window: { events: { uuid: string; requestApiToken: unknown }[] } }[] };
    const events = doc.findings[0]!.window.events;
    expect(events.find((e) => e.uuid === GRANT)!.requestApiToken).toEqual({ id: '00Tci7dPlY3kT9wQx5d7', name: 'ci-deploy' });
    expect(events.filter((e) => e.requestApiToken === null).length).toBeGreaterThan(0);
  });
});
