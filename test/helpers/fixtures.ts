// Test helper: paths of files under test/fixtures/, resolved from this file (never from the working directory).
import { fileURLToPath } from 'node:url';

/** Absolute path of `test/fixtures/<relative>`. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Absolute path of a copied public sample: `test/fixtures/public-samples/<relative>` (see its SOURCES.md). */
export function publicSample(relative: string): string {
  return fixturePath(`public-samples/${relative}`);
}

/** Absolute path of a file written in a public sample's layout: `test/fixtures/public-shapes/<relative>` (see its README.md). */
export function publicShape(relative: string): string {
  return fixturePath(`public-shapes/${relative}`);
}
