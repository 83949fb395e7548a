// How often one value was seen over an incident's distinct events: events, windows, first and last time.
import { isoUtc } from '../events/time.js';
import type { IncidentSighting } from '../model/incident.js';

/** Counts for one value, filled event by event (each distinct event once). */
export class Sighting {
  events = 0;
  readonly windows = new Set<number>();
  first = Infinity;
  last = -Infinity;

  /** Counts one event published at `ms`, seen in `windows`. */
  see(ms: number, windows: Iterable<number>): void {
    this.events++;
    for (const w of windows) this.windows.add(w);
    if (ms < this.first) this.first = ms;
    if (ms > this.last) this.last = ms;
  }

  /** The contract's fields. */
  fields(): IncidentSighting {
    return { events: this.events, windows: this.windows.size, firstSeen: isoUtc(this.first), lastSeen: isoUtc(this.last) };
  }
}

/** Counts per key, and what else each key needs (`extra`, made once per key). */
export class Tally<T> {
  readonly entries = new Map<string, { sighting: Sighting; extra: T }>();

  constructor(private readonly make: () => T) {}

  /** The entry of `key`, made on first use. */
  at(key: string): { sighting: Sighting; extra: T } {
    let e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, (e = { sighting: new Sighting(), extra: this.make() }));
    return e;
  }

  /** Entries by events (most first), then key. */
  sorted(): [string, { sighting: Sighting; extra: T }][] {
    return [...this.entries].sort((a, b) => b[1].sighting.events - a[1].sighting.events || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}

/** Counts of values; the most frequent first (then by value). */
export class Counter {
  private readonly counts = new Map<string, number>();

  add(value: string | null): void {
    if (value !== null && value !== '') this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  /** The values, most frequent first, then by value. */
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
  }

  /** How often `value` was added. */
  count(value: string): number {
    return this.counts.get(value) ?? 0;
  }

  /** The most frequent value, or null. */
  top(): string | null {
    return this.ranked()[0] ?? null;
  }
}
