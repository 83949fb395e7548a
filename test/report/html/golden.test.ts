// Golden HTML page of the small sample, byte for byte: stable ids, no generation time (UPDATE_GOLDEN=1 rewrites it).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { lowercaseKeys } from '../../helpers/token-events.js';

const SAMPLE = 'samples/okta-export.ndjson';
const GOLDEN = 'test/golden/samples/okta-export.ndjson.html';
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden HTML report', () => {
  it(`${SAMPLE} as html`, async () => {
    const r = await runCli(['--format', 'html', SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    if (update) writeFileSync(GOLDEN, r.stdout);
    else if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN} is missing: run UPDATE_GOLDEN=1 npx vitest run ${import.meta.filename} once and review it`);
    expect(r.stdout === readFileSync(GOLDEN, 'utf8'), `${GOLDEN} differs: review the change, then UPDATE_GOLDEN=1 rewrites it`).toBe(true);
  });

  it('is the same on a second run, and on the --tz clock only where times are shown', async () => {
    const again = await runCli(['--format', 'html', SAMPLE]);
    expect(again.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
    const zoned = await runCli(['--format', 'html', '--tz', 'Europe/Berlin', SAMPLE]);
    expect(zoned.stdout).toContain('2024-03-05 17:18:30+01:00');
    expect(zoned.stdout).not.toContain('2024-03-05 16:18:30Z');
  });

  it('names the token a call was made with when a pipeline lowercased the keys, as with Okta\'s own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ors-html-lower-'));
    try {
      const lower = join(dir, 'lower.ndjson');
      const lines = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim() !== '');
      writeFileSync(lower, `${lines.map((l) => JSON.stringify(lowercaseKeys(JSON.parse(l)))).join('\n')}\n`);
      const r = await runCli(['--format', 'html', lower]);
      expect(r.code, r.stderr).toBe(0);
      const vias = (page: string) => [...page.matchAll(/<span class="via[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]);
      const expected = vias(readFileSync(GOLDEN, 'utf8'));
      expect(expected.length).toBeGreaterThan(10);
      expect(vias(r.stdout)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
