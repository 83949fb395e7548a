// The yargs parser every command starts from: English help, its name and usage, no exit, usage errors as UsageError.
import yargs, { type Argv } from 'yargs';
import { UsageError } from '../errors.js';

/**
 * A parser for the command `name` (`okta-revoke-scan`, `okta-revoke-scan tokens`, …) with `usage`
 * at the top of its help, `--version` and `-h`/`--help`, help wrapped at `wrap` columns. It never
 * exits the process: a bad command line throws a UsageError. Callers add their options, commands,
 * strictness and epilog.
 */
export function commandParser(name: string, usage: string, version: string, wrap: number): Argv {
  return (
    yargs()
      // The help is written in English: yargs' own words (Options:, Commands:) too, whatever $LANG.
      .locale('en')
      .scriptName(name)
      .usage(usage)
      .version(version)
      .help('help')
      .alias('h', 'help')
      .wrap(wrap)
      .exitProcess(false)
      .fail((msg: string | null, err: Error | undefined) => {
        throw new UsageError(msg ?? err?.message ?? 'invalid command line');
      })
  );
}
