// The token inventory's read: one pass over every input that parses only token events and token calls, into the inventory stage.
import type { InputSource } from '../input/sources.js';
import type { ReadOptions } from '../input/read.js';
import { InventoryCollector, type CallRange } from '../inventory/collector.js';
import { INVENTORY_INTEREST, type InventoryInterest } from '../inventory/interest.js';
import type { InventoryOptions } from '../inventory/options.js';
import { tokenSummary } from '../inventory/summary.js';
import { SCHEMA_VERSION, type InputSummary } from '../model/report.js';
import type { TokenInventory } from '../model/token.js';
import type { ProbeSpec } from './fast/filter-spec.js';
import { runPass, type PassProgress, type PassResult } from './pass.js';
import { resolveRange, type TimeRange } from './time-range.js';

/** Options for {@link inventoryScan}. */
export interface InventoryScanOptions {
  read: ReadOptions;
  /** Parse every record (exact diagnostics and duplicate counts; slower). */
  validate: boolean;
  inventory: InventoryOptions;
  /** Count only calls published inside this range, and list only tokens with an event in it (`--from`, `--to`). */
  range?: TimeRange;
  /** Threads for large plain files (1 or 2). */
  threads?: number;
  /** Smallest file read by two threads. */
  parallelMinBytes?: number;
  /** Told how far each pass has read (a second pass only for a range relative to the newest event). */
  onProgress?: (progress: PassProgress & { pass: number }) => void;
}

/** Figures for `--stats`, and the range applied. */
export interface InventoryScanStats {
  bytes: number;
  parsed: number;
  passes: number;
  split: number;
  /** The range applied (ms, infinite when open) and the newest event it was counted from. */
  range?: { from: number; to: number; newest: number | null };
}

/** What {@link inventoryScan} gives: every token the inputs know (no `--min-severity` applied yet). */
export interface InventoryScanResult {
  inventory: TokenInventory;
  stats: InventoryScanStats;
}

/**
 * Raw-byte needles for an interest: `requestApiTokenId` selects every call made with a token (as
 * in the scan's first pass), and each event type prefix its events. A prefix is its own needle:
 * the pre-filter searches the short window at its rarest byte (`_token.`, `fecycle`: see
 * needleWindow) and compares the rest only where that is found, so it costs what a hand-picked
 * part of it cost, and records that merely hold the part are not parsed (`/lifecycle/` in request
 * URIs: 874 records fewer on the heavy 1 GiB bench export, 23,733 parsed instead of 24,607).
 */
export function inventoryNeedles(interest: InventoryInterest): string[] {
  // interest.tokenCalls is always true: every record naming a requestApiTokenId may be a call made with a token.
  return ['requestApiTokenId', ...interest.eventTypePrefixes];
}

/** A range end the pre-filter's time spans can carry (finite). */
function finite(ms: number): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, ms));
}

/**
 * Reads the inputs once, parsing only the records that may be token events, calls made with a
 * token, or user state changes (see INVENTORY_INTEREST), and builds the inventory. A range with an
 * end relative to the newest event (`--from 7d`) is known only after that read: the calls are then
 * read a second time, only those of the tokens found, inside the range (the pre-filter gates them
 * by time, so records outside it are not parsed).
 */
export async function inventoryScan(sources: InputSource[], opts: InventoryScanOptions): Promise<InventoryScanResult> {
  const range = opts.range ?? { from: null, to: null };
  const relative = range.from?.kind === 'before-newest' || range.to?.kind === 'before-newest';
  // An absolute range is known now: calls outside it are not counted in the first read already.
  const known: CallRange | null = relative ? null : resolveRange(range, null);
  const collector = new InventoryCollector(known, opts.inventory);
  const duplicates = new Map<string, number>();
  const callTokens = new Set<string>();
  let pass: PassResult = await runPass({
    sources,
    read: opts.read,
    filter: { needles: inventoryNeedles(INVENTORY_INTEREST), all: opts.validate, probes: [] },
    threads: opts.threads,
    parallelMinBytes: opts.parallelMinBytes,
    dedupAll: opts.validate,
    onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, pass: 1 })),
    // The collector drops copies itself, in 16 bytes per event: the pass remembers none.
    onEvent(event, where) {
      if (!collector.observe(event)) duplicates.set(where.file, (duplicates.get(where.file) ?? 0) + 1);
      else if (relative && event.requestApiTokenId) callTokens.add(event.requestApiTokenId);
      return false;
    },
  });
  // The input ends, for the inventory, with the newest event it took (the same in any order).
  const newest = collector.newest;
  const { from, to } = resolveRange(range, newest);
  let parsed = pass.parsed;
  let passes = 1;
  let split = pass.split;
  if (relative) collector.recountCalls({ from, to });
  // No call in the input: nothing to read again.
  if (relative && callTokens.size > 0) {
    const probe: ProbeSpec = { kind: 'token', spans: [...callTokens].sort().map((id) => [id, [[finite(from), finite(to)]]]) };
    pass = await runPass({
      sources,
      read: opts.read,
      filter: { needles: [], all: opts.validate, probes: [probe] },
      threads: opts.threads,
      parallelMinBytes: opts.parallelMinBytes,
      previous: pass,
      onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, pass: 2 })),
      onEvent(event) {
        collector.observe(event);
        return false;
      },
    });
    parsed += pass.parsed;
    passes++;
    split += pass.split;
  }
  const tokens = collector.records({ from, to, end: Math.min(to, newest ?? 0) });
  const inputs: InputSummary[] = pass.inputs.map(({ path, format, events, duplicates: d, diagnostics, error }) => {
    // Copies are counted by input name: an input named twice gets them once.
    const entry: InputSummary = { path, format, events, duplicates: d + (duplicates.get(path) ?? 0), diagnostics };
    duplicates.delete(path);
    if (error !== null) entry.error = error;
    return entry;
  });
  const inventory: TokenInventory = {
    schemaVersion: SCHEMA_VERSION,
    inputs,
    summary: tokenSummary(inputs, pass.diagnostics.total, tokens),
    tokens,
    diagnostics: pass.diagnostics.kept,
  };
  const stats: InventoryScanStats = { bytes: pass.inputs.reduce((n, i) => n + i.bytes, 0), parsed, passes, split };
  if (range.from || range.to) stats.range = { from, to, newest };
  return { inventory, stats };
}
