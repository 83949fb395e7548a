// Command-line options that choose the Sigma rules (--rules, --no-builtin-rules, --strict-rules, placeholders).
import type { Argv } from 'yargs';
import { UsageError } from '../../errors.js';

/** What the rule options ask for; shared by the scan and the `rules` commands. */
export interface RuleOptions {
  /** `--rules` paths (files or folders), in the order given. */
  paths: string[];
  /** Load the shipped revocation rules too (default true; `--no-builtin-rules`). */
  builtin: boolean;
  /** `--strict-rules`: any rule that cannot be used is fatal instead of skipped. */
  strict: boolean;
  /** `--placeholder name=value` items, as given. */
  placeholders: string[];
  /** `--placeholders FILE` paths. */
  placeholderFiles: string[];
}

const GROUP = 'Rules:';

/**
 * Adds the rule options to a yargs parser (in place; returned for chaining). Path options are plain strings (repeat the option for
 * more than one), so `--rules dir export.ndjson` never takes the export for a rule path.
 */
export function addRuleOptions<T>(parser: Argv<T>): Argv<T> {
  return parser
    .option('rules', {
      type: 'string',
      requiresArg: true,
      describe: 'Sigma rules to run: a YAML file (multi-document too) or a folder, read recursively; repeatable',
      group: GROUP,
    })
    .option('builtin-rules', {
      type: 'boolean',
      default: true,
      describe: 'Run the two built-in revocation rules as well (--no-builtin-rules: only the --rules ones)',
      group: GROUP,
    })
    .option('strict-rules', {
      type: 'boolean',
      default: false,
      describe: 'A rule that cannot be used (broken, correlation or filter rule) is fatal (exit 2) instead of skipped',
      group: GROUP,
    })
    .option('placeholder', {
      type: 'string',
      requiresArg: true,
      describe: 'Value of a %name% placeholder of the expand modifier, as name=value; repeat for more values',
      group: GROUP,
    })
    .option('placeholders', {
      type: 'string',
      requiresArg: true,
      describe: 'YAML or JSON file mapping placeholder names to lists of values',
      group: GROUP,
    }) as unknown as Argv<T>;
}

/** An option's values as a list (yargs gives one string, or an array when the option is repeated). */
function values(args: Record<string, unknown>, name: string): string[] {
  const v = args[name];
  if (v === undefined) return [];
  const list = (Array.isArray(v) ? v : [v]).map(String);
  if (list.some((s) => s.trim() === '')) throw new UsageError(`--${name} needs a value`);
  return list;
}

/** Reads the rule options from parsed arguments. Throws UsageError for empty values. */
export function readRuleOptions(args: Record<string, unknown>): RuleOptions {
  return {
    paths: values(args, 'rules'),
    builtin: args['builtin-rules'] !== false,
    strict: args['strict-rules'] === true,
    placeholders: values(args, 'placeholder'),
    placeholderFiles: values(args, 'placeholders'),
  };
}
