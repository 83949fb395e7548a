// The activity-window part of the table output: the link legend, then each window's header and timeline.
import type { ChalkInstance } from 'chalk';
import type { ActivityWindow } from '../../model/window.js';
import { plural } from '../../text/plural.js';
import { renderLabelled } from './labelled.js';
import { legendItems } from './link-tags.js';
import type { Finding } from '../../model/report.js';
import { evidenceLegendItems, evidenceSeverities, signalRows } from './signal-rows.js';
import { renderTimeline } from './timeline.js';
import { windowHeaderRows } from './window-header.js';
import { truncate, wrapText } from './width.js';

/** Shown instead of a timeline when nothing in the input is linked to the revocation. */
export const EMPTY_WINDOW = 'No linked events in this window.';

/** How the window part is laid out: terminal width (undefined when unknown), timeline rows, colours. */
export interface SectionLayout {
  width: number | undefined;
  limit: number | undefined;
  chalk: ChalkInstance;
  /** `--tz`: IANA zone for times, undefined for UTC. */
  timeZone?: string;
  /** Ids of the rules that made revocations findings: not repeated on timeline rows. */
  findingRules?: ReadonlySet<string>;
}

function* dimWrapped(text: string, { width, chalk }: SectionLayout): Generator<string> {
  for (const l of wrapText(text, width)) yield `${chalk.dim(l)}\n`;
}

type WindowedFinding = Finding & { window: ActivityWindow };

/** One window: a numbered heading, the header block, the dropped count, then the timeline. */
function* windowBlock(
  finding: Finding,
  window: ActivityWindow,
  heading: string,
  layout: SectionLayout,
): Generator<string> {
  const { width, limit, chalk, timeZone } = layout;
  yield `${chalk.bold(width === undefined ? heading : truncate(heading, width))}\n`;
  yield* renderLabelled([...windowHeaderRows(finding, window, timeZone), ...signalRows(finding)], width, chalk);
  if (window.dropped > 0) {
    const n = window.dropped;
    yield* dimWrapped(`${plural(n, 'older event')} dropped (--max-window-events)`, layout);
  }
  if (window.events.length > 0) yield* renderTimeline(window, limit, width, chalk, timeZone, evidenceSeverities(finding), layout.findingRules);
  else if (window.dropped === 0) yield* dimWrapped(EMPTY_WINDOW, layout);
}

/** Every window part: the legend once, then each window under a numbered heading. */
function* windowParts(windowed: readonly WindowedFinding[], layout: SectionLayout): Generator<Generator<string>> {
  const legend = [{ label: 'Links:', items: legendItems() }];
  if (windowed.some((f) => f.signals?.some((s) => s.evidence.length > 0))) legend.push({ label: 'Evidence:', items: evidenceLegendItems() });
  yield renderLabelled(legend, layout.width, layout.chalk);
  for (const [i, finding] of windowed.entries()) {
    yield windowBlock(finding, finding.window, `Activity window ${i + 1} of ${windowed.length}`, layout);
  }
}

/**
 * Yields, for the findings that carry a `window`, the link legend once, then per window a
 * bold heading (`Activity window 1 of 3`), its header block (token, revoker, time, client,
 * owner, bounds, counts), a note when older events were dropped, and its timeline (at most
 * `layout.limit` rows) or a line saying the window is empty. Parts are set apart by exactly
 * one blank line, a blank line ends the section, and `afterBlank` says the output so far
 * already ends with one. Yields nothing when no finding has a window. Lines never exceed
 * `layout.width` when it is given.
 */
export function* windowSections(
  findings: readonly Finding[],
  layout: SectionLayout,
  afterBlank = false,
): Generator<string> {
  const windowed = findings.filter((f): f is WindowedFinding => f.window !== undefined);
  if (windowed.length === 0) return;
  let blank = afterBlank;
  for (const part of windowParts(windowed, layout)) {
    if (!blank) yield '\n';
    for (const chunk of part) {
      blank = chunk === '\n';
      yield chunk;
    }
  }
  if (!blank) yield '\n';
}
