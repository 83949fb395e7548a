// Runs a configured yargs parser on an argument list without ever exiting the process.
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';

/** A parsed value: yargs makes strings, numbers, booleans and (for repeated flags and positionals) arrays; no option is coerced. */
export type ArgValue = string | number | boolean | (string | number)[] | undefined;

/** Parsed arguments, or the text yargs produced for `--help` / `--version`. */
export type YargsResult = { args: Record<string, ArgValue>; print: null } | { args: Record<string, ArgValue>; print: string };

/**
 * Parses `argv` with `parser` (built with `.exitProcess(false)` and a `.fail` that throws).
 * Every yargs failure becomes a {@link UsageError}; `print` holds the help or version text, ending
 * in a newline, when one was asked for.
 */
export async function parseWith<T>(parser: Argv<T>, argv: string[]): Promise<YargsResult> {
  let output = '';
  const args = await new Promise<Record<string, ArgValue>>((resolve, reject) => {
    try {
      // The callback receives the outcome; what parse returns is not needed.
      void parser.parse(argv, {}, (err: Error | undefined, parsed: Record<string, unknown>, out: string) => {
        if (err) reject(err instanceof UsageError ? err : new UsageError(err.message));
        output = out;
        resolve(parsed as Record<string, ArgValue>);
      });
    } catch (err) {
      reject(err instanceof UsageError ? err : new UsageError((err as Error).message));
    }
  });
  if (args.help || args.version) return { args, print: output.endsWith('\n') ? output : `${output}\n` };
  return { args, print: null };
}
