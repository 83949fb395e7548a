// How matched rules are shown in tables: titles coloured by level, most severe first.
import { LEVELS } from '../../rules/index.js';
import type { WindowEvent } from '../../model/window.js';
import { MISSING, shortTitle } from './cells.js';
import type { ColumnSpec } from './grid.js';
import type { RuleRef } from '../../model/report.js';
import { safeText } from '../sanitize.js';
import { severityStyle } from './severity-style.js';
import { spanLine, type CellLine } from './styled.js';

/** Rank of a level, most severe first (unknown levels last). */
function rank(level: string): number {
  const i = (LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? LEVELS.length : LEVELS.length - 1 - i;
}

/** `rules` ordered most severe first, then as given. */
export function bySeverity(rules: readonly RuleRef[]): RuleRef[] {
  return [...rules].sort((a, b) => rank(a.level) - rank(b.level));
}

function styled(text: string, level: string): CellLine {
  const style = severityStyle(level);
  return style === undefined ? { text } : { text, style };
}

/** One line: the most severe rule's short title in its level's colour, then a dim `+N` for the others. */
export function rulesLine(rules: readonly RuleRef[]): CellLine {
  const [top, ...rest] = bySeverity(rules);
  if (top === undefined) return MISSING;
  const title = styled(safeText(shortTitle(top.title)), top.level);
  if (rest.length === 0) return title;
  return spanLine([{ text: title.text, style: title.style }, { text: ` +${rest.length}`, style: 'dim' }]);
}

/** One line per rule, most severe first: `high  Admin Role Assigned` (level and title coloured). */
export function ruleLines(rules: readonly RuleRef[]): CellLine[] {
  if (rules.length === 0) return [MISSING];
  return bySeverity(rules).map((r) => styled(safeText(`${r.level} ${shortTitle(r.title)}`), r.level));
}

/** The timeline's extra column, added when an event of the window matched a loaded rule. */
export const TIMELINE_RULES_COLUMN: ColumnSpec<WindowEvent> = {
  header: 'Rules',
  min: 8,
  lines: (e) => [rulesLine(e.detections ?? [])],
};
