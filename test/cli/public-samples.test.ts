// Every real public Okta event file is read without a crash, an internal error or a stack trace.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = '../shared/okta-public-samples';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .filter((p) => !p.endsWith('.md'))
    .sort();
}

describe('public Okta samples', () => {
  const files = walk(ROOT);
  it('are all there', () => expect(files.length).toBeGreaterThan(50));
  it.each(files)('%s', async (path) => {
    for (const format of ['json', 'table']) {
      const r = await runCli(['--format', format, '--validate', path]);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect([0, 3]).toContain(r.code);
      if (format === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });
});
