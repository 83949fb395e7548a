// The manual page in docs/ is what the option table makes of it today, and names everything --help names.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, EXIT_CODES, FILES, SEE_ALSO } from '../../src/cli/help-sections.js';
import { MANPAGE_PATH, renderManpage } from '../../src/cli/manpage.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const page = renderManpage();

/** Long option names in a --help text (`--window` for `--window`/`--no-window`). */
function helpOptions(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)/gm)].map((m) => m[1]!);
}

/** The text of a `## SECTION` of the page. */
function section(name: string): string {
  const start = page.indexOf(`\n## ${name}\n`);
  expect(start, name).toBeGreaterThan(0);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}

describe(`the manual page (${MANPAGE_PATH})`, () => {
  it('is the one `npm run docs` writes from the option table today', () => {
    const committed = readFileSync(join(ROOT, MANPAGE_PATH), 'utf8');
    expect(committed, 'out of date: run `npm run docs` and commit docs/okta-revoke-scan.1.md').toBe(page);
  });

  it('documents every option of --help, of rules --help and of tokens --help', async () => {
    const options = section('OPTIONS');
    const rules = section('RULES COMMAND OPTIONS');
    const tokens = section('TOKENS COMMAND OPTIONS');
    for (const [argv, text, least] of [[['--help'], options, 30], [['rules', '--help'], rules + options, 8], [['tokens', '--help'], tokens, 20]] as const) {
      const { stdout } = await runCli([...argv], { tty: true, columns: 100 });
      const names = helpOptions(stdout);
      expect(names.length).toBeGreaterThan(least);
      for (const name of names) expect(text, `--${name}`).toMatch(new RegExp(`\`--(?:no-)?${name}\``));
    }
  });

  it('documents every exit code, environment variable and file, and links to documents that exist', () => {
    const status = section('EXIT STATUS');
    for (const e of EXIT_CODES) expect(status).toContain(`- **${e.code}**`);
    for (const e of ENVIRONMENT) expect(section('ENVIRONMENT')).toContain(`\`${e.name}\``);
    for (const f of FILES) expect(existsSync(join(ROOT, f.path.replace('*.yml', ''))), f.path).toBe(true);
    for (const s of SEE_ALSO) expect(existsSync(join(ROOT, dirname(MANPAGE_PATH), s.path)), s.path).toBe(true);
  });

  it('never depends on the machine it is made on (the default of --threads is written out)', () => {
    expect(section('OPTIONS')).toContain('Default: 2 (1 on a machine with one core).');
  });
});
