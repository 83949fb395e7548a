// How one input is read in a pass: whole on this thread, in two parts by two threads, or through its record index.
import { isGzipFile } from '../input/blocks.js';
import { readInput, type ReadOptions } from '../input/read.js';
import { SourceFile } from '../input/record-source.js';
import type { InputSource } from '../input/sources.js';
import type { FilterSpec } from './fast/filter-spec.js';
import { readIndexedInWorker } from './fast/gather-read.js';
import { readIndexed, type WorkerIndexReport } from './fast/indexed-read.js';
import type { InputPass } from './input-pass.js';
import { canUseWorkers } from './fast/parallel.js';
import { Mark } from './fast/prefilter.js';
import type { IndexSelection, SourceIndex } from './fast/record-index.js';
import { planSplit, type SplitPlan } from './fast/split-plan.js';
import { readSplit } from './fast/split-read.js';
import type { TokenCall } from '../events/token-call.js';

/** What reading an input found, whatever the strategy. */
export interface StrategyResult {
  format: string;
  records: number;
  bytes: number;
  /** Two threads: the worker's part of the record index (written when the input was indexed). */
  workerIndex?: WorkerIndexReport & { lineOffset: number };
}

/**
 * One way of reading an input into an {@link InputPass}. Every strategy gives the pass the same
 * records, in file order, with the same locations: only how fast differs.
 */
export interface ReadStrategy {
  readonly kind: 'plain' | 'split' | 'indexed';
  read(input: InputPass): Promise<StrategyResult>;
}

/** The whole input on this thread: any shape, gzip, documents, tables. */
class PlainRead implements ReadStrategy {
  readonly kind = 'plain';

  constructor(
    private readonly src: InputSource,
    private readonly opts: ReadOptions,
  ) {}

  async read(input: InputPass): Promise<StrategyResult> {
    const { format, records, bytes } = await readInput(this.src.path, this.src.label, this.opts, input);
    return { format, records, bytes };
  }
}

/** A large plain file in two parts: this thread reads the first, a worker the second (records in file order). */
class SplitRead implements ReadStrategy {
  readonly kind = 'split';

  constructor(
    private readonly src: InputSource,
    private readonly plan: SplitPlan,
    private readonly opts: ReadOptions,
    private readonly filter: FilterSpec,
    /** A later pass: the second part's newest time is not needed. */
    private readonly later: boolean,
    /** The worker may send calls made with a token as their facts (see StrategyChoice.sharesCalls). */
    private readonly sharesCalls: boolean,
    private readonly onNewest: (t: number | null) => void,
  ) {}

  async read(input: InputPass): Promise<StrategyResult> {
    const both = await readSplit(this.src, this.plan, {
      read: this.opts,
      filter: this.filter,
      sink: input,
      record: (text, where, mark) => input.record(text, where, mark),
      ...(this.sharesCalls ? { call: (c: TokenCall) => input.call(c) } : {}),
      newest: !this.later,
      build: input.build,
      onWorkerProgress: (bytes, records) => input.workerProgress(bytes, records),
    });
    if (!this.later) this.onNewest(both.newest);
    const out: StrategyResult = { format: both.format, records: both.records, bytes: both.bytes };
    if (both.index) out.workerIndex = both.index;
    return out;
  }
}

/** A later pass over a plain input with a record index: only the records the index selects are read, by position. */
export class IndexedRead implements ReadStrategy {
  readonly kind = 'indexed';
  /** The input, kept open for the report to read window events' originals from. */
  readonly source: SourceFile;

  constructor(
    src: InputSource,
    /** The input's position among the pass's inputs (the `input` of its records' references). */
    private readonly at: number,
    private readonly index: SourceIndex,
    private readonly selection: IndexSelection,
    /** What the first pass found of the input: its format and size. */
    private readonly summary: { format: string; bytes: number },
    /** Read by a worker while this thread parses. */
    private readonly inWorker: boolean,
  ) {
    this.source = new SourceFile(src.path, src.label);
  }

  async read(input: InputPass): Promise<StrategyResult> {
    const take = (text: string, where: Parameters<InputPass['record']>[1], place: { offset: number; length: number; check: number }) =>
      input.record(text, where, Mark.Needle, false, { input: this.at, ...place });
    const at = (bytes: number, records: number) => input.progressAt(bytes, records);
    if (this.inWorker) await readIndexedInWorker(this.source, this.index, this.selection, take, at);
    else readIndexed(this.source, this.index, this.selection, take, at);
    return { format: this.summary.format, records: this.index.parts.reduce((n, p) => n + p.entries, 0), bytes: this.summary.bytes };
  }
}

/** What choosing a strategy looks at. */
export interface StrategyChoice {
  src: InputSource;
  at: number;
  read: ReadOptions;
  filter: FilterSpec;
  threads: number;
  parallelMinBytes: number;
  /** The input's record index from an earlier pass and the selection to read through it, or null. */
  indexed: { index: SourceIndex; selection: IndexSelection; summary: { format: string; bytes: number } } | null;
  later: boolean;
  /**
   * The pass lets the worker read calls made with a token as their facts (PassOptions.onTokenCall):
   * it then parses its own part's candidates and hands them over when this thread is idle, so the
   * cut need not move for them.
   */
  sharesCalls: boolean;
  readonly onNewest: (t: number | null) => void;
}

/** The fastest way to read an input that gives the same records: its index, two threads, or plainly. */
export async function chooseStrategy(c: StrategyChoice): Promise<ReadStrategy> {
  const workers = c.threads > 1 && canUseWorkers();
  if (c.indexed) {
    const { index, selection, summary } = c.indexed;
    // A large input's selected records are read by the worker while this thread parses.
    return new IndexedRead(c.src, c.at, index, selection, summary, workers && summary.bytes >= c.parallelMinBytes);
  }
  const plan = workers ? await planSplit(c.src.path, c.parallelMinBytes, c.read, c.sharesCalls ? undefined : c.filter).catch(() => null) : null;
  if (plan) return new SplitRead(c.src, plan, c.read, c.filter, c.later, c.sharesCalls, c.onNewest);
  return new PlainRead(c.src, c.read);
}

/** Whether the first pass should write a record index of this input (plain, not gzipped). */
export async function indexable(src: InputSource): Promise<boolean> {
  return !(await isGzipFile(src.path).catch(() => true));
}
