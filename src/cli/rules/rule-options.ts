// Reads the command-line options that choose the Sigma rules (--rules, --no-builtin-rules, --strict-rules, placeholders; defined in option-table.ts).
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
