// Build step (npm run build, last): records the hash of the sources the build was made from, so tests can tell a stale dist/.
import { writeFileSync } from 'node:fs';
import { packageRoot } from '../src/package-root.js';
import { inputsHash, stampPath } from './build-stamp.js';

const root = packageRoot();
writeFileSync(stampPath(root), JSON.stringify({ inputs: inputsHash(root) }) + '\n');
process.stdout.write('build stamp: dist/build-stamp.json\n');
