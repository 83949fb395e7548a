// The unit tier says whether the HTML report's browser tests (slow tier) can run here: Chromium answers, or one line says it is missing.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { CHROMIUM, HAVE_CHROMIUM, NO_CHROMIUM } from './chromium.js';

if (HAVE_CHROMIUM) {
  it(`Chromium for the browser tests answers at ${CHROMIUM}`, () => {
    const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    expect(version).toMatch(/Chrom(e|ium) \d+/);
  });
} else {
  // vitest's default reporter counts skipped tests without naming them: the reason goes to stderr too.
  console.warn(NO_CHROMIUM);
  it.skip(NO_CHROMIUM, () => {});
}
