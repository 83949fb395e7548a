// The DuckDB peer gives the CLI's windows: the same (revocation, event, links) and originals, on the samples and a heavy export.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckJob } from '../../bench/duckdb-job.js';
import { runPeer } from '../../bench/duckdb-peer.js';
import { generate } from '../../bench/generate.js';
import { compareSets, readPeerLinks } from '../../bench/link-sets.js';
import { readReportWindows } from '../../bench/report-windows.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-duckdb-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
let n = 0;

/** The CLI's and the peer's link sets (and originals) on `input` with the same window options. */
async function both(input: string, layout: DuckJob['layout'], cliArgs: string[] = [], job: Partial<DuckJob> = {}) {
  const report = join(dir, `report-${++n}.ndjson`);
  const r = await runCli([input, '--format', 'ndjson', ...cliArgs]);
  expect(r.code).toBe(0);
  writeFileSync(report, r.stdout);
  const ours = await readReportWindows(report, true);
  const out = join(dir, `peer-${n}.ndjson`);
  const peer = await runPeer({ input, layout, originals: true, before: DAY, after: 0, maxEvents: 10_000, ...job }, out);
  const theirs = await readPeerLinks(out);
  return { ours, theirs, peer };
}

describe('on the samples', () => {
  it('finds the NDJSON sample\'s windows: links and originals equal the CLI\'s', async () => {
    const { ours, theirs, peer } = await both('samples/okta-export.ndjson', 'ndjson');
    expect(ours.stats.windows).toBe(3);
    expect(peer.rows).toBe(ours.set.links.size);
    expect(compareSets(ours.set.links, theirs.links)).toMatchObject({ equal: true });
    expect(compareSets(ours.set.originals!, theirs.originals!)).toMatchObject({ equal: true });
  });

  it('finds the pretty sample\'s window (a JSON array; Okta as revoker; 40 days back to the token\'s creation)', async () => {
    const { ours, theirs } = await both('samples/okta-export-pretty.json', 'array', ['--before', '40d'], { before: 40 * DAY });
    expect(ours.set.links.size).toBeGreaterThan(1);
    expect(compareSets(ours.set.links, theirs.links)).toMatchObject({ equal: true });
  });
});

describe('on a heavy export', () => {
  const heavy = join(dir, 'heavy.ndjson');
  beforeAll(async () => {
    await generate({ out: heavy, profile: 'heavy', events: 8000, revocations: 30, seed: 11, manifest: false });
  });

  it('gives the CLI\'s windows with its defaults: busy owners, busy revokers, Okta as revoker, tokens revoked twice', async () => {
    const { ours, theirs } = await both(heavy, 'ndjson');
    expect(ours.stats.windows).toBe(30);
    expect(ours.stats.inSeveral).toBeGreaterThan(50);
    expect(compareSets(ours.set.links, theirs.links)).toMatchObject({ equal: true, onlyOurs: 0, onlyTheirs: 0 });
    expect(compareSets(ours.set.originals!, theirs.originals!)).toMatchObject({ equal: true });
  });

  it('follows --before, --after and --max-window-events (the latest events kept, then ip links settled)', async () => {
    const { ours, theirs } = await both(heavy, 'ndjson', ['--before', '2h', '--after', '30m', '--max-window-events', '15'], { before: 2 * 3_600_000, after: 1_800_000, maxEvents: 15 });
    expect(ours.stats.max).toBeLessThanOrEqual(15);
    expect(ours.stats.max).toBe(15);
    expect(compareSets(ours.set.links, theirs.links)).toMatchObject({ equal: true });
  });

  it('is told apart when the window differs (the comparison can fail)', async () => {
    const { ours, theirs } = await both(heavy, 'ndjson', [], { before: DAY / 2 });
    const diff = compareSets(ours.set.links, theirs.links);
    expect(diff.equal).toBe(false);
    expect(diff.onlyOurs).toBeGreaterThan(0);
    expect(diff.examples[0]).toMatch(/^ours only: {3}\S+ \S+ [a-z+]+$/);
  });
});
