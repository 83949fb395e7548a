// The one place severity colours are chosen: rule levels now, finding severities alike, in every table.
import type { LineStyle } from './styled.js';

/**
 * Colour of a severity or Sigma rule level. Only theme-adapted ANSI colours (never black, white
 * or RGB), so they read on dark and light backgrounds; low and unknown values stay plain, and the
 * word itself is always printed, so nothing depends on seeing colour.
 */
const SEVERITY_STYLE: Readonly<Record<string, LineStyle>> = {
  critical: 'red',
  high: 'red',
  medium: 'yellow',
  informational: 'dim',
};

/** The style of a severity or rule level (`critical`, `high`, `medium`, `low`, `informational`), or undefined for plain. */
export function severityStyle(level: string): LineStyle | undefined {
  return Object.hasOwn(SEVERITY_STYLE, level) ? SEVERITY_STYLE[level] : undefined;
}
