// Counts over a window's events: by link, event type, outcome; addresses, countries, first/last seen.
import { LINK_ORDER, type WindowEvent, type WindowSummary } from '../model/window.js';

/** Summarises events already sorted by time. */
export function summarize(events: WindowEvent[]): WindowSummary {
  const byLink = Object.fromEntries(LINK_ORDER.map((k) => [k, 0])) as WindowSummary['byLink'];
  const byEventType = new Map<string, number>();
  const byOutcome = new Map<string, number>();
  const ips = new Set<string>();
  const countries = new Set<string>();
  for (const e of events) {
    for (const l of e.links) byLink[l]++;
    increment(byEventType, e.eventType);
    increment(byOutcome, e.outcome ?? 'UNKNOWN');
    if (e.client.ipAddress !== null) ips.add(e.client.ipAddress);
    if (e.client.country !== null) countries.add(e.client.country);
  }
  return {
    byLink,
    byEventType: sortedRecord(byEventType),
    byOutcome: sortedRecord(byOutcome),
    ipAddresses: [...ips].sort(),
    countries: [...countries].sort(),
    firstSeen: events.length ? events[0]!.published : null,
    lastSeen: events.length ? events[events.length - 1]!.published : null,
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The counts as a record, keys sorted by count (descending) then name, for stable output. */
function sortedRecord(counts: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Keys come from the log: defined, never assigned, so that none reaches Object.prototype.
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
