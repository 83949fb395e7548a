// What the SVG timeline of one window is drawn from: the window's events as compact columns, shared by the report and its page script.

/**
 * One window's timeline data: the report draws it, and writes it into the page as JSON so the
 * page script can draw it again (another lane mode, a zoom) with the same code. Event columns are
 * parallel arrays in the window's (time) order; strings are indices into `strings`.
 */
export interface TimelineModel {
  /** Id of the revocation's section (`r1`); ids of the timeline's parts start with it. */
  id: string;
  /** The window's bounds, epoch ms. */
  start: number;
  end: number;
  /** When the token was revoked, epoch ms, and what the revocation mark says. */
  revokedAt: number;
  revocation: string;
  /** The history before the window that the signals compare with (shaded left of the window), as said on the mark. */
  baseline: string;
  /** IANA time zone of the times shown (`--tz`), or null for UTC. */
  timeZone: string | null;
  strings: string[];
  /** Per event: time (epoch ms), links (bit i = LINK_ORDER[i]), evidence severity (-1 none, 0 info … 3 high). */
  t: number[];
  links: number[];
  sev: number[];
  /** Per event: indices into `strings` of its type, actor label and client address (-1 when it has none). */
  type: number[];
  actor: number[];
  ip: number[];
}

/** How events are put in lanes: by link to the revocation, by actor, or by client address. */
export type LaneMode = 'link' | 'actor' | 'address';

/** The lane modes, in the order the page offers them. */
export const LANE_MODES: readonly LaneMode[] = ['link', 'actor', 'address'];

/** What part of a timeline is drawn: its lanes, the time span and the width in CSS pixels. */
export interface TimelineView {
  mode: LaneMode;
  from: number;
  to: number;
  width: number;
}

/** The view a timeline opens with: lanes by link, the whole window, `width` pixels. */
export function defaultView(model: TimelineModel, width: number): TimelineView {
  return { mode: 'link', from: model.start, to: model.end, width };
}
