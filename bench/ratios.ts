// The benchmark's verdict for one profile and size: ratios to jq and DuckDB, the one-minute window, peak RSS, cost per window event and record.
import type { Profile } from './profile.js';
import type { WindowStats } from './report-windows.js';

/** The measured row fields the summary reads (a subset of run.ts's BenchRow). */
export interface RatioRow {
  tool: 'okta-revoke-scan' | 'jq' | 'duckdb';
  /** `whole`, `--before 1m`, `--no-window` (CLI), `select` (jq), `links`, `originals` (DuckDB). */
  variant: string;
  format: string;
  wallS: number;
  peakRssMiB: number | null;
  parsed: number | null;
  ok: boolean;
}

/** Everything measured on one profile at one size. */
export interface ProfileFigures {
  profile: Profile;
  size: string;
  events: number;
  revocations: number;
  /** Window statistics of the CLI's report (null without the CLI). */
  windows: WindowStats | null;
  rows: RatioRow[];
}

/** The targets of issue 16, on the heavy profile. */
const TARGETS = { jqNdjson: 10, jqPretty: 15, duckdbLinks: 1, oneMinute: 1.5, peakRssMiB: 150 } as const;

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const times = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)}×`;

function find(rows: readonly RatioRow[], tool: RatioRow['tool'], variant: string, format: string): RatioRow | undefined {
  return rows.find((r) => r.tool === tool && r.variant === variant && r.format === format && r.ok);
}

/** How many times longer `slow` took than `fast` (null when either is missing). */
export function ratio(slow: RatioRow | undefined, fast: RatioRow | undefined): number | null {
  return slow && fast && fast.wallS > 0 ? slow.wallS / fast.wallS : null;
}

/** ` (target ≥ 10×: met)` on the heavy profile, nothing on the light one. */
function target(f: ProfileFigures, text: string, met: boolean): string {
  return f.profile === 'heavy' ? ` (target ${text}: ${met ? 'met' : 'NOT met'})` : '';
}

/**
 * The summary lines of one profile and size: window statistics, then each ratio the issue asks for
 * (jq's plain select, DuckDB without and with originals, `--before 1m` against `--no-window`),
 * peak RSS, and the whole job's time per window event and per parsed record. The heavy profile's
 * lines name the issue's targets.
 */
export function summaryLines(f: ProfileFigures): string[] {
  const out: string[] = [];
  const w = f.windows;
  out.push(`${f.profile} ${f.size}: ${int(f.events)} events, ${f.revocations} revocations` + (w
    ? `; ${int(w.events)} window events (mean ${w.mean.toFixed(0)}, median ${w.median}, p90 ${w.p90}, largest ${w.largest.map(int).join(', ')}; smallest ${w.min}); ${int(w.inSeveral)} events in 2 or more windows (up to ${w.mostWindows})`
    : ''));
  const whole = find(f.rows, 'okta-revoke-scan', 'whole', 'ndjson');
  const wholePretty = find(f.rows, 'okta-revoke-scan', 'whole', 'pretty');
  const jqN = ratio(find(f.rows, 'jq', 'select', 'ndjson'), whole);
  const jqP = ratio(find(f.rows, 'jq', 'select', 'pretty'), wholePretty);
  if (jqN !== null || jqP !== null) {
    const parts: string[] = [];
    if (jqN !== null) parts.push(`NDJSON ${times(jqN)}${target(f, `≥ ${TARGETS.jqNdjson}×`, jqN >= TARGETS.jqNdjson)}`);
    if (jqP !== null) parts.push(`pretty array ${times(jqP)}${target(f, `≥ ${TARGETS.jqPretty}×`, jqP >= TARGETS.jqPretty)}`);
    out.push(`  jq's plain select / whole job: ${parts.join(', ')}`);
  }
  const duck: string[] = [];
  for (const format of ['ndjson', 'pretty']) {
    const mine = find(f.rows, 'okta-revoke-scan', 'whole', format);
    const links = ratio(find(f.rows, 'duckdb', 'links', format), mine);
    if (links !== null) duck.push(`${format} links only ${times(links)}${target(f, `> ${TARGETS.duckdbLinks}×`, links > TARGETS.duckdbLinks)}`);
    const originals = ratio(find(f.rows, 'duckdb', 'originals', format), mine);
    if (originals !== null) duck.push(`${format} with originals ${times(originals)}`);
  }
  if (duck.length) out.push(`  DuckDB / whole job: ${duck.join(', ')}`);
  const minute = find(f.rows, 'okta-revoke-scan', '--before 1m', 'ndjson');
  const rulesOnly = find(f.rows, 'okta-revoke-scan', '--no-window', 'ndjson');
  const m = ratio(minute, rulesOnly);
  if (m !== null) out.push(`  --before 1m / --no-window: ${minute!.wallS.toFixed(2)} s / ${rulesOnly!.wallS.toFixed(2)} s = ${times(m)}${target(f, `≤ ${TARGETS.oneMinute}×`, m <= TARGETS.oneMinute)}`);
  if (whole?.peakRssMiB != null) {
    const others = [wholePretty, minute, rulesOnly].filter((r) => r?.peakRssMiB != null).map((r) => `${r!.variant === 'whole' ? r!.format : r!.variant} ${r!.peakRssMiB!.toFixed(0)}`);
    out.push(`  peak RSS, whole job on NDJSON: ${whole.peakRssMiB.toFixed(0)} MiB${target(f, `≤ ${TARGETS.peakRssMiB} MiB`, whole.peakRssMiB <= TARGETS.peakRssMiB)}${others.length ? ` (${others.join(', ')} MiB)` : ''}`);
  }
  if (whole) {
    const cost: string[] = [];
    if (w && w.events > 0) cost.push(`${((whole.wallS * 1e6) / w.events).toFixed(1)} µs per window event`);
    if (whole.parsed) cost.push(`${((whole.wallS * 1e6) / whole.parsed).toFixed(1)} µs per parsed record (${int(whole.parsed)} parsed)`);
    if (rulesOnly && w && w.events > 0) cost.push(`windows beyond --no-window ${(((whole.wallS - rulesOnly.wallS) * 1e6) / w.events).toFixed(1)} µs per window event`);
    if (cost.length) out.push(`  whole job on NDJSON, ${whole.wallS.toFixed(2)} s: ${cost.join('; ')}`);
  }
  return out;
}
