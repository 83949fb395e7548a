// `rules test` output: per rule its match count, then the events it matched (table), or one JSON document.
import { Chalk } from 'chalk';
import { formatUtc, line, outcomeStyle } from '../../report/table/cells.js';
import { gridOrBlocks, normaliseWidth, type ColumnSpec } from '../../report/table/grid.js';
import { stringifySafe } from '../../report/json-text.js';
import { SCHEMA_VERSION } from '../../model/report.js';
import { rowLimit } from '../../report/table/timeline.js';
import { truncate } from '../../report/table/width.js';
import { plural } from '../../text/plural.js';
import type { RuleSet } from './rule-set.js';
import { problemEntries, ruleEntries, shownFile, type RuleEntry, type RulesLayout } from './rules-list.js';
import type { DryRunResult, MatchedEvent } from './rules-test.js';

type Tested = RuleEntry & { matches: number };

const SUMMARY_COLUMNS: readonly ColumnSpec<Tested>[] = [
  { header: 'Rule', min: 16, lines: (r) => [line(r.title), line(r.id, 'dim', true)] },
  { header: 'Level', min: 6, lines: (r) => [line(r.level)] },
  { header: 'File', min: 10, lines: (r) => [line(shownFile(r))] },
  { header: 'Matches', min: 7, lines: (r) => [r.matches === 0 ? { text: '0', style: 'dim' } : { text: String(r.matches) }] },
];

const EVENT_COLUMNS: readonly ColumnSpec<MatchedEvent>[] = [
  { header: 'Time (UTC)', min: 20, lines: (e) => [{ text: formatUtc(e.publishedMs, e.published) }] },
  { header: 'Event type', min: 10, lines: (e) => [line(e.eventType)] },
  { header: 'Actor', min: 8, lines: (e) => [line(e.actor)] },
  { header: 'Outcome', min: 7, lines: (e) => [line(e.outcome, outcomeStyle(e.outcome))] },
  { header: 'Where', min: 8, lines: (e) => [line(e.line ? `${e.file}:${e.line}` : e.offset !== undefined ? `${e.file}@${e.offset}` : e.file)] },
];

/** A matched event as written to JSON (without the sort key). */
function publicEvent({ publishedMs: _ms, ...rest }: MatchedEvent): Omit<MatchedEvent, 'publishedMs'> {
  return rest;
}

/**
 * Table: one row per loaded rule with its match count, then for each rule that matched a bold
 * heading and its first `layout.limit` events (time, type, actor, outcome, file:line), then a
 * count line. JSON: `{schemaVersion, inputs, events, matched, rules: [{…rule, matches, events}],
 * problems, skipped}`, complete.
 */
export function* renderDryRun(set: RuleSet, result: DryRunResult, format: 'table' | 'json', layout: RulesLayout): Generator<string> {
  const tested: Tested[] = ruleEntries(set).map((r) => ({ ...r, matches: result.matches.get(r.id)?.length ?? 0 }));
  if (format === 'json') {
    const rules = tested.map((r) => ({ ...r, events: (result.matches.get(r.id) ?? []).map(publicEvent) }));
    const doc = { schemaVersion: SCHEMA_VERSION, inputs: result.inputs, events: result.events, matched: result.matched, rules, problems: problemEntries(set), skipped: set.skipped };
    yield `${stringifySafe(doc, 2)}\n`;
    return;
  }
  const chalk = new Chalk({ level: layout.color ? 1 : 0 });
  const width = normaliseWidth(layout.width);
  if (tested.length > 0) yield* gridOrBlocks(SUMMARY_COLUMNS, tested, width, chalk);
  const rows = rowLimit(layout.limit);
  for (const rule of tested) {
    const events = result.matches.get(rule.id) ?? [];
    if (events.length === 0) continue;
    const heading = `${rule.title}: ${plural(events.length, 'match', 'matches')}`;
    yield `\n${chalk.bold(width === undefined ? heading : truncate(heading, width))}\n`;
    yield* gridOrBlocks(EVENT_COLUMNS, events.slice(0, rows), width, chalk, true);
    if (events.length > rows) yield `${chalk.dim(`… ${events.length - rows} more (use --format json)`)}\n`;
  }
  const silent = tested.filter((r) => r.matches === 0).length;
  yield `\n${plural(result.events, 'event')} read, ${result.matched} matched by at least one rule; ${silent} of ${tested.length} rules matched nothing\n`;
}
