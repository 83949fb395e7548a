// Which revocations form one incident: their windows share an event, the revoked token, or an address the token was used from.
import type { SeenEvent } from './seen-event.js';

/** What a window brings to the grouping: its revoked token and the addresses that token was used from in it. */
export interface WindowPivots {
  tokenId: string | null;
  tokenIps: ReadonlySet<string>;
}

/**
 * Groups windows (by index) with a union-find: two windows are in one group when an event is in
 * both, when they revoke the same token, or when the same address used their revoked tokens.
 * Groups are ordered by their first window, windows within a group ascending.
 */
export function groupWindows(windows: readonly WindowPivots[], events: Iterable<SeenEvent>): number[][] {
  const parent = windows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const e of events) {
    const [first, ...rest] = e.windows;
    for (const w of rest) union(first!, w);
  }
  const byToken = new Map<string, number>();
  const byIp = new Map<string, number>();
  for (const [i, w] of windows.entries()) {
    if (w.tokenId !== null) {
      const other = byToken.get(w.tokenId);
      if (other === undefined) byToken.set(w.tokenId, i);
      else union(other, i);
    }
    for (const ip of w.tokenIps) {
      const other = byIp.get(ip);
      if (other === undefined) byIp.set(ip, i);
      else union(other, i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < windows.length; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
