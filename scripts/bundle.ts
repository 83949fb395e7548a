// Build step (npm run build): bundles the CLI and its worker threads, so a run loads ~15 files, not ~170 modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { bundleOptions } from './bundle-options.js';

const dist = join(packageRoot(), 'dist');
// Chunk names change with their content: start afresh, or old chunks pile up.
rmSync(join(dist, 'bundle'), { recursive: true, force: true });
await build(bundleOptions(dist));
process.stdout.write('bundle: dist/bundle/\n');
