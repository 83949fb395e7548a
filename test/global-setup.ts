// Vitest global setup: dist/ (the bundle, the compiled modules some tests run) is rebuilt before any test when its sources changed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inputsHash, recordedHash } from '../scripts/build-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm run build` unless dist/build-stamp.json matches src/, scripts/, rules/ and tsconfig.json as they are now. */
export function setup(): void {
  if (recordedHash(root) === inputsHash(root)) return;
  process.stderr.write('dist/ was not built from the sources as they are now: npm run build\n');
  // The build's output goes to stderr, so a reporter writing to stdout (--reporter=json) stays clean.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (recordedHash(root) !== inputsHash(root)) throw new Error('dist/ is still not current after npm run build (were sources edited during the build?)');
}
