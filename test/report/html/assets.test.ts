// The page's inline stylesheet and script: the committed module is what the build makes from styles.css and client/, and nothing in it can end its element.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_MODULE, htmlAssetsModule } from '../../../scripts/html-assets.js';
import { SCRIPT, STYLES } from '../../../src/report/html/assets.generated.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('assets.generated.ts', () => {
  it('is what the build makes from the stylesheet and the page script as they are now', () => {
    const made = htmlAssetsModule(ROOT);
    expect(readFileSync(join(ROOT, ASSETS_MODULE), 'utf8') === made, `${ASSETS_MODULE} is stale: run npm run build and commit it`).toBe(true);
  });

  it('holds nothing that ends or breaks out of an inline element, and only printable ASCII, tabs and newlines', () => {
    for (const text of [SCRIPT, STYLES]) {
      expect(text).not.toMatch(/<\/(script|style)|<!--/i);
      expect(text).toMatch(/^[\t\n\x20-\x7e]*$/);
    }
  });
});
