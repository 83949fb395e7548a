// One pass over every input: each read by the strategy that suits it, its candidates parsed, unwrapped and normalised.
import { UserError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { plural } from '../text/plural.js';
import type { SourceFile } from '../input/record-source.js';
import type { InputSummary } from '../model/report.js';
import { DiagnosticLog } from './diagnostics.js';
import { prefilterFromSpec } from './fast/filter-spec.js';
import { IndexBuild } from './fast/indexed-read.js';
import { InputPass, PassState } from './input-pass.js';
import type { IntakeContext } from './intake.js';
import type { PassInput, PassOptions, PassResult } from './pass-types.js';
import { INDEX_NEEDLES } from './fast/record-hashes.js';
import { closeIndexes, selectionFor, type SourceIndex } from './fast/record-index.js';
import { chooseStrategy, indexable, IndexedRead } from './read-strategy.js';

export type { PassOptions, PassProgress, PassResult } from './pass-types.js';

/** The report's form of a pass's counts for one input: no byte count, and `error` only when there is one. */
export function inputSummary({ path, format, events, duplicates, diagnostics, error }: PassInput): InputSummary {
  return error === null ? { path, format, events, duplicates, diagnostics } : { path, format, events, duplicates, diagnostics, error };
}

/** The one line for an input that gave no event at all, only problems. */
function unreadable(file: string, problems: number, first: Diagnostic | undefined): string {
  const where = first?.line ? ` (line ${first.line})` : first?.offset !== undefined ? ` (byte ${first.offset})` : '';
  const what = first ? `; the first${where}: ${first.reason}` : '';
  return `${file}: unreadable: not one Okta event in it, ${plural(problems, 'problem')}${what} (not an Okta System Log export, or encrypted or damaged?)`;
}

/**
 * Reads every input once. Records the pre-filter cannot rule out are parsed, unwrapped (Event Hook
 * deliveries, message wrappers, SIEM documents: see `unwrap`) and normalised; the rest are only
 * counted. Documents and tables arrive parsed and are all normalised. An input that cannot be read
 * is recorded with its error and the pass goes on with the next one.
 */
export async function runPass(opts: PassOptions): Promise<PassResult> {
  const prev = opts.previous;
  const state = new PassState(prev?.diagnostics ?? new DiagnosticLog(), prev?.newest ?? null, opts.onProgress);
  const seen = new Set<string>();
  const inputs: PassInput[] = [];
  const indexes: (SourceIndex | null)[] = [];
  const sourceFiles = new Map<number, SourceFile>();
  let split = 0;
  let indexedReads = 0;
  // A later pass reads indexed inputs through their index when the index can stand for its filter.
  const throughIndex = prev !== undefined && opts.throughIndex === true && !opts.filter.all && opts.filter.needles.every((n) => INDEX_NEEDLES.includes(n));
  const selection = throughIndex ? selectionFor(opts.filter.probes) : null;
  const ctx: IntakeContext = { diagnostics: state.diagnostics, seen, previous: prev?.kept, onEvent: opts.onEvent, onTokenCall: opts.onTokenCall, dedupAll: opts.dedupAll === true };
  for (const [index, src] of opts.sources.entries()) {
    const summary: PassInput = prev?.inputs[index] ?? { path: src.label, format: 'unknown', events: 0, duplicates: 0, diagnostics: 0, error: null, bytes: 0 };
    inputs.push(summary);
    indexes.push(null);
    if (prev && summary.error !== null) continue;
    const before = { ...state.progress };
    let input: InputPass | null = null;
    let build: IndexBuild | null = null;
    try {
      const indexed = selection ? (prev?.indexes[index] ?? null) : null;
      const strategy = await chooseStrategy({
        src,
        at: index,
        read: opts.read,
        filter: opts.filter,
        threads: opts.threads ?? 1,
        parallelMinBytes: opts.parallelMinBytes ?? 64 << 20,
        indexed: indexed && { index: indexed, selection: selection!, summary },
        later: prev !== undefined,
        sharesCalls: opts.onTokenCall !== undefined,
        onNewest: (t) => state.newer(t),
      });
      if (opts.index && !prev && !opts.filter.all && (await indexable(src))) build = IndexBuild.start();
      input = new InputPass(state, src.label, ctx, prefilterFromSpec(opts.filter), prev !== undefined, build);
      if (strategy instanceof IndexedRead) {
        indexedReads++;
        sourceFiles.set(index, strategy.source);
      }
      if (strategy.kind === 'split') split++;
      const stats = await strategy.read(input);
      if (opts.onProgress) {
        state.progress.bytes = before.bytes + stats.bytes;
        state.progress.records = before.records + stats.records;
        state.report();
      }
      if (build) indexes[index] = build.finish(stats.records, stats.workerIndex ?? (strategy.kind === 'split' ? { entries: 0, ok: false, lineOffset: 0 } : undefined));
      if (prev) summary.events += input.intake.extra - input.intake.bad;
      else {
        summary.format = stats.format;
        summary.events = stats.records + input.intake.extra - input.intake.bad;
        summary.bytes = stats.bytes;
        state.newer(input.intake.newest);
        const problems = state.diagnostics.countFor(src.label);
        if (input.intake.good === 0 && problems > 0) summary.error = unreadable(src.label, problems, state.diagnostics.firstFor(src.label));
      }
    } catch (err) {
      build?.abandon();
      indexes[index] = null;
      if (!(err instanceof UserError)) {
        closeIndexes(indexes);
        throw err;
      }
      summary.error = err.message;
    }
    summary.duplicates += input?.intake.duplicates ?? 0;
    summary.diagnostics = state.diagnostics.countFor(src.label);
  }
  return { inputs, diagnostics: state.diagnostics, parsed: state.parsed, kept: seen, newest: state.newest, split, indexes, indexed: indexedReads, sourceFiles };
}
