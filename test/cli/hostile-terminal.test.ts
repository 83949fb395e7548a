// Untrusted log text on a terminal: ANSI escapes, CR and bidi overrides in user agents, names and targets are shown escaped, never raw.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Escape sequences and characters an attacker can put in a user agent, a display name or a target name. */
const ANSI_CLEAR = '\u001b[2J';
const OSC_TITLE = '\u001b]0;pwned\u0007';
const CR = '\r';
const RLO = '\u202e';
const hostile = (s: string) => `${s}${ANSI_CLEAR}${CR}${RLO}fdp.exe${OSC_TITLE}\u009b31m`;

const TOKEN = '00Tev1l0000000000001';
const OWNER = { id: '00uOwner000000000001', type: 'User', alternateId: 'owner@corp.example', displayName: hostile('Owner') };
const client = (ip: string) => ({ ipAddress: ip, userAgent: { rawUserAgent: hostile('curl/8.0') }, geographicalContext: { city: hostile('City'), country: 'Romania' } });

const events = [
  {
    uuid: 'e1', published: '2024-05-01T10:00:00.000Z', eventType: 'system.api_token.create', displayMessage: 'Create API token',
    actor: OWNER, client: client('198.51.100.1'), outcome: { result: 'SUCCESS' },
    target: [{ id: TOKEN, type: 'Token', alternateId: 'unknown', displayName: hostile('token') }],
  },
  {
    uuid: 'e2', published: '2024-05-01T11:00:00.000Z', eventType: 'user.lifecycle.create', displayMessage: hostile('Create user'),
    actor: OWNER, client: client('198.51.100.1'), outcome: { result: 'SUCCESS' },
    transaction: { detail: { requestApiTokenId: TOKEN } },
    target: [{ id: '00uT', type: 'User', alternateId: 'x@corp.example', displayName: hostile('Target') }],
  },
  {
    uuid: 'e3', published: '2024-05-01T12:00:00.000Z', eventType: 'system.api_token.revoke', displayMessage: 'Revoke API token',
    actor: { id: '00uRevoker0000000001', type: 'User', alternateId: hostile('rev@corp.example'), displayName: hostile('Revoker') },
    client: client('198.51.100.2'), outcome: { result: 'SUCCESS' },
    target: [{ id: TOKEN, type: 'Token', alternateId: 'unknown', displayName: hostile('token') }],
  },
];

/** Outside every window: only --hunt reports it (the Detections table). */
const huntOnly = {
  uuid: 'e4', published: '2024-04-01T08:00:00.000Z', eventType: 'user.lifecycle.create', displayMessage: hostile('Create user'),
  actor: { id: '00uX', type: 'User', alternateId: hostile('x@corp.example'), displayName: hostile('X') },
  client: client('198.51.100.9'), outcome: { result: hostile('SUCCESS') },
  target: [{ id: '00uT2', type: 'User', alternateId: 'y@corp.example', displayName: hostile('Target2') }],
};

const dir = mkdtempSync(join(tmpdir(), 'ors-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'hostile.ndjson');
writeFileSync(input, [...events, huntOnly].map((e) => JSON.stringify(e)).join('\n') + '\n');
const rule = join(dir, 'user-created.yml');
writeFileSync(
  rule,
  `title: User Created \u001b[31m
id: 0b7b2c9e-1d4f-4a51-9a63-1c2d3e4f5a6b
status: test
logsource:
    product: okta
    service: okta
detection:
    selection:
        eventType: user.lifecycle.create
    condition: selection
level: high
`,
);

/** Raw characters that must never come from the log: ESC, 8-bit CSI, CR, bidi override. */
const RAW = /[\u001b\u009b\r\u202e]/;
/** The colour codes chalk itself writes (SGR only). */
const SGR = /\u001b\[[0-9;]*m/g;

describe('hostile log text in the table', () => {
  const layouts = [
    ['wide terminal', { tty: true, columns: 240 }],
    ['narrow terminal (block lists)', { tty: true, columns: 40 }],
    ['width unknown', { tty: false }],
  ] as const;

  it.each(layouts)('%s, no colour: nothing raw, every hostile value shown escaped', async (_name, layout) => {
    const r = await runCli(['-f', 'table', '--limit', '0', input], { ...layout, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\u202e');
    if (layout.tty && layout.columns === 240) {
      for (const escaped of ['curl/8.0\\x1b[2J\\r\\u202efdp.exe', 'Revoker\\x1b', 'Target\\x1b', 'Owner\\x1b', 'token\\x1b']) {
        expect(r.stdout).toContain(escaped);
      }
    }
  });

  it.each(layouts)('%s, with colour: only chalk colour codes, nothing raw from the log', async (_name, layout) => {
    const r = await runCli(['-f', 'table', '--color', '--limit', '0', input], layout);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(SGR);
    expect(r.stdout.replace(SGR, '')).not.toMatch(RAW);
  });

  it.each(layouts)('%s, with --hunt: the Rules column and the Detections table escape too', async (_name, layout) => {
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
      const r = await runCli(['-f', 'table', '--limit', '0', '--rules', rule, '--hunt', input], { ...layout, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Detections/);
      expect(r.stdout).toMatch(/User Created/);
      expect(r.stdout.replace(SGR, '')).not.toMatch(RAW);
      expect(r.stderr.replace(SGR, '')).not.toMatch(RAW);
    }
  });

  it('no line of the table is wider than the terminal', async () => {
    const r = await runCli(['-f', 'table', '--limit', '0', input], { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points, as a terminal does, not UTF-16 units
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
  });

  it('stderr escapes hostile file names and parser messages too', async () => {
    const folder = join(dir, 'evidence');
    mkdirSync(folder);
    writeFileSync(join(folder, `evil${ANSI_CLEAR}${RLO}.ndjson`), '{"uuid": broken\n');
    const r = await runCli(['--validate', folder]);
    expect(r.stderr).toContain('evil\\x1b[2J\\u202e.ndjson');
    expect(r.stderr).not.toMatch(RAW);
  });
});
