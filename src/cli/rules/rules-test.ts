// `rules test`: a dry run that parses every record of the exports and records what each rule matches.
import { compareTimeThenId } from '../../model/order.js';
import type { Readable } from 'node:stream';
import { isoUtc } from '../../events/time.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../../input/read.js';
import { resolveInputs } from '../../input/sources.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { InputSummary } from '../../model/report.js';
import type { SigmaRule } from '../../rules/index.js';
import { inputSummary, runPass } from '../../scan/pass.js';

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
  /** Bad records: how many, and the first thousand. */
  diagnostics: { total: number; kept: readonly Diagnostic[] };
}

/**
 * Reads every input (files, folders, `-` for stdin), parses every record, and evaluates every
 * rule on every distinct event. Unreadable inputs and bad records are in the result; they never
 * stop the run.
 */
export async function dryRun(rules: readonly SigmaRule[], inputs: string[], stdin: Readable): Promise<DryRunResult> {
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
  const summaries: InputSummary[] = pass.inputs.map(inputSummary);
  const events = summaries.reduce((n, i) => n + i.events - i.duplicates, 0);
  return { inputs: summaries, events, matched, matches, diagnostics: { total: pass.diagnostics.total, kept: pass.diagnostics.kept } };
}
