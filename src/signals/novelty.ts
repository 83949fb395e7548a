// new-ip, new-country, new-asn, new-user-agent: the token used from something it never used before the window.
import type { KeptEvent } from '../window/collector.js';
import { plural } from '../text/plural.js';
import type { SignalContext } from './context.js';
import { networkKey } from '../events/token-call.js';
import type { BaselineKind } from './token-baseline.js';
import type { Severity } from '../model/severity.js';
import type { Signal, SignalId } from '../model/signal.js';

interface Novelty {
  id: SignalId;
  kind: BaselineKind;
  severity: Severity;
  /** The noun with its article (one value), and its plural. */
  noun: readonly [string, string];
  /** The value compared, or null when the event has none. */
  value(e: KeptEvent): string | null;
  /** How the value is shown. */
  label(e: KeptEvent, value: string): string;
}

/** The four comparisons: a new country weighs most; a new address, network or agent alone is low. */
const NOVELTIES: readonly Novelty[] = [
  { id: 'new-country', kind: 'country', severity: 'medium', noun: ['a country', 'countries'], value: (e) => e.client.country, label: (_, v) => v },
  {
    id: 'new-asn',
    kind: 'asn',
    severity: 'low',
    noun: ['a network', 'networks'],
    value: (e) => networkKey(e.facts.asNumber, e.facts.asOrg),
    label: (e, v) => (e.facts.asNumber === v ? `AS${v}${e.facts.asOrg ? ` ${e.facts.asOrg}` : ''}` : v),
  },
  { id: 'new-ip', kind: 'ip', severity: 'low', noun: ['an address', 'addresses'], value: (e) => e.client.ipAddress, label: (_, v) => v },
  { id: 'new-user-agent', kind: 'userAgent', severity: 'low', noun: ['a user agent', 'user agents'], value: (e) => e.facts.userAgent, label: (_, v) => v },
];

/**
 * Compares the token's calls inside the window with its calls before the window anywhere in the
 * input (first pass): one signal per kind of value with at least one value first used inside
 * the window. Without any earlier call there is nothing to compare with: a single `no-baseline`
 * info signal says so instead.
 */
export function noveltySignals(ctx: SignalContext): Signal[] {
  const calls = ctx.calls;
  if (calls.length === 0 || ctx.tokenId === null) return [];
  const tokenId = ctx.tokenId;
  if (!ctx.baselines.usedBefore(tokenId, ctx.start)) {
    return [{
      id: 'no-baseline',
      severity: 'info',
      message: `no call made with the token before the window in the input: its ${plural(calls.length, 'call')} in the window cannot be compared (new-ip, new-country, new-asn and new-user-agent not evaluated)`,
      evidence: [calls[0]!.uuid],
    }];
  }
  const out: Signal[] = [];
  for (const n of NOVELTIES) {
    const fresh = new Map<string, { label: string; uuids: string[] }>();
    const evidence: string[] = [];
    for (const e of calls) {
      const v = n.value(e);
      if (v === null || v === '' || ctx.baselines.seenBefore(tokenId, n.kind, v, ctx.start)) continue;
      const entry = fresh.get(v) ?? { label: n.label(e, v), uuids: [] };
      entry.uuids.push(e.uuid);
      fresh.set(v, entry);
      evidence.push(e.uuid);
    }
    if (fresh.size === 0) continue;
    const list = [...fresh.values()].map((f) => `${f.label} (${plural(f.uuids.length, 'call')})`).join(', ');
    out.push({
      id: n.id,
      severity: n.severity,
      message: `token used from ${fresh.size === 1 ? n.noun[0] : `${fresh.size} ${n.noun[1]}`} it never used before the window: ${list}`,
      evidence,
    });
  }
  return out;
}
