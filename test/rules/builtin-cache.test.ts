// The build's cache of the shipped rule files: the same documents as parsing them, used only for their exact text.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCachePath, cacheEntry, cachedDocuments, readCache, writeBuiltinCache } from '../../src/rules/builtin-cache.js';
import { parseRuleDocuments, ruleDocuments } from '../../src/rules/collection.js';
import { builtinRulesDir } from '../../src/rules/load.js';
import type { RuleError } from '../../src/rules/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-rcache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parse = (text: string, file: string, errors: RuleError[]) => parseRuleDocuments(text, file, errors, yaml);
const shipped = readdirSync(builtinRulesDir())
  .filter((n) => n.endsWith('.yml'))
  .map((n) => join(builtinRulesDir(), n));

describe('built-in rules cache', () => {
  it('the build wrote one for every shipped rule file, holding what parsing gives', () => {
    // npm test builds first (npm run build writes the cache).
    expect(readCache(builtinCachePath()).size).toBe(shipped.length);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      expect(cachedDocuments(text)).toEqual(parse(text, file, []));
    }
  });

  it('stands only for the exact text: a changed file is parsed (its problems reported)', async () => {
    const text = readFileSync(shipped[0]!, 'utf8');
    expect(cachedDocuments(text + '\n# edited\n')).toBeNull();
    expect(cachedDocuments(text.replace('medium', 'high'))).toBeNull();
    const errors: RuleError[] = [];
    const docs = await ruleDocuments(text.replace('title:', 'title: [unclosed'), 'edited.yml', errors);
    expect(docs).toEqual([]);
    expect(errors[0]?.message).toMatch(/invalid YAML/);
  });

  it('gives new objects on each call', () => {
    const text = readFileSync(shipped[0]!, 'utf8');
    const a = cachedDocuments(text)!;
    (a[0]!.raw as Record<string, unknown>).title = 'changed';
    expect((cachedDocuments(text)![0]!.raw as Record<string, unknown>).title).not.toBe('changed');
  });

  it('leaves out files with problems and values JSON cannot hold; a missing or foreign cache is empty', () => {
    expect(cacheEntry('title: [unclosed', 'bad.yml', parse)).toBeNull();
    expect(cacheEntry('title: x\nlevel: .inf\n', 'inf.yml', parse)).toBeNull();
    expect(cacheEntry('title: x\nlevel: high\n', 'ok.yml', parse)).toEqual({ text: 'title: x\nlevel: high\n', documents: '[{"raw":{"title":"x","level":"high"},"index":null}]' });
    const out = join(dir, 'cache.json');
    expect(readCache(join(dir, 'none.json')).size).toBe(0);
    writeFileSync(out, '{"not":"a cache"}');
    expect(readCache(out).size).toBe(0);
    // Only rule files directly in the folder, sorted; the broken one is left out.
    const folder = mkdtempSync(join(dir, 'r-'));
    writeFileSync(join(folder, 'b.yml'), 'title: b\n');
    writeFileSync(join(folder, 'a.yaml'), 'title: a\n');
    writeFileSync(join(folder, 'c.yml'), 'title: [\n');
    writeFileSync(join(folder, 'notes.txt'), 'title: n\n');
    expect(writeBuiltinCache(folder, parse, out)).toBe(2);
    expect([...readCache(out).keys()]).toEqual(['title: a\n', 'title: b\n']);
  });
});
