// Styled spans: clipping keeps styles and matches truncate; painting colours only with a level.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { clipSpans, painter, spanLine, spansOf, spansWidth, type Span } from '../../../src/report/table/styled.js';
import { truncate } from '../../../src/report/table/width.js';

const joined = (spans: readonly Span[]) => spans.map((s) => s.text).join('');
const SPANS: Span[] = [{ text: 'T', style: 'cyan' }, { text: ' ' }, { text: '本番-deploy', style: 'dim' }, { text: ' +2' }];

describe('clipSpans', () => {
  it('returns the spans unchanged when they fit', () => {
    expect(clipSpans(SPANS, spansWidth(SPANS))).toBe(SPANS);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 9, 12, 14])('at width %i equals truncate of the joined text', (max) => {
    const out = clipSpans(SPANS, max);
    expect(joined(out)).toBe(truncate(joined(SPANS), max));
    expect(spansWidth(out)).toBeLessThanOrEqual(max);
  });

  it('gives the ellipsis the style of the span it cuts into', () => {
    expect(clipSpans(SPANS, 5)).toEqual([{ text: 'T', style: 'cyan' }, { text: ' ' }, { text: '本…', style: 'dim' }]);
    expect(clipSpans(SPANS, 3)).toEqual([{ text: 'T', style: 'cyan' }, { text: ' ' }, { text: '…', style: 'dim' }]);
  });
});

describe('spans of a line', () => {
  it('spanLine joins the texts and spansOf gives them back', () => {
    const l = spanLine(SPANS);
    expect(l.text).toBe('T 本番-deploy +2');
    expect(spansOf(l)).toBe(SPANS);
  });

  it('a plain line is one span in its style', () => {
    expect(spansOf({ text: 'x', style: 'red' })).toEqual([{ text: 'x', style: 'red' }]);
    expect(spansOf({ text: 'x' })).toEqual([{ text: 'x' }]);
  });
});

describe('painter', () => {
  it('colours each span with level 1 and leaves text alone with level 0', () => {
    expect(painter(new Chalk({ level: 1 }))(SPANS)).toBe('\u001b[36mT\u001b[39m \u001b[2m本番-deploy\u001b[22m +2');
    expect(painter(new Chalk({ level: 0 }))(SPANS)).toBe(joined(SPANS));
  });

  it('maps magenta, yellow and blue too', () => {
    const paint = painter(new Chalk({ level: 1 }));
    expect(paint([{ text: 'A', style: 'magenta' }, { text: 'O', style: 'yellow' }, { text: 'I', style: 'blue' }])).toBe(
      '\u001b[35mA\u001b[39m\u001b[33mO\u001b[39m\u001b[34mI\u001b[39m',
    );
  });
});
