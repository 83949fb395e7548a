// Every public Okta sample file (copied, or written in its layout) is read without a crash, an internal error or a stack trace.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** The copies (public-samples/) and the files written in the layouts of the others (public-shapes/). */
const ROOTS = [fixturePath('public-samples'), fixturePath('public-shapes')];

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .filter((p) => !p.endsWith('.md') && !p.includes('/LICENSES/'))
    .sort();
}

describe('public Okta samples', () => {
  const files = ROOTS.flatMap(walk);
  it('are all there', () => expect(files.length).toBeGreaterThan(50));
  // Named by their path under test/fixtures/, the same in every clone.
  it.each(files.map((path) => [relative(fixturePath(''), path), path]))('%s', async (_name, path) => {
    for (const format of ['json', 'table']) {
      const r = await runCli(['--format', format, '--validate', path]);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect([0, 3]).toContain(r.code);
      if (format === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });
});
