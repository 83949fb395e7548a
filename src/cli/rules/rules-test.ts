// `rules test`: a dry run that parses every record of the exports and records what each rule matches.
import { compareTimeThenId } from '../../model/order.js';
import type { Readable } from 'node:stream';
import { isoUtc } from '../../events/time.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../../input/read.js';
import { resolveInputs } from '../../input/sources.js';
import type { InputSummary } from '../../model/report.js';
import type { SigmaRule } from '../../rules/index.js';
import { formatDiagnostic } from '../../scan/diagnostics.js';
import { runPass } from '../../scan/pass.js';

/** An event a rule matched, with where it was found. */
export interface MatchedEvent {
  uuid: string;
  published: string;
  eventType: string;
  /** `actor.alternateId` (else id) of the event. */
  actor: string | null;
  outcome: string | null;
  file: string;
  line?: number;
  offset?: number;
  /** Epoch ms of `published`, for sorting; not serialised. */
  publishedMs: number;
}

/** What the dry run found. */
export interface DryRunResult {
  inputs: InputSummary[];
  /** Distinct events read. */
  events: number;
  /** Distinct events matched by at least one rule. */
  matched: number;
  /** Matched events per rule id, sorted by time then uuid. */
  matches: Map<string, MatchedEvent[]>;
}

/** Diagnostics printed on stderr before `… N more`. */
const SHOW_DIAGNOSTICS = 5;

/**
 * Reads every input (files, folders, `-` for stdin), parses every record, and evaluates every
 * rule on every distinct event. Unreadable inputs and bad records are reported with `err` (bad
 * records only without `quiet`) and in the result; they never stop the run.
 */
export async function dryRun(rules: readonly SigmaRule[], inputs: string[], stdin: Readable, err: (line: string) => void, quiet: boolean): Promise<DryRunResult> {
  const matches = new Map<string, MatchedEvent[]>(rules.map((r) => [r.id, []]));
  let matched = 0;
  const resolved = await resolveInputs(inputs, stdin);
  let pass;
  try {
    pass = await runPass({
      sources: resolved.sources,
      read: { maxRecordBytes: DEFAULT_MAX_RECORD_BYTES },
      filter: { needles: [], all: true, probes: [] },
      dedupAll: true,
      onEvent(event, where) {
        let any = false;
        for (const rule of rules) {
          if (!rule.matches(event.doc)) continue;
          any = true;
          matches.get(rule.id)!.push({
            uuid: event.uuid,
            published: isoUtc(event.published),
            eventType: event.eventType,
            actor: event.actor.alternateId ?? event.actor.id,
            outcome: event.outcome.result,
            ...where,
            publishedMs: event.published,
          });
        }
        if (any) matched++;
        return any;
      },
    });
  } finally {
    await resolved.cleanup();
  }
  for (const list of matches.values()) list.sort((a, b) => compareTimeThenId(a.publishedMs, a.uuid, b.publishedMs, b.uuid));
  const summaries: InputSummary[] = pass.inputs.map(({ path, format, events, duplicates, diagnostics, error }) =>
    error === null ? { path, format, events, duplicates, diagnostics } : { path, format, events, duplicates, diagnostics, error },
  );
  for (const i of summaries) if (i.error !== undefined) err(i.error);
  const total = pass.diagnostics.total;
  if (!quiet && total > 0) {
    err(`${total} input problem${total === 1 ? '' : 's'} (bad records are skipped):`);
    for (const d of pass.diagnostics.kept.slice(0, SHOW_DIAGNOSTICS)) err(`  ${formatDiagnostic(d)}`);
  }
  const events = summaries.reduce((n, i) => n + i.events - i.duplicates, 0);
  return { inputs: summaries, events, matched, matches };
}
