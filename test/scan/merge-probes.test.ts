// mergeProbeSpecs: one probe per kind and key, with the union of each value's spans.
import { describe, expect, it } from 'vitest';
import { mergeProbeSpecs } from '../../src/scan/merge-probes.js';

describe('mergeProbeSpecs', () => {
  it('merges specs of the same kind and key, keeping others apart', () => {
    const merged = mergeProbeSpecs(
      [
        { kind: 'field', key: '"requestApiTokenId"', spans: [['00Ta', [[10, 20]]]] },
        { kind: 'actor', spans: [['00u1', [[10, 20]]]] },
      ],
      [
        { kind: 'field', key: '"requestApiTokenId"', spans: [['00Ta', [[0, 20]]], ['00Tb', [[5, 6]]]] },
        { kind: 'field', key: '"other"', spans: [['x', [[1, 2]]]] },
        { kind: 'actor', spans: [['00u2', [[0, 1]]]] },
      ],
    );
    expect(merged).toEqual([
      { kind: 'field', key: '"requestApiTokenId"', spans: [['00Ta', [[10, 20], [0, 20]]], ['00Tb', [[5, 6]]]] },
      { kind: 'actor', spans: [['00u1', [[10, 20]]], ['00u2', [[0, 1]]]] },
      { kind: 'field', key: '"other"', spans: [['x', [[1, 2]]]] },
    ]);
  });

  it('does not change its inputs', () => {
    const a = [{ kind: 'ip' as const, spans: [['192.0.2.1', [[1, 2]]]] as [string, [number, number][]][] }];
    mergeProbeSpecs(a, a);
    expect(a[0]!.spans).toEqual([['192.0.2.1', [[1, 2]]]]);
  });
});
