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
  const usage = (err: unknown) => new UsageError(oneLine(err instanceof Error ? err.message : String(err)));
  const args = await new Promise<Record<string, ArgValue>>((resolve, reject) => {
    try {
      // The callback receives the outcome; what parse returns is not needed.
      void parser.parse(argv, {}, (err: Error | undefined, parsed: Record<string, unknown>, out: string) => {
        if (err) reject(usage(err));
        output = out;
        resolve(parsed as Record<string, ArgValue>);
      });
    } catch (err) {
      reject(usage(err));
    }
  });
  if (args.help || args.version) return { args, print: output.endsWith('\n') ? output : `${output}\n` };
  return { args, print: null };
}

/**
 * A yargs message as one line for stderr: `Invalid values:\n  Argument: format, Given: "xml",
 * Choices: …` becomes `--format takes one of table, ndjson, …; got 'xml'`; other messages have
 * their line breaks replaced by spaces.
 */
function oneLine(message: string): string {
  const m = /^Invalid values:\s*Argument: ([\w-]+), Given: "?(.*?)"?, Choices: (.*)$/s.exec(message.trim());
  if (m) return `--${m[1]} takes one of ${m[3]!.replace(/"/g, '').split(/,\s*/).join(', ')}; got '${m[2]}'`;
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
