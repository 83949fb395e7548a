// The lanes of a timeline: one per link to the revocation, or one per actor or client address.
import { LINK_ORDER } from '../../../model/window.js';
import { LINK_TAGS } from '../../table/link-tags.js';
import type { LaneMode, TimelineModel } from './model.js';

/** One lane: what its label says (short, and in full), its tag letter when it has one, and its events' indices in time order. */
export interface Lane {
  label: string;
  title: string;
  letter: string | null;
  events: number[];
}

/** Lanes of one actor or address at most; the rest share one more lane. */
export const MAX_VALUE_LANES = 8;

/** Lane names of the link mode, in LINK_ORDER: the words (the revoker is the `actor` link). */
const LINK_LANE_NAMES: Readonly<Record<string, string>> = { token: 'token', actor: 'revoker', owner: 'owner', ip: 'address' };

/** One lane per link kind (LINK_ORDER), each holding every event with that link: an event with several links is in several lanes. */
function linkLanes(model: TimelineModel): Lane[] {
  return LINK_ORDER.map((kind, bit) => {
    const tag = LINK_TAGS[kind];
    const events: number[] = [];
    for (let i = 0; i < model.t.length; i++) if ((model.links[i]! >> bit) & 1) events.push(i);
    return { label: LINK_LANE_NAMES[kind]!, title: `${tag.letter} ${tag.word}: ${tag.meaning}`, letter: tag.letter, events };
  });
}

/**
 * One lane per value of `column` (actor label or address), in the order of their first event, the
 * first MAX_VALUE_LANES of them; later values share an `N other actors` (addresses) lane. Events without a value
 * share the `none` lane.
 */
function valueLanes(model: TimelineModel, column: number[], noun: string, nouns: string, none: string): Lane[] {
  const byValue = new Map<number, number[]>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let list = byValue.get(v);
    if (list === undefined) byValue.set(v, (list = []));
    list.push(i);
  }
  const lanes: Lane[] = [];
  const others: number[] = [];
  let otherValues = 0;
  for (const [v, events] of byValue) {
    if (lanes.length < MAX_VALUE_LANES) {
      const text = v < 0 ? none : model.strings[v]!;
      lanes.push({ label: text, title: `${noun}: ${text}`, letter: null, events });
    } else {
      otherValues++;
      others.push(...events);
    }
  }
  if (otherValues > 0) {
    others.sort((a, b) => a - b);
    const label = `${otherValues} other ${otherValues === 1 ? noun : nouns}`;
    lanes.push({ label, title: `${label}, first seen after the ${MAX_VALUE_LANES} above`, letter: null, events: others });
  }
  return lanes;
}

/** The lanes of `mode`. */
export function lanesOf(model: TimelineModel, mode: LaneMode): Lane[] {
  if (mode === 'link') return linkLanes(model);
  if (mode === 'actor') return valueLanes(model, model.actor, 'actor', 'actors', '(no actor)');
  return valueLanes(model, model.ip, 'address', 'addresses', '(no address)');
}
