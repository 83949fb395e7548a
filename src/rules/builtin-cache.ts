// Shipped rule files parsed at build time: a run with only the built-in rules never loads the YAML parser.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { packageRoot } from '../package-root.js';
import type { RuleDocument } from './collection.js';
import type { RuleError } from './errors.js';

/** One shipped file as the build parsed it: its whole text, and its rule documents as JSON. */
export interface CacheEntry {
  text: string;
  documents: string;
}

/** Where `npm run build` writes the cache (shipped in dist/ with the code). */
export function builtinCachePath(): string {
  return join(packageRoot(), 'dist', 'builtin-rules.json');
}

let entries: Map<string, string> | null = null;

/**
 * The documents of a rule file whose text is exactly that of a shipped file when the package was
 * built, or null (any other text, or no cache: the caller parses it). Each call gives new objects.
 */
export function cachedDocuments(text: string): RuleDocument[] | null {
  entries ??= readCache(builtinCachePath());
  const json = entries.get(text);
  return json === undefined ? null : (JSON.parse(json) as RuleDocument[]);
}

/** The cache at `path` as text → documents; empty when it is missing or not a cache. */
export function readCache(path: string): Map<string, string> {
  try {
    const list: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(list)) return new Map();
    const ok = (e: unknown): e is CacheEntry => typeof (e as CacheEntry | null | undefined)?.text === 'string' && typeof (e as CacheEntry | null | undefined)?.documents === 'string';
    return new Map(list.filter(ok).map((e) => [e.text, e.documents]));
  } catch {
    return new Map();
  }
}

/**
 * The cache entry of one rule file, or null when it cannot stand for the file: the file has
 * problems (they are reported at run time, by parsing it), or a value does not survive JSON
 * (`.inf`, `.nan`: JSON has no such numbers).
 */
export function cacheEntry(text: string, file: string, parse: (text: string, file: string, errors: RuleError[]) => RuleDocument[]): CacheEntry | null {
  const errors: RuleError[] = [];
  const documents = parse(text, file, errors);
  if (errors.length > 0) return null;
  const json = JSON.stringify(documents);
  return isDeepStrictEqual(JSON.parse(json), documents) ? { text, documents: json } : null;
}

/** Writes the cache of the rule files directly in `dir` (the shipped `rules/`); returns how many it holds. */
export function writeBuiltinCache(dir: string, parse: Parameters<typeof cacheEntry>[2], path = builtinCachePath()): number {
  const list: CacheEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!['.yml', '.yaml'].includes(extname(name).toLowerCase())) continue;
    const file = join(dir, name);
    const entry = cacheEntry(readFileSync(file, 'utf8'), file, parse);
    if (entry) list.push(entry);
  }
  writeFileSync(path, JSON.stringify(list));
  return list.length;
}
