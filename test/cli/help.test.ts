// --help: grouped options, worked examples for every output format, environment variables.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

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
