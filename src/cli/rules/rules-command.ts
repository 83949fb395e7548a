// `okta-revoke-scan rules list|test`: yargs commands to list the loaded rules and to try them on exports.
import { commandParser } from '../command-parser.js';
import { ExitCode, UsageError } from '../../errors.js';
import { plural } from '../../text/plural.js';
import { useColor } from '../color.js';
import { examplesText } from '../example-text.js';
import { RULES_EXAMPLES, RULES_NOTES, RULES_SUMMARY } from '../help-sections.js';
import { RULE_OPTIONS, RULES_COMMAND_OPTIONS } from '../option-table.js';
import { printInputProblems } from '../input-problems.js';
import { writeChunk, type Io } from '../io.js';
import { reportRuleSet } from './rule-notes.js';
import { readRuleOptions, type RuleOptions } from './rule-options.js';
import { loadRuleSet } from './rule-set.js';
import { renderRuleList } from './rules-list.js';
import { parseWith } from '../yargs-parse.js';
import { dryRun } from './rules-test.js';
import { renderDryRun } from './rules-test-output.js';
import { addOptions, helpWidth } from '../yargs-table.js';

/** Parsed `rules` command line. */
export interface RulesCommandOptions {
  command: 'list' | 'test';
  /** Exports to test the rules on (`test` only). */
  inputs: string[];
  rules: RuleOptions;
  format: 'table' | 'json' | undefined;
  /** Matched events shown per rule in the table (0 = all). */
  limit: number;
  color: boolean | undefined;
  quiet: boolean;
  debug: boolean;
}

/** Stands for `-` (stdin) while yargs parses: it drops a bare `-` from a command's positional list. */
const STDIN = '\u0000stdin';

/** Parses the arguments after `rules`. Throws UsageError for a bad command line. */
export async function parseRulesArgs(
  argv: string[],
  version: string,
  width: number | undefined,
): Promise<{ kind: 'print'; text: string } | { kind: 'rules'; options: RulesCommandOptions }> {
  const wrap = helpWidth(width);
  const parser = addOptions(
    commandParser('okta-revoke-scan rules', `Usage: $0 <list|test> [options]\n\n${RULES_SUMMARY}`, version, wrap)
      .command('list', 'List the rules that load: id, title, level, status, file, and the pre-filter literals (or "full parse")')
      .command('test <exports..>', 'Load and check the rules, then show which events of the exports each rule matches')
      .demandCommand(1, 'name a command: list or test')
      .strict()
      .epilog(`${examplesText(RULES_EXAMPLES, wrap)}\n\n${RULES_NOTES}`),
    [...RULES_COMMAND_OPTIONS, ...RULE_OPTIONS],
  );
  const { args, print } = await parseWith(parser, argv.map((a) => (a === '-' ? STDIN : a)));
  if (print !== null) return { kind: 'print', text: print };
  const limit = args.limit as number;
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError('--limit takes a whole number (0 = all)');
  return {
    kind: 'rules',
    options: {
      command: (args._ as string[])[0] as 'list' | 'test',
      inputs: ((args.exports as (string | number)[] | undefined) ?? []).map((a) => (a === STDIN ? '-' : String(a))),
      rules: readRuleOptions(args),
      format: args.format as 'table' | 'json' | undefined,
      limit,
      color: args.color as boolean | undefined,
      quiet: args.quiet as boolean,
      debug: args.debug as boolean,
    },
  };
}

/**
 * Runs `rules list` or `rules test`. Exit 2 when a rule cannot be used (after showing the others),
 * 3 when an export cannot be read, else 0.
 */
export async function runRulesCommand(options: RulesCommandOptions, io: Io, err: (line: string) => void): Promise<ExitCode> {
  const set = await loadRuleSet(options.rules);
  reportRuleSet(set, { strict: false, hunt: false, quiet: options.quiet, userRules: false }, err);
  const isTTY = io.stdout.isTTY === true;
  const format = options.format ?? (isTTY ? 'table' : 'json');
  const layout = { color: format === 'table' && useColor(options.color, io.env, isTTY), width: isTTY ? io.stdout.columns : undefined, limit: options.limit };
  let failedInputs = 0;
  if (options.command === 'list') {
    for (const chunk of renderRuleList(set, format, layout)) await writeChunk(io.stdout, chunk);
  } else {
    const result = await dryRun(set.rules, options.inputs, io.stdin);
    printInputProblems({ inputs: result.inputs, ...result.diagnostics }, err, io.stderr, options.quiet);
    failedInputs = result.inputs.filter((i) => i.error !== undefined).length;
    for (const chunk of renderDryRun(set, result, format, layout)) await writeChunk(io.stdout, chunk);
  }
  const unusable = set.broken.length + set.unsupported.length;
  if (unusable > 0) {
    err(`${plural(unusable, 'rule')} cannot be used (see above)`);
    return ExitCode.Usage;
  }
  return failedInputs > 0 ? ExitCode.Input : ExitCode.Ok;
}
