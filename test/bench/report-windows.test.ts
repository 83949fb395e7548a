// What a CLI report says about its windows: link keys, originals' digests and size statistics.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originalDigest } from '../../bench/link-sets.js';
import { readReportWindows, windowStats } from '../../bench/report-windows.js';

const dir = mkdtempSync(join(tmpdir(), 'okta-report-windows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('windowStats', () => {
  it('summarises sizes and how often events recur', () => {
    const s = windowStats([5, 1, 9, 3], new Map([['a', 1], ['b', 2], ['c', 4]]));
    expect(s).toEqual({ windows: 4, events: 18, mean: 4.5, min: 1, median: 3, p90: 9, max: 9, largest: [1, 3, 5, 9], distinct: 3, inSeveral: 2, mostWindows: 4 });
    expect(windowStats([], new Map())).toMatchObject({ windows: 0, events: 0, mean: 0, max: 0 });
  });
});

describe('readReportWindows', () => {
  it('keys every window event by revocation, uuid and links, and digests its original', async () => {
    const path = join(dir, 'r.ndjson');
    const event = { uuid: 'e1', eventType: 'x' };
    writeFileSync(path, [
      JSON.stringify({ kind: 'incident', id: 'i1', revocations: ['r1', 'r2'] }),
      JSON.stringify({ kind: 'revocation', id: 'r1', window: { events: [{ uuid: 'e1', links: ['token', 'ip'], event }, { uuid: 'e2', links: ['actor'], event: {} }] } }),
      JSON.stringify({ kind: 'revocation', id: 'r2', window: { events: [{ uuid: 'e1', links: ['owner'], event }] } }),
      JSON.stringify({ kind: 'revocation', id: 'r3' }),
    ].join('\n') + '\n');
    const { set, stats } = await readReportWindows(path, true);
    expect([...set.links]).toEqual(['r1 e1 token+ip', 'r1 e2 actor', 'r2 e1 owner']);
    expect(set.originals!.has(`r2 e1 ${originalDigest(event)}`)).toBe(true);
    expect(stats).toMatchObject({ windows: 3, events: 3, min: 0, inSeveral: 1, mostWindows: 2 });
    expect((await readReportWindows(path)).set.originals).toBeUndefined();
  });
});
