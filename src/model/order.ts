// The one order of records in every output: time, then id (uuid) as a tie-break.

/** Compares two records by time (ms), then by id; the order every list in a report is sorted in. */
export function compareTimeThenId(aTime: number, aId: string, bTime: number, bId: string): number {
  return aTime - bTime || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

/** Findings and detections order: published time, then id. */
export function compareFindings(a: { publishedMs: number; id: string }, b: { publishedMs: number; id: string }): number {
  return compareTimeThenId(a.publishedMs, a.id, b.publishedMs, b.id);
}
