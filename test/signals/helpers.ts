// Test helper: events with network/agent/threat fields, and a two-pass run of windows plus signals.
import { normalize } from '../../src/events/normalize.js';
import type { OktaEvent } from '../../src/events/types.js';
import type { Finding, RuleRef } from '../../src/model/report.js';
import { buildFinding } from '../../src/scan/finding.js';
import { attachSignals, evaluateSignals } from '../../src/signals/evaluate.js';
import { SignalHistory } from '../../src/signals/history.js';
import { DEFAULT_SIGNAL_OPTIONS, type SignalOptions } from '../../src/signals/options.js';
import { TokenBaselines } from '../../src/signals/token-baseline.js';
import type { Signal, SignalId } from '../../src/model/signal.js';
import { WindowCollector, type WindowOptions } from '../../src/window/collector.js';
import { tokenCallOf } from '../../src/events/token-call.js';
import { TokenIndex } from '../../src/window/token-index.js';
import { raw, type RawSpec } from '../window/helpers.js';

export const MIN = 60_000;
export const H = 3_600_000;
export const DAY = 24 * H;
/** The revocation time of every test. */
export const T = Date.parse('2024-05-02T12:00:00.000Z');
export const TOKEN = '00Ttok';

/** `ms` relative to T as an ISO time. */
export function at(offset: number): string {
  return new Date(T + offset).toISOString();
}

export interface SigSpec extends RawSpec {
  asn?: number | null;
  asOrg?: string;
  ua?: string;
  proxy?: boolean;
  threat?: string;
  risk?: string;
}

/** A normalised event with securityContext, a raw user agent and debugData. */
export function sev(s: SigSpec): OktaEvent {
  const r = raw(s);
  (r.client as Record<string, unknown>).userAgent = { rawUserAgent: s.ua ?? 'okta-sdk-python/2.9.5' };
  r.securityContext = { asNumber: s.asn === undefined ? 16509 : s.asn, asOrg: s.asOrg ?? 'amazon', isProxy: s.proxy ?? false };
  r.debugContext = { debugData: { threatSuspected: s.threat ?? 'false', ...(s.risk ? { risk: s.risk } : {}) } };
  const n = normalize(r, () => s.uuid);
  if (!n.ok) throw new Error(n.reason);
  return n.event;
}

/** A call made with the test token at T + offset. */
export function call(uuid: string, offset: number, patch: Partial<SigSpec> = {}): OktaEvent {
  return sev({ uuid, at: at(offset), type: 'user.account.update_profile', actor: '00uowner', token: TOKEN, ip: '203.0.113.10', country: 'United States', ...patch });
}

/** The revocation of the test token at T, by `actor` (a person) or by Okta (`system`). */
export function revocation(actor = '00uadmin', patch: Partial<SigSpec> = {}): OktaEvent {
  const system = actor === 'system';
  return sev({
    uuid: 'R',
    at: at(0),
    type: 'system.api_token.revoke',
    actor: system ? 'spr1' : actor,
    actorType: system ? 'SystemPrincipal' : 'User',
    alt: system ? 'system@okta.com' : undefined,
    ip: system ? null : '192.0.2.10',
    country: 'United States',
    targets: [{ id: TOKEN, type: 'Token', displayName: 'ci' }],
    ...patch,
  });
}

/** The token's creation by its owner, `offset` from T. */
export function creation(offset = -60 * DAY): OktaEvent {
  return sev({ uuid: 'C', at: at(offset), type: 'system.api_token.create', actor: '00uowner', targets: [{ id: TOKEN, type: 'Token' }] });
}

/** The default revoker's sign-ins three and two days before T, from the revocation's address. */
const ADMIN_HISTORY = [3, 2].map((d) => sev({ uuid: `admin-${d}d`, at: at(-d * DAY), actor: '00uadmin', ip: '192.0.2.10', country: 'United States' }));

/**
 * Runs both passes over `events` (the revocation included) as scan() does and returns the
 * finding. Unless `adminHistory` is false, ADMIN_HISTORY is part of the input, so that the
 * default revoker has a known place and revoker-context stays quiet.
 */
export function analyse(
  events: OktaEvent[],
  revoke: OktaEvent = revocation(),
  opts: { window?: Partial<WindowOptions>; signals?: Partial<SignalOptions>; adminHistory?: boolean; detect?: (e: OktaEvent) => RuleRef[] } = {},
): Finding & { signals: Signal[] } {
  const all = [...(opts.adminHistory === false ? [] : ADMIN_HISTORY), ...events, revoke];
  const tokens = new TokenIndex();
  const baselines = new TokenBaselines();
  for (const e of all) {
    if (!TokenIndex.wants(e)) continue;
    // As the scan's first pass does: the creation, then the call's facts built once for both.
    tokens.observeCreation(e);
    const c = tokenCallOf(e);
    if (c) {
      tokens.observeCall(c);
      baselines.observe(c);
    }
  }
  const finding = buildFinding(revoke, [{ id: 'r', title: 'Okta API Token Revoked', level: 'medium' }]);
  const window: WindowOptions = { before: 24 * H, after: 0, maxEvents: 1000, ...opts.window };
  const options = { ...DEFAULT_SIGNAL_OPTIONS, ...opts.signals };
  const collector = new WindowCollector([finding], tokens, window, new Map([[revoke.uuid, revoke]]), opts.detect);
  const history = new SignalHistory([finding], window, options, new Set(revoke.requestApiTokenId === null ? [] : [revoke.uuid]));
  for (const e of all) {
    collector.observe(e);
    history.observe(e);
  }
  const sources = { baselines, history, options, createdAt: (id: string) => tokens.owners.get(id)?.published ?? null };
  collector.finish((f, kept) => attachSignals(f, evaluateSignals(f, kept, sources)));
  return finding as Finding & { signals: Signal[] };
}

/** The finding's signals with this id. */
export function signalsOf(f: { signals: Signal[] }, id: SignalId): Signal[] {
  return f.signals.filter((s) => s.id === id);
}

/** The one signal with this id (throws when there is not exactly one). */
export function one(f: { signals: Signal[] }, id: SignalId): Signal {
  const list = signalsOf(f, id);
  if (list.length !== 1) throw new Error(`${list.length} ${id} signals: ${JSON.stringify(f.signals)}`);
  return list[0]!;
}
