// Corpus: the sample cut at every structural position, in every layout, and gzip streams damaged.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './generate.js';
import { corpusSuite, FAMILIES } from './suite.js';

describe('the corpus generator', () => {
  it('makes at least 200 cases with unique names, in every family', () => {
    const all = generateCorpus();
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect([...new Set(all.map((c) => c.group))].sort()).toEqual([...FAMILIES].sort());
  });
});

corpusSuite(['truncation', 'gzip']);
