// The collection between a large scan and its report: available, repeatable, and invisible to the program's globals.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect-garbage.js';

describe('collectGarbage', () => {
  it('runs a full collection, as often as asked, without exposing gc to this context', () => {
    const hadGc = 'gc' in globalThis;
    expect(collectGarbage()).toBe(true);
    expect(collectGarbage()).toBe(true);
    expect('gc' in globalThis).toBe(hadGc);
  });

  it('lets go of what nothing references any more', async () => {
    let big: number[][] | null = Array.from({ length: 200 }, () => new Array<number>(10_000).fill(1));
    const ref = new WeakRef(big);
    big = null;
    // A WeakRef target is kept until the end of the current job at least.
    await new Promise((r) => setImmediate(r));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
