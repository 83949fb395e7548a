// What a build was made from: a hash of its sources, written into dist/ by the build and checked before tests use dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders and files (relative to the package root) whose content decides what `npm run build` writes. */
const BUILD_INPUTS = ['src', 'scripts', 'rules', 'tsconfig.json'];

/** Where the build records the hash of the inputs it was made from. */
export function stampPath(root: string): string {
  return join(root, 'dist', 'build-stamp.json');
}

/** Every file of BUILD_INPUTS, as paths relative to `root` with `/`, sorted. */
function inputFiles(root: string): string[] {
  const files: string[] = [];
  for (const input of BUILD_INPUTS) {
    const path = join(root, input);
    if (!statSync(path, { throwIfNoEntry: false })) continue;
    if (!statSync(path).isDirectory()) {
      files.push(input);
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(path, entry)).isFile()) files.push(`${input}/${entry.split('\\').join('/')}`);
    }
  }
  return files.sort();
}

/** SHA-256 (hex) over the path and content of every build input: any edit, addition or removal changes it. */
export function inputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) {
    const content = readFileSync(join(root, file));
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

/** The inputs hash the last build recorded, or null when there is no readable stamp. */
export function recordedHash(root: string): string | null {
  try {
    const stamp: unknown = JSON.parse(readFileSync(stampPath(root), 'utf8'));
    const inputs = (stamp as { inputs?: unknown } | null)?.inputs;
    return typeof inputs === 'string' ? inputs : null;
  } catch {
    return null;
  }
}
