// Table rows as yargs options: parsing follows the table (types, defaults, aliases, choices).
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from '../../src/cli/option-table.js';
import { addOptions, helpWidth } from '../../src/cli/yargs-table.js';

const TABLE: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: ['a', 'b'], arg: 'F', group: 'Out:', describe: 'Format' },
  { name: 'limit', type: 'number', default: 5, arg: 'N', group: 'Out:', describe: 'Limit' },
  { name: 'window', type: 'boolean', default: true, describe: 'Window' },
  { name: 'secret', type: 'number', default: 1, hidden: true, describe: 'Secret' },
];

async function parse(argv: string[]) {
  const parser = addOptions(yargs().exitProcess(false).strictOptions().fail((msg) => { throw new Error(msg); }), TABLE);
  return parser.parseAsync(argv);
}

describe('addOptions', () => {
  it('gives defaults, aliases and negated booleans as the table says', async () => {
    const args = await parse(['-f', 'b', '--no-window']);
    expect(args).toMatchObject({ format: 'b', limit: 5, window: false, secret: 1 });
    expect((await parse(['--limit', '7'])).limit).toBe(7);
  });

  it('refuses a value outside the choices', async () => {
    await expect(parse(['-f', 'c'])).rejects.toThrow(/Choices/);
  });

  it('shows groups in --help, choices without a type, and hides hidden options', async () => {
    let help = '';
    const parser = addOptions(yargs().exitProcess(false).wrap(100), TABLE);
    await parser.parseAsync(['--help'], {}, (_e, _a, out) => {
      help = out;
    });
    expect(help).toMatch(/^Out:$/m);
    expect(help).toMatch(/-f, --format +Format +\[choices: "a", "b"\]/);
    expect(help).not.toContain('--secret');
  });
});

describe('helpWidth', () => {
  it('is the terminal width up to 110 columns, and 100 when not a terminal', () => {
    expect(helpWidth(80)).toBe(80);
    expect(helpWidth(200)).toBe(110);
    expect(helpWidth(undefined)).toBe(100);
  });
});
