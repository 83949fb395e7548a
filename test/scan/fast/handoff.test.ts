// The worker hands work to the main thread only once that thread has read its own part and keeps up.
import { describe, expect, it } from 'vitest';
import { CREDIT_IN_FLIGHT, CREDIT_MAIN_FREE, mainTakesWork } from '../../../src/scan/fast/parallel.js';

describe('mainTakesWork', () => {
  it('is false while the main thread reads its own part, then true while little is in flight', () => {
    const credit = new Int32Array(new SharedArrayBuffer(12));
    expect(mainTakesWork(credit, 0)).toBe(false);
    Atomics.store(credit, CREDIT_MAIN_FREE, 1);
    expect(mainTakesWork(credit, 0)).toBe(true);
    expect(mainTakesWork(credit, 900_000)).toBe(true);
    Atomics.store(credit, CREDIT_IN_FLIGHT, 200_000);
    expect(mainTakesWork(credit, 900_000)).toBe(false);
    expect(mainTakesWork(credit, 0)).toBe(true);
  });
});
