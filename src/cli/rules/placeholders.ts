// Placeholder values for the Sigma `expand` modifier, from --placeholder name=value and --placeholders FILE.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';

/** Placeholder names as Sigma writes them between `%` signs. */
const NAME = /^\w+$/;

function checkName(name: string, where: string): void {
  if (!NAME.test(name)) throw new UsageError(`${where}: placeholder name '${name}' must be letters, digits or _ (as in %name%)`);
}

/** `name=value` items → name → values, in the order given. Throws UsageError for a bad item. */
export function parsePlaceholderArgs(items: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--placeholder takes name=value (got '${item}')`);
    const name = item.slice(0, eq).trim().replace(/^%(.*)%$/, '$1');
    checkName(name, '--placeholder');
    const list = out.get(name);
    if (list) list.push(item.slice(eq + 1));
    else out.set(name, [item.slice(eq + 1)]);
  }
  return out;
}

/**
 * Reads a placeholders file: a YAML (or JSON) mapping of names to a list of values or a single
 * value; values are strings, numbers or booleans. Throws UsageError naming the file and the problem.
 */
export async function readPlaceholderFile(path: string): Promise<Map<string, string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--placeholders ${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let doc: unknown;
  try {
    // Loaded only here: a run without a placeholders file never loads the YAML parser.
    const { parse } = await import('yaml');
    doc = parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`--placeholders ${path}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError(`--placeholders ${path}: expected a mapping of placeholder names to lists of values`);
  }
  const out = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(doc)) {
    checkName(name, `--placeholders ${path}`);
    const list = Array.isArray(raw) ? raw : [raw];
    if (!list.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      throw new UsageError(`--placeholders ${path}: '${name}' must be a value or a list of values (strings or numbers)`);
    }
    out.set(name, list.map(String));
  }
  return out;
}

/**
 * The placeholder values of the command line: the files' values, in file order, with each name
 * given by `--placeholder` replacing the files' values for that name.
 */
export async function resolvePlaceholders(files: readonly string[], items: readonly string[]): Promise<Record<string, string[]>> {
  const merged = new Map<string, string[]>();
  for (const file of files) for (const [name, list] of await readPlaceholderFile(file)) merged.set(name, list);
  for (const [name, list] of parsePlaceholderArgs(items)) merged.set(name, list);
  return Object.fromEntries(merged);
}
