// The shapes of a pass: what it is given, how far it has read, and what it found besides the events.
import type { OktaEvent, RecordLocation } from '../events/types.js';
import type { TokenCall } from '../events/token-call.js';
import type { ReadOptions } from '../input/read.js';
import type { SourceFile } from '../input/record-source.js';
import type { InputSource } from '../input/sources.js';
import type { InputSummary } from '../model/report.js';
import type { DiagnosticLog } from './diagnostics.js';
import type { FilterSpec } from './fast/filter-spec.js';
import type { SourceIndex } from './fast/record-index.js';

/** What a pass needs. */
export interface PassOptions {
  sources: InputSource[];
  read: ReadOptions;
  /** Which records to parse (built afresh for each input, and in the worker thread). */
  filter: FilterSpec;
  /** 2: large plain NDJSON and pretty-array files are read by two threads, about one half each. */
  threads?: number;
  /** Smallest file read by two threads (default 64 MiB). */
  parallelMinBytes?: number;
  /**
   * Called for each parsed event whose uuid was not kept before, in input order. Returns true when
   * the event matters to the scan: its uuid is then remembered, and later copies are counted as
   * duplicates and skipped. (Only events that matter are remembered, so memory follows the
   * findings and windows, not the input size.)
   */
  readonly onEvent: (event: OktaEvent, where: RecordLocation) => boolean;
  /**
   * When set, a record that is only a call made with a token (not a revocation or a creation) may
   * come here as its facts instead of to `onEvent` as an event: the worker thread of a two-thread
   * read parses such records itself. Only for passes whose `onEvent` would ignore such events
   * except for their facts (no --hunt, no --validate).
   */
  readonly onTokenCall?: (call: TokenCall) => void;
  /**
   * A pass already made over the same inputs. This pass then adds to its counts and diagnostics:
   * the reader's diagnostics are not repeated, only problems in records the earlier pass did not
   * parse are new, and copies of events the earlier pass kept are not counted again.
   */
  previous?: PassResult;
  /** Remember every event's uuid, not only those that matter: exact duplicate counts (--validate). */
  dedupAll?: boolean;
  /** Told how far the pass has read, once per block of records and at the end of each input. */
  onProgress?: (progress: PassProgress) => void;
  /**
   * Write a record index of each plain (not gzipped) input of records: a later pass given this one
   * as `previous` then reads only the records its probes select, instead of the whole input.
   */
  index?: boolean;
  /**
   * Read inputs that have a record index (see `index`) through it. The filter's needles must be
   * ones the index forces (INDEX_NEEDLES); with any other, or `all`, inputs are read whole.
   */
  throughIndex?: boolean;
}

/** How far a pass has read, over all its inputs so far. */
export interface PassProgress {
  /** Bytes read (decompressed), up to the end of the last record cut. */
  bytes: number;
  /** Records cut (before any parsing). */
  records: number;
}

/** Counts for one input in a pass. */
export type PassInput = Omit<InputSummary, 'error'> & { error: string | null; bytes: number };

/** What a pass found besides the events. */
export interface PassResult {
  inputs: PassInput[];
  diagnostics: DiagnosticLog;
  /** Records parsed (candidates), for --stats. */
  parsed: number;
  /** Identity keys (uuid, type, time) of the events that mattered. */
  kept: Set<string>;
  /** Inputs read by two threads. */
  split: number;
  /**
   * The newest `published` seen (ms), or null: the latest of every parsed event and of the first
   * and last record of every block (exact for inputs sorted by time, either way round).
   */
  newest: number | null;
  /** Inputs this pass read through a previous pass's record index. */
  indexed: number;
  /**
   * Inputs (by index) whose records were read through an index: kept events' texts are read from
   * them again when written out (see `OktaEvent.ref`); the caller closes them once the report is written.
   */
  sourceFiles: Map<number, SourceFile>;
  /** Per input, its record index (see `index`), or null; the caller closes them (`closeIndexes`). */
  indexes: (SourceIndex | null)[];
}
