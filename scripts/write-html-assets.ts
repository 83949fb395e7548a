// Build step (npm run build): writes the HTML report's assets module from its stylesheet and page script, in src/ and in dist/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { ASSETS_MODULE, htmlAssetsModule } from './html-assets.js';

const root = packageRoot();
const text = htmlAssetsModule(root);
const source = join(root, ASSETS_MODULE);
const current = (() => {
  try {
    return readFileSync(source, 'utf8');
  } catch {
    return null;
  }
})();
// The module is committed (a fresh clone type-checks without a build); it is rewritten only when its sources changed.
if (current !== text) writeFileSync(source, text);
// tsc compiled the module as it was before this step: the compiled copy gets the new text (it has no types, so it is the same).
writeFileSync(join(root, 'dist', ASSETS_MODULE.replace(/\.ts$/, '.js')), text);
process.stdout.write(`html assets: ${ASSETS_MODULE}${current === text ? '' : ' (rewritten)'}\n`);
