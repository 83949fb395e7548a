// What the CLI's NDJSON report says about its windows: their link set, and how many events they hold.
import { linkKey, ndjsonLines, originalDigest, type LinkSet } from './link-sets.js';

/** Sizes of the windows of one report. */
export interface WindowStats {
  windows: number;
  /** Window events over all windows (an event in three windows counts three times). */
  events: number;
  mean: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  /** The five largest windows, ascending. */
  largest: number[];
  /** Distinct events in some window. */
  distinct: number;
  /** Distinct events in two or more windows. */
  inSeveral: number;
  /** The most windows one event is in. */
  mostWindows: number;
}

/** The value at quantile `q` of ascending `sorted` (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? sorted[0]!;
}

/** Statistics of window sizes and of how often events recur across windows. */
export function windowStats(sizes: readonly number[], perEvent: ReadonlyMap<string, number>): WindowStats {
  const s = [...sizes].sort((a, b) => a - b);
  const events = s.reduce((a, b) => a + b, 0);
  let inSeveral = 0;
  let mostWindows = 0;
  for (const n of perEvent.values()) {
    if (n > 1) inSeveral++;
    if (n > mostWindows) mostWindows = n;
  }
  return {
    windows: s.length, events, mean: s.length ? events / s.length : 0, min: s[0] ?? 0, median: quantile(s, 0.5), p90: quantile(s, 0.9),
    max: s.at(-1) ?? 0, largest: s.slice(-5), distinct: perEvent.size, inSeveral, mostWindows,
  };
}

interface ReportLine {
  kind?: string;
  id: string;
  window?: { events: { uuid: string; links: string[]; event?: unknown }[] };
}

/** Reads a `--format ndjson` report: its link set (with the originals' digests when asked) and its window statistics. */
export async function readReportWindows(path: string, originals = false): Promise<{ set: LinkSet; stats: WindowStats }> {
  const links = new Set<string>();
  const digests = originals ? new Set<string>() : undefined;
  const sizes: number[] = [];
  const perEvent = new Map<string, number>();
  for await (const value of ndjsonLines(path)) {
    const f = value as ReportLine;
    // Findings only: the report also holds incident summaries (and detections with --hunt).
    if (f.kind !== 'revocation') continue;
    const events = f.window?.events ?? [];
    sizes.push(events.length);
    for (const e of events) {
      links.add(linkKey(f.id, e.uuid, e.links));
      digests?.add(`${f.id} ${e.uuid} ${originalDigest(e.event)}`);
      perEvent.set(e.uuid, (perEvent.get(e.uuid) ?? 0) + 1);
    }
  }
  return { set: digests ? { links, originals: digests } : { links }, stats: windowStats(sizes, perEvent) };
}
