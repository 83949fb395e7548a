// Declares a vitest suite over part of the corpus (several files, so the corpus runs on every core).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorpusCase } from './case.js';
import { generateCorpus } from './generate.js';
import { runCase } from './run-case.js';

/** Every family the generator makes. */
export const FAMILIES = ['truncation', 'bytes', 'shapes', 'mixed', 'gzip', 'big', 'huge', 'hostile'];

/**
 * Runs the corpus cases of `families`. Set CORPUS_DIR to keep the generated files for a look;
 * by default they go to a temp folder that is removed afterwards.
 */
export function corpusSuite(families: string[]): void {
  const keep = process.env.CORPUS_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'ors-corpus-'));
  mkdirSync(dir, { recursive: true });
  afterAll(() => {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  });
  const cases: CorpusCase[] = generateCorpus().filter((c) => families.includes(c.group));
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  describe(`corpus: ${families.join(', ')}`, () => {
    it('has cases in every family', () => {
      for (const f of families) expect(cases.some((c) => c.group === f), f).toBe(true);
    });

    it.each(cases.map((c, i) => ({ c, name: c.name, strict: i % 4 === 0 })))('$name', async ({ c, strict }) => {
      await runCase(c, dir, keep !== undefined, strict);
      // Keys such as __proto__ and constructor in the input reached no prototype.
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}
