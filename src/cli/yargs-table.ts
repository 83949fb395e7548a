// Turns rows of the option table into yargs options, so parsing and `--help` follow the table.
import type { Argv, Options } from 'yargs';
import type { OptionSpec } from './option-table.js';

/** The yargs definition of one option of the table. */
function yargsOption(spec: OptionSpec): Options {
  const o: Options = { describe: spec.describe };
  // An option limited to choices shows only them in --help, not a type as well; any letter case is
  // accepted (`-f XML` is a choice spelled in capitals, not another value).
  if (spec.choices !== undefined) {
    o.choices = [...spec.choices];
    o.coerce = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : Array.isArray(v) ? v.map((x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x)) : v);
  }
  else o.type = spec.type;
  if (spec.alias !== undefined) o.alias = spec.alias;
  if (spec.default !== undefined) o.default = spec.default;
  if (spec.requiresArg === true) o.requiresArg = true;
  if (spec.group !== undefined) o.group = spec.group;
  if (spec.hidden === true) o.hidden = true;
  return o;
}

/** Adds `specs` to `parser` in table order (which is the order of `--help`); returns it for chaining. */
export function addOptions<T>(parser: Argv<T>, specs: readonly OptionSpec[]): Argv<T> {
  for (const spec of specs) parser.option(spec.name, yargsOption(spec));
  return parser;
}

/** Columns of `--help` for a terminal `width` columns wide (undefined: not a terminal). */
export function helpWidth(width: number | undefined): number {
  return width ? Math.min(width, 110) : 100;
}
