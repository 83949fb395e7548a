// The timeline at 80, 100, 120 and 160 columns, end to end: which cells may be cut and which never are.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/report/table/width.js';
import { fitBoxed, type TimelineDemand } from '../../../src/report/table/timeline-layout.js';
import { stripAnsi } from '../../helpers/ansi.js';
import { runCli } from '../../helpers/run-cli.js';

const PLAIN = 'samples/okta-export.ndjson';

interface WindowEvent { published: string; eventType: string; client: { ipAddress: string | null }; requestApiToken: { name: string | null } | null }
const report = async () =>
  JSON.parse((await runCli(['--format', 'json', PLAIN])).stdout) as { findings: { token: { id: string }; window: { events: WindowEvent[] } }[] };

async function table(columns: number): Promise<string> {
  const r = await runCli(['--format', 'table', '--limit', '0', PLAIN], { tty: true, columns, env: { NO_COLOR: '1' } });
  expect(r.code).toBe(0);
  return stripAnsi(r.stdout);
}

/** `text` shown cut: a proper prefix of it (of 5 characters at least, shorter ones are everywhere) followed by `…`. */
const cutForms = (text: string) => Array.from({ length: text.length - 1 }, (_, i) => `${text.slice(0, i + 1)}…`).filter((c) => c.length > 5);

describe.each([80, 100, 120, 160])('at %i columns', (columns) => {
  it('no line is wider than the terminal; token ids are never cut; the timeline is a table', async () => {
    const out = await table(columns);
    for (const l of out.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
    const { findings } = await report();
    for (const f of findings) {
      expect(out).toContain(f.token.id);
      for (const cut of cutForms(f.token.id)) expect(out).not.toContain(cut);
    }
    // A table: one header per window, never `Event type: …` blocks.
    expect(out.match(/Time \(UTC\)/g)!.length).toBeGreaterThanOrEqual(3);
    expect(out).not.toMatch(/^Event type: /m);
  });

  it.runIf(columns >= 100)('event type, time, links, address and the token a call was made with are never cut', async () => {
    const out = await table(columns);
    const { findings } = await report();
    for (const e of findings.flatMap((f) => f.window.events)) {
      const time = `${e.published.slice(0, 10)} ${e.published.slice(11, 19)}Z`;
      for (const whole of [e.eventType, time, e.client.ipAddress ?? '-', e.requestApiToken?.name].filter((x): x is string => !!x)) {
        expect(out).toContain(whole);
        for (const cut of cutForms(whole)) expect(out, `${whole} is cut`).not.toContain(cut);
      }
    }
    expect(out).toMatch(/ann@corp\.example via ci-deploy/);
  });
}, 60_000);

describe('layouts', () => {
  it('160 columns: a boxed table; 80 to 120: two lines per event, the actor and target under the time', async () => {
    expect(await table(160)).toContain('┌─────┬──────────────────────┬─────────┬');
    for (const columns of [80, 100, 120]) {
      const out = await table(columns);
      expect(out).toMatch(/^!!! {2}2024-03-05 13:49:40Z {2}T·OI {3}user\.account\.privilege\.grant +198\.51\.100\.23/m);
      expect(out).toMatch(/^ {5}ann@corp\.example via ci-deploy → Jörg Weiß/m);
    }
    // 627 lines of blocks at 80 columns before; now a table.
    expect((await table(80)).split('\n').length).toBeLessThan(320);
  });

  it('the failed attempt says why it is rated as it is', async () => {
    const out = await table(120);
    expect(out).toMatch(/Severity {4}high — the highest of its signals: privileged-action \(high\)\. This revocation did not succeed \(FAILURE\)/);
  });

  it('what gives way first: the rules, then the target shrink and go; the type, time, links, outcome never', () => {
    const d = (id: TimelineDemand['id'], natural: number, core = natural): TimelineDemand => ({ id, natural, core });
    const demands = [d('time', 20), d('links', 7), d('type', 32), d('actor', 32, 20), d('client', 26, 13), d('outcome', 7), d('target', 24), d('rules', 30)];
    const wide = fitBoxed(demands, 400)!;
    expect([...wide.values()]).toEqual([20, 7, 32, 32, 26, 7, 24, 30]);
    const mid = fitBoxed(demands, 160)!;
    expect(mid.get('type')).toBe(32);
    expect(mid.get('rules')).toBe(8);
    expect(mid.get('client')).toBe(13);
    const tight = fitBoxed(demands, 136)!;
    expect(tight.has('rules')).toBe(false);
    expect(tight.get('target')).toBeGreaterThanOrEqual(8);
    expect(fitBoxed(demands, 100)).toBeNull();
  });
});
