// The README a newcomer reads: short, two commands to start, every exit code, links that lead somewhere.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/cli/help-sections.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = join(ROOT, 'README.md');
const text = readFileSync(README, 'utf8');

/** The text under a `## heading`, up to the next one. */
function section(heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('README.md', () => {
  it('is at most 20 KB', () => {
    expect(statSync(README).size).toBeLessThanOrEqual(20_000);
  });

  it('starts in two commands from a fresh clone: the CLI on a sample, then the tests', () => {
    const block = /```sh\n([\s\S]*?)\n```/.exec(section('Quick start'))![1]!;
    const commands = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm install && npx okta-revoke-scan samples\/\S+$/);
    expect(commands[1]).toBe('npm test');
  });

  it('lists every exit code, and no other', () => {
    const codes = [...section('Exit codes').matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(codes).toEqual(EXIT_CODES.map((e) => e.code));
  });
});
