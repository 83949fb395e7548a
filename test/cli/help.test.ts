// --help: grouped options, worked examples for every output format, environment variables.
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, RULES_EXAMPLES, SCAN_EXAMPLES } from '../../src/cli/help-sections.js';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

/** The Examples section as a shell would read it: ` \` line ends joined, `# …` comments dropped. */
function exampleCommands(help: string): string[] {
  const section = help.slice(help.indexOf('\nExamples:\n') + 11, help.indexOf('\n\n', help.indexOf('\nExamples:\n')));
  return section
    .replace(/ \\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

describe('--help', () => {
  it('groups the options and shows worked examples for every format and -o', async () => {
    const { code, stdout } = await runCli(['--help'], { tty: true, columns: 100 });
    expect(code).toBe(0);
    for (const group of ['Output:', 'Input:', 'Activity window:', 'Exit status:', 'Examples:']) expect(stdout).toContain(`\n${group}\n`);
    for (const option of ['--format', '--output', '--progress', '--color', '--quiet']) expect(stdout).toContain(option);
    expect(stdout).toMatch(/-f csv -o \S+\.csv/);
    expect(stdout).toMatch(/-f timesketch -o \S+\.jsonl/);
    expect(stdout).toContain('jq');
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'schema/']) expect(stdout).toContain(name);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('examples can be copied: each command whole on its line or broken with \\, at any terminal width from 60', async () => {
    for (const [argv, examples] of [[['--help'], SCAN_EXAMPLES], [['rules', '--help'], RULES_EXAMPLES]] as const) {
      for (const columns of [60, 72, 80, 100, 110, 160]) {
        const { stdout } = await runCli([...argv], { tty: true, columns });
        expect(exampleCommands(stdout), `${argv.join(' ')} at ${columns}`).toEqual(examples.map((e) => e.command));
        for (const e of examples) expect(stdout).toContain(`  # ${e.does.split(' ')[0]}`);
      }
    }
  });

  it('lists every exit code the process can end with', async () => {
    const { stdout } = await runCli(['--help']);
    expect(EXIT_CODES.map((e) => e.code)).toEqual(Object.values(ExitCode));
    for (const e of EXIT_CODES) expect(stdout).toMatch(new RegExp(`^  ${e.code} +${e.brief.slice(0, 10).replace(/[-()]/g, '\\$&')}`, 'm'));
    expect(stdout).toContain('--debug');
  });

  it('--format lists every format', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toContain('"table", "ndjson", "json", "csv", "timesketch"');
  });

  it('is in English whatever the locale ($LANG), yargs\' own headings too', async () => {
    const saved = process.env.LANG;
    process.env.LANG = 'de_DE.UTF-8';
    try {
      for (const args of [['--help'], ['rules', '--help']]) {
        const { stdout } = await runCli(args);
        expect(stdout).toContain('Options:');
        expect(stdout).not.toMatch(/Optionen|Kommandos/);
      }
    } finally {
      if (saved === undefined) delete process.env.LANG;
      else process.env.LANG = saved;
    }
  });
});
