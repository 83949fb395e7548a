// One view of the incident (issue 17): the incident summary in the table, the JSON document and NDJSON, golden for both samples.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../helpers/ansi.js';
import { runCli } from '../helpers/run-cli.js';
import { schemaErrors, validateFinding } from '../helpers/schema.js';

const SAMPLES = 'samples';
const GOLDEN = 'test/golden/samples';
const update = process.env.UPDATE_GOLDEN === '1';
const samples = readdirSync(SAMPLES).filter((f) => /\.(json|ndjson)$/.test(f)).sort();

interface Incident { kind: string; id: string; revocations: string[]; addresses: { ip: string; events: number; windows: number; tokens: string[]; actors: string[] }[] }

describe('golden incident summary', () => {
  it.each(samples)('%s', async (name) => {
    const r = await runCli(['--format', 'json', join(SAMPLES, name)]);
    expect(r.code, r.stderr).toBe(0);
    const incidents = (JSON.parse(r.stdout) as { incidents: Incident[] }).incidents;
    const path = join(GOLDEN, `${name}.incidents.json`);
    const text = JSON.stringify(incidents, null, 2) + '\n';
    if (update) writeFileSync(path, text);
    else if (!existsSync(path)) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run once and review it`);
    expect(text).toBe(readFileSync(path, 'utf8'));
    for (const i of incidents) expect(validateFinding(i), schemaErrors(validateFinding.errors)).toBe(true);
  });
});

describe('the stolen CI token sample as one incident', () => {
  it('groups the three revocations and tells the attacker address story', async () => {
    const r = await runCli(['--format', 'json', join(SAMPLES, 'okta-export.ndjson')]);
    const [incident, ...more] = (JSON.parse(r.stdout) as { incidents: Incident[] }).incidents;
    expect(more).toEqual([]);
    expect(incident!.revocations).toHaveLength(3);
    // samples/README: "In total, 9 events come from 198.51.100.23" — with both tokens and Dana Kim.
    expect(incident!.addresses[0]).toMatchObject({ ip: '198.51.100.23', events: 9, windows: 3, tokens: ['00Tbk5yN3cR8mL2vZ5d7', '00Tci7dPlY3kT9wQx5d7'], actors: ['ann@corp.example', 'dana.kim@corp.example'] });
  });

  it('NDJSON writes the incident first, as kind "incident"; the table shows it before the windows', async () => {
    const nd = (await runCli(['--format', 'ndjson', join(SAMPLES, 'okta-export.ndjson')])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(nd.map((x) => x.kind)).toEqual(['incident', 'revocation', 'revocation', 'revocation']);
    const table = stripAnsi((await runCli(['--format', 'table', join(SAMPLES, 'okta-export.ndjson')], { tty: true, columns: 120 })).stdout);
    const at = table.indexOf('Incident 1 of 1: 3 revocations, 23 events');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(table.indexOf('Activity window 1 of 3'));
    expect(table).toMatch(/Addresses +198\.51\.100\.23 \(Bucharest, Romania, AS9009 m247, proxy\) 9 events in 3 windows/);
    for (const l of table.split('\n')) expect(l.length).toBeLessThanOrEqual(120);
  });

  it('no windows, no incidents; --min-severity keeps an incident while one of its revocations is reported', async () => {
    const none = JSON.parse((await runCli(['--format', 'json', '--no-window', join(SAMPLES, 'okta-export.ndjson')])).stdout) as Record<string, unknown>;
    expect(none.incidents).toBeUndefined();
    const high = JSON.parse((await runCli(['--format', 'json', '--min-severity', 'high', join(SAMPLES, 'okta-export.ndjson'), join(SAMPLES, 'okta-export-pretty.json')])).stdout) as { incidents: Incident[] };
    expect(high.incidents.map((i) => i.revocations.length)).toEqual([3]);
  });
});
