// Link tags of the activity window: one letter, word and colour per link kind, used everywhere.
import { LINK_ORDER, type LinkKind, type WindowSummary } from '../../model/window.js';
import type { CellLine, LineStyle, Span } from './styled.js';
import { spanLine } from './styled.js';

/** How a link kind is shown: tag letter, short word, colour and legend meaning. */
export interface LinkTag {
  letter: string;
  word: string;
  style: LineStyle;
  meaning: string;
}

/**
 * The one place link colours are chosen. Mid-tone ANSI colours only (no white or black), so
 * the tags stay readable on dark and light backgrounds; the letter carries the meaning anyway.
 */
export const LINK_TAGS: Readonly<Record<LinkKind, LinkTag>> = {
  token: { letter: 'T', word: 'token', style: 'cyan', meaning: 'token used/targeted' },
  actor: { letter: 'A', word: 'actor', style: 'magenta', meaning: "revoker's own activity" },
  owner: { letter: 'O', word: 'owner', style: 'yellow', meaning: "token owner's activity" },
  ip: { letter: 'I', word: 'ip', style: 'blue', meaning: 'same address as the token' },
};

/** Shown in the slot of a link an event does not have. */
const ABSENT: Span = { text: '·', style: 'dim' };

/**
 * An event's links as fixed slots in LINK_ORDER, e.g. `T · O ·`: every kind has its own
 * column, so the tags line up down the timeline.
 */
export function linkSlots(links: readonly LinkKind[]): CellLine {
  const spans: Span[] = [];
  for (const [i, kind] of LINK_ORDER.entries()) {
    if (i > 0) spans.push({ text: ' ' });
    const tag = LINK_TAGS[kind];
    spans.push(links.includes(kind) ? { text: tag.letter, style: tag.style } : ABSENT);
  }
  return spanLine(spans);
}

/** Legend items: `T token used/targeted`, `A revoker's own activity`, … (letters coloured). */
export function legendItems(): Span[][] {
  return LINK_ORDER.map((kind) => {
    const tag = LINK_TAGS[kind];
    return [{ text: tag.letter, style: tag.style }, { text: ` ${tag.meaning}` }];
  });
}

/** Count items per link kind: `token 12`, `actor 3`, `owner 40`, `ip 2` (words coloured). */
export function linkCountItems(byLink: WindowSummary['byLink']): Span[][] {
  return LINK_ORDER.map((kind) => {
    const tag = LINK_TAGS[kind];
    return [{ text: tag.word, style: tag.style }, { text: ` ${byLink[kind]}` }];
  });
}
