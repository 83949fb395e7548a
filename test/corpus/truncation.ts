// Truncation cases: each layout cut at every structural position class of a few records.
import { oneLine, type CorpusCase } from './case.js';
import { cutPoints } from './positions.js';
import { AT, layouts } from './sample.js';

/** Records to cut inside: before any window, in a window (non-ASCII), a revocation, the last. */
const CUT_RECORDS = [AT.create, AT.grant, AT.secondRevoke, AT.last];

/**
 * The sample in every layout, cut at each position class of each record in CUT_RECORDS. The
 * records before the cut are good; a cut inside a record makes it the bad part, and so does an
 * array left open (the scanner reports where the input ends).
 */
export function truncationCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const layout of layouts()) {
    for (const k of CUT_RECORDS) {
      const [start, end] = layout.ranges[k]!;
      for (const [cls, cut] of cutPoints(layout.text, start, end)) {
        const whole = cut >= end;
        const good = layout.records.slice(0, whole ? k + 1 : k).map(oneLine);
        const bad = !whole
          ? [{ start, end: Infinity, what: `record ${k} cut short (${cls})` }]
          : layout.array
            ? [{ start: cut, end: Infinity, what: 'array left open' }]
            : [];
        const text = layout.text.subarray(0, cut);
        out.push({
          name: `truncation-${layout.name}-r${k}-${cls}`,
          group: 'truncation',
          file: `cut.${layout.array ? 'json' : 'ndjson'}`,
          bytes: () => text,
          exit: 0,
          good,
          bad,
        });
      }
    }
  }
  return out;
}
