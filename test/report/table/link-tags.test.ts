// Link tags: one letter, word and colour per link kind, the same in slots, legend and counts.
import { describe, expect, it } from 'vitest';
import { LINK_TAGS, legendItems, linkCountItems, linkSlots } from '../../../src/report/table/link-tags.js';
import { spansOf } from '../../../src/report/table/styled.js';
import { LINK_ORDER, type LinkKind } from '../../../src/model/window.js';

const text = (items: { text: string }[][]) => items.map((i) => i.map((s) => s.text).join(''));

describe('LINK_TAGS', () => {
  it('gives every kind a distinct letter and colour, never white or black', () => {
    const letters = LINK_ORDER.map((k) => LINK_TAGS[k].letter);
    const styles = LINK_ORDER.map((k) => LINK_TAGS[k].style);
    expect(letters).toEqual(['T', 'A', 'O', 'I']);
    expect(new Set(styles).size).toBe(4);
    for (const s of styles) expect(['cyan', 'magenta', 'yellow', 'blue']).toContain(s);
  });
});

describe('linkSlots', () => {
  it.each<[LinkKind[], string]>([
    [['token', 'actor', 'owner', 'ip'], 'T A O I'],
    [['owner'], '· · O ·'],
    [['token', 'ip'], 'T · · I'],
    [[], '· · · ·'],
  ])('%j → %s', (links, expected) => {
    expect(linkSlots(links).text).toBe(expected);
  });

  it('colours each present tag with its kind and dims the empty slots', () => {
    const spans = spansOf(linkSlots(['actor', 'ip']));
    expect(spans.find((s) => s.text === 'A')?.style).toBe(LINK_TAGS.actor.style);
    expect(spans.find((s) => s.text === 'I')?.style).toBe(LINK_TAGS.ip.style);
    for (const s of spans.filter((x) => x.text === '·')) expect(s.style).toBe('dim');
  });
});

describe('legend and counts', () => {
  it('legend explains every letter, in LINK_ORDER', () => {
    expect(text(legendItems())).toEqual([
      'T token used/targeted',
      "A revoker's own activity",
      "O token owner's activity",
      'I same address as the token',
    ]);
  });

  it('counts read `token 12`, `actor 3`, … with the word in the kind colour', () => {
    const items = linkCountItems({ token: 12, actor: 3, owner: 40, ip: 2 });
    expect(text(items)).toEqual(['token 12', 'actor 3', 'owner 40', 'ip 2']);
    for (const [i, kind] of LINK_ORDER.entries()) {
      expect(items[i]![0]).toEqual({ text: LINK_TAGS[kind].word, style: LINK_TAGS[kind].style });
      expect(legendItems()[i]![0]).toEqual({ text: LINK_TAGS[kind].letter, style: LINK_TAGS[kind].style });
    }
  });
});
