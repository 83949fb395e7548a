// The package version, read once from package.json next to the installed code.
import { readFileSync } from 'node:fs';
import { packageRoot } from '../package-root.js';
import { join } from 'node:path';

let cached: string | null = null;

/** Version from package.json. */
export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
