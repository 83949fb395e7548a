// Styled text for the table reporter: lines made of spans, cut to a width and painted with chalk.
import type { ChalkInstance } from 'chalk';
import { displayWidth, truncate } from './width.js';

/** Named styles a reporter maps to colours; `undefined` means plain. */
export type LineStyle = 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'blue';

/** A run of text in one style. `text` is already safe to print (see `safeText`). */
export interface Span {
  text: string;
  style?: LineStyle;
}

/** One line of a cell. `text` is already safe to print (see `safeText`). */
export interface CellLine {
  text: string;
  style?: LineStyle;
  /** Secondary detail (display name, user agent): the first to be cut when space is short. */
  minor?: boolean;
  /** Differently styled parts; when set, their texts joined are `text` and `style` is unused. */
  spans?: readonly Span[];
}

/** Turns spans into a string, with ANSI colours when the chalk instance has a colour level. */
export type Paint = (spans: readonly Span[]) => string;

/** A line whose text is the spans joined. */
export function spanLine(spans: readonly Span[]): CellLine {
  return { text: spans.map((s) => s.text).join(''), spans };
}

/** The spans of a line: its own, or its whole text in its style. */
export function spansOf(line: CellLine): readonly Span[] {
  if (line.spans !== undefined) return line.spans;
  return [line.style === undefined ? { text: line.text } : { text: line.text, style: line.style }];
}

/** Display columns of spans. */
export function spansWidth(spans: readonly Span[]): number {
  return spans.reduce((w, s) => w + displayWidth(s.text), 0);
}

/**
 * `spans` cut like `truncate` cuts their joined text: unchanged when they fit in `max` columns,
 * else a prefix plus `…`, which takes the style of the span it cuts into. Stripped of styles,
 * the result is always `truncate(joined, max)`.
 */
export function clipSpans(spans: readonly Span[], max: number): readonly Span[] {
  const joined = spans.map((s) => s.text).join('');
  const cut = truncate(joined, max);
  if (cut === joined) return spans;
  if (cut === '') return [];
  let rest = cut.length - 1; // the kept prefix, without the trailing ellipsis
  const out: Span[] = [];
  for (const s of spans) {
    if (s.text.length <= rest) {
      out.push(s);
      rest -= s.text.length;
      continue;
    }
    out.push({ ...s, text: `${s.text.slice(0, rest)}${cut.slice(-1)}` });
    break;
  }
  return out;
}

/** A painter for `chalk`: each span in its style's colour, plain spans as they are. */
export function painter(chalk: ChalkInstance): Paint {
  const styles: Record<LineStyle, (s: string) => string> = {
    dim: chalk.dim,
    red: chalk.red,
    green: chalk.green,
    yellow: chalk.yellow,
    cyan: chalk.cyan,
    magenta: chalk.magenta,
    blue: chalk.blue,
  };
  return (spans) => spans.map((s) => (s.style === undefined ? s.text : styles[s.style](s.text))).join('');
}
