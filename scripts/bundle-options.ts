// What the build bundles (see bundle.ts): entry points, and the packages left to load on demand.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * Packages loaded only when a run needs them (table output, documents, CSV, YAML rules, rules'
 * regular expressions): left to node_modules, and imported from chunks that load on demand
 * (`splitting`) or, for re2js, required on the first `re` value; never at start-up.
 */
export const LAZY_PACKAGES = ['yaml', 'stream-json', 'csv-parse', 'cli-table3', 'chalk', 're2js'];

/** esbuild options for the compiled sources in `dist` (written to dist/bundle/). */
export function bundleOptions(dist: string): BuildOptions {
  return {
    // The worker threads' scripts sit beside the chunk that starts them, as in dist/src/scan/.
    entryPoints: {
      main: join(dist, 'src/cli/main.js'),
      worker: join(dist, 'src/scan/fast/worker.js'),
      'gather-thread': join(dist, 'src/scan/fast/gather-thread.js'),
    },
    outdir: join(dist, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: LAZY_PACKAGES,
    logLevel: 'warning',
  };
}
