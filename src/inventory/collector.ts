// The token inventory stage: events in (each once), one record per token out once every input is read.
import type { OktaEvent } from '../events/types.js';
import type { TokenRecord } from '../model/token.js';
import { CallTally } from './call-tally.js';
import { Fingerprints } from './fingerprints.js';
import { isInventoryEvent } from './interest.js';
import { TokenLifecycle } from './lifecycle.js';
import type { InventoryOptions } from './options.js';
import { tokenRecords, type RecordRange } from './records.js';

/** A time range in ms, both ends inclusive (infinite when open). */
export interface CallRange {
  from: number;
  to: number;
}

/**
 * Builds the inventory from the events the scan brings (see INVENTORY_INTEREST), in any order,
 * over one or two reads of the inputs. Each event is taken once: a copy of one already taken (same
 * uuid, type and time) is skipped (`observe` says so, for the counts by input). Lifecycle facts are kept whole;
 * calls are counted inside `calls` (a range), or not at all when it is null, for a range that is
 * known only at the end of the read (`--from 7d`): {@link recountCalls} then starts a second read
 * of the calls alone.
 */
export class InventoryCollector {
  private readonly lifecycle = new TokenLifecycle();
  private tally: CallTally | null;
  private seen = new Fingerprints();
  private readLifecycle = true;
  /**
   * The newest event taken (ms), or null: where the input ends for the inventory (dormancy, and
   * ranges relative to it). Only events the inventory takes count, so it is the same whatever
   * order the records come in and however many of the others were parsed.
   */
  newest: number | null = null;

  constructor(
    calls: CallRange | null,
    private readonly options: InventoryOptions,
  ) {
    this.tally = calls && new CallTally(calls.from, calls.to, options.maxValues);
  }

  /** Takes an event the inventory reads (see `isInventoryEvent`); false when it is a copy of one already taken. */
  observe(event: OktaEvent): boolean {
    if (!isInventoryEvent(event)) return true;
    if (!this.seen.add(event.uuid, event.eventType, event.published)) return false;
    if (this.readLifecycle) {
      this.lifecycle.observe(event);
      if (this.newest === null || event.published > this.newest) this.newest = event.published;
    }
    this.tally?.observe(event);
    return true;
  }

  /** Starts counting calls again, inside `calls`, for a second read that brings calls only. */
  recountCalls(calls: CallRange): void {
    this.readLifecycle = false;
    this.seen = new Fingerprints();
    this.tally = new CallTally(calls.from, calls.to, this.options.maxValues);
  }

  /** One record per token with an event in the range, in report order. */
  records(range: RecordRange): TokenRecord[] {
    return tokenRecords(this.lifecycle, this.tally ?? new CallTally(range.from, range.to, this.options.maxValues), range, this.options);
  }
}
