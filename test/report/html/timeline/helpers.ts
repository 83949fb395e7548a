// Test helper: timeline models built from the hand-made windows of test/report/window-helpers.ts.
import type { Severity } from '../../../../src/model/severity.js';
import type { WindowEvent } from '../../../../src/model/window.js';
import { buildTimelineModel } from '../../../../src/report/html/timeline/build.js';
import type { TimelineModel } from '../../../../src/report/html/timeline/model.js';
import { makeWindow, standardEvents, windowFinding } from '../../window-helpers.js';

/** The model of a window of `events` (the standard six by default), `evidence` by uuid. */
export function modelOf(events: WindowEvent[] = standardEvents(), evidence: Record<string, Severity> = {}, timeZone?: string): TimelineModel {
  const window = makeWindow(events);
  return buildTimelineModel('r1', windowFinding(window), window, new Map(Object.entries(evidence)), 'the history before the window', timeZone);
}
