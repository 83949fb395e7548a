// Counts over a window's events: by link, event type, outcome; addresses, countries, first/last seen.
import { LINK_ORDER, type WindowEvent, type WindowSummary } from './types.js';

/** Summarises events already sorted by time. */
export function summarize(events: WindowEvent[]): WindowSummary {
  const byLink = Object.fromEntries(LINK_ORDER.map((k) => [k, 0])) as WindowSummary['byLink'];
  const byEventType: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
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

function increment(rec: Record<string, number>, key: string): void {
  // Keys come from the log: never let one reach Object.prototype.
  if (Object.hasOwn(rec, key)) rec[key]!++;
  else Object.defineProperty(rec, key, { value: 1, enumerable: true, writable: true, configurable: true });
}

/** Same record with keys sorted by count (descending) then name, for stable output. */
function sortedRecord(rec: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const entries = Object.entries(rec).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
