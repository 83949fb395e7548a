// A window's timeline on the page: drawn again to the width it gets, lanes by link, actor or address, zoom, keyboard moves between marks, tooltips and originals.
import { LINK_ORDER } from '../../../model/window.js';
import { SEVERITIES } from '../../../model/severity.js';
import { type LaneMode, type TimelineModel, type TimelineView, defaultView } from '../timeline/model.js';
import { timelineSvg } from '../timeline/svg.js';
import { PAGE_WIDTH } from '../timeline-figure.js';
import { showOriginal } from './original.js';
import type { EventTable } from './table.js';
import { hideTip, showTip, type TipLine } from './tooltip.js';

/** Narrowest span a zoom reaches. */
const MIN_SPAN = 60_000;

/** The x of a mark (from its `translate(x y)`). */
function markX(mark: Element): number {
  const m = /translate\(([-\d.]+)/.exec(mark.getAttribute('transform') ?? '');
  return m === null ? 0 : Number(m[1]);
}

/** The main text of a table cell (before its smaller second line), and that second line. */
function cellText(row: HTMLTableRowElement, cls: string): [string, string] {
  const cell = row.querySelector(`td.${cls}`);
  if (cell === null) return ['', ''];
  const minor = Array.from(cell.querySelectorAll('.minor')).map((m) => m.textContent).join(', ');
  let main = '';
  for (const node of cell.childNodes) if (!(node instanceof Element && node.classList.contains('minor'))) main += node.textContent ?? '';
  return [main.trim(), minor.trim()];
}

/** One timeline figure and what it drives. */
export class Timeline {
  private view: TimelineView;
  private readonly box: HTMLElement;
  /** The mark that takes the focus back after a redraw: its lane and x. */
  private active: { lane: string; x: number; ev: string | null } | null = null;

  constructor(
    private readonly figure: HTMLElement,
    private readonly model: TimelineModel,
    private readonly table: EventTable | null,
  ) {
    this.box = figure.querySelector('.tl-box')!;
    // The report drew the SVG at PAGE_WIDTH; it is drawn again to the box's width only once in view.
    this.view = defaultView(model, PAGE_WIDTH);
    figure.querySelector('fieldset')?.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      this.view = { ...this.view, mode: input.value as LaneMode };
      this.active = null;
      this.draw();
    });
    figure.querySelector('.zoom')?.addEventListener('click', (e) => {
      const b = (e.target as Element).closest('button');
      if (b === null) return;
      if (b.dataset.zoom === 'in') this.zoom(0.5);
      else if (b.dataset.zoom === 'out') this.zoom(2);
      else if (b.dataset.zoom === 'reset') this.reset();
      else if (b.dataset.pan) this.pan(Number(b.dataset.pan));
    });
    this.box.addEventListener('click', (e) => {
      const mark = (e.target as Element).closest('.mk');
      if (mark !== null) this.activate(mark);
    });
    this.box.addEventListener('keydown', (e) => this.key(e));
    this.box.addEventListener('focusin', (e) => {
      const mark = (e.target as Element).closest('.mk');
      if (mark !== null) this.focusMark(mark, false);
    });
    this.box.addEventListener('focusout', hideTip);
    this.box.addEventListener('mouseover', (e) => {
      const mark = (e.target as Element).closest('.mk');
      if (mark !== null) this.tip(mark);
    });
    this.box.addEventListener('mouseleave', hideTip);
    let visible = false;
    const fit = () => {
      const width = this.width();
      if (visible && Math.abs(width - this.view.width) >= 8) {
        this.view = { ...this.view, width };
        this.draw();
      }
    };
    new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      fit();
    }).observe(this.box);
    new ResizeObserver(fit).observe(this.box);
  }

  private width(): number {
    return Math.max(560, Math.floor(this.box.clientWidth || 1000));
  }

  private svg(): SVGSVGElement | null {
    return this.box.querySelector('svg');
  }

  private marks(): Element[] {
    return Array.from(this.box.querySelectorAll('.mk'));
  }

  /** Draws the view; the mark that was active (or the one nearest it) keeps the focus. */
  private draw(): void {
    const hadFocus = this.box.contains(document.activeElement);
    this.box.innerHTML = timelineSvg(this.model, this.view);
    const marks = this.marks();
    if (this.active === null || marks.length === 0) return;
    const { lane, x, ev } = this.active;
    const same = marks.filter((m) => m.getAttribute('data-lane') === lane);
    const pool = same.length > 0 ? same : marks;
    const exact = ev === null ? undefined : pool.find((m) => m.getAttribute('data-ev') === ev);
    const target = exact ?? pool.reduce((best, m) => (Math.abs(markX(m) - x) < Math.abs(markX(best) - x) ? m : best));
    this.rove(target);
    if (hadFocus) (target as SVGElement).focus();
  }

  /** Makes `mark` the one the Tab key reaches (roving tabindex). */
  private rove(mark: Element): void {
    for (const m of this.box.querySelectorAll('.mk[tabindex="0"]')) m.setAttribute('tabindex', '-1');
    mark.setAttribute('tabindex', '0');
    this.active = { lane: mark.getAttribute('data-lane') ?? '0', x: markX(mark), ev: mark.getAttribute('data-ev') };
  }

  private focusMark(mark: Element, move = true): void {
    this.rove(mark);
    if (move) (mark as SVGElement).focus();
    this.tip(mark);
  }

  /** The table row of event `ev`. */
  private row(ev: number): HTMLTableRowElement | undefined {
    return this.table?.rows[ev];
  }

  /** Shows what a mark stands for: an event's fields from its table row, else the mark's own text. */
  private tip(mark: Element): void {
    const ev = mark.getAttribute('data-ev');
    const row = ev === null ? undefined : this.row(Number(ev));
    if (row === undefined) {
      showTip(mark, mark.getAttribute('aria-label') ?? '', []);
      return;
    }
    const e = Number(ev);
    const [type, message] = cellText(row, 'type');
    const [actor, display] = cellText(row, 'actor');
    const [ip, place] = cellText(row, 'addr');
    const [via] = cellText(row, 'via');
    const [outcome] = cellText(row, 'outcome');
    const targets = Array.from(row.querySelectorAll('td.target .tg'))
      .map((t) => {
        const type = t.querySelector('.minor')?.textContent;
        const name = t.firstChild?.textContent ?? '';
        return type ? `${name} (${type})` : name;
      })
      .join('; ');
    const sev = this.model.sev[e]!;
    const links = LINK_ORDER.filter((_, bit) => (this.model.links[e]! >> bit) & 1).join(', ');
    const lines: TipLine[] = [
      ['Time', row.querySelector('td.time')?.textContent ?? ''],
      ['Actor', display ? `${actor} (${display})` : actor],
      ['Via token', via || 'no'],
      ['IP and place', place ? `${ip} · ${place}` : ip],
      ['Outcome', outcome],
      ['Target', targets || '-'],
      ['Evidence', sev < 0 ? 'no' : SEVERITIES[sev]!],
      ['Links', links],
    ];
    if (message) lines.splice(1, 0, ['Message', message]);
    showTip(mark, type, lines);
  }

  /** Enter or click: an event's original, the revocation's, or a zoom into a group. */
  private activate(mark: Element): void {
    this.rove(mark);
    if (mark.classList.contains('grp')) {
      const from = Number(mark.getAttribute('data-from'));
      const to = Number(mark.getAttribute('data-to'));
      const pad = (to - from) / 2;
      this.setSpan(from - pad, to + pad);
      return;
    }
    hideTip();
    if (mark.classList.contains('rev')) {
      const button = this.figure.closest('section')?.querySelector<HTMLButtonElement>('dl.facts button.json');
      if (button) showOriginal(Number(button.dataset.o), 'The revocation event', mark);
      return;
    }
    const ev = Number(mark.getAttribute('data-ev'));
    const row = this.row(ev);
    const button = row?.querySelector<HTMLButtonElement>('button.json');
    if (row !== undefined && button) {
      for (const r of this.table!.table.querySelectorAll('tr.hl')) r.classList.remove('hl');
      row.classList.add('hl');
      showOriginal(Number(button.dataset.o), `Event ${ev + 1}: ${cellText(row, 'type')[0]}`, mark);
    }
  }

  /** Sets the shown span within the window, at least MIN_SPAN wide. */
  private setSpan(from: number, to: number): void {
    const { start, end } = this.model;
    let span = Math.max(MIN_SPAN, to - from);
    span = Math.min(span, Math.max(MIN_SPAN, end - start));
    let a = (from + to) / 2 - span / 2;
    a = Math.max(start, Math.min(a, end - span));
    if (end - start < MIN_SPAN) a = (start + end) / 2 - span / 2;
    this.view = { ...this.view, from: a, to: a + span };
    this.draw();
  }

  private zoom(factor: number): void {
    const span = this.view.to - this.view.from;
    const focus = this.box.querySelector('.mk[tabindex="0"]');
    const ev = focus?.getAttribute('data-ev');
    const centre = ev ? this.model.t[Number(ev)]! : (this.view.from + this.view.to) / 2;
    this.setSpan(centre - (span * factor) / 2, centre + (span * factor) / 2);
  }

  private pan(direction: number): void {
    const span = this.view.to - this.view.from;
    this.setSpan(this.view.from + (direction * span) / 2, this.view.to + (direction * span) / 2);
  }

  private reset(): void {
    this.view = { ...defaultView(this.model, this.view.width), mode: this.view.mode };
    this.draw();
  }

  /** Keyboard: arrows move between marks (along a lane, to the nearest mark of the next lane), Home/End, Enter, +/−/0 zoom. */
  private key(e: KeyboardEvent): void {
    const mark = (e.target as Element).closest('.mk');
    if (mark === null) return;
    const marks = this.marks();
    const lane = mark.getAttribute('data-lane') ?? '0';
    const inLane = marks.filter((m) => m.getAttribute('data-lane') === lane);
    const at = inLane.indexOf(mark);
    let next: Element | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = inLane[at + 1];
        break;
      case 'ArrowLeft':
        next = inLane[at - 1];
        break;
      case 'Home':
        next = inLane[0];
        break;
      case 'End':
        next = inLane[inLane.length - 1];
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        next = this.nearestInLane(marks, Number(lane), e.key === 'ArrowDown' ? 1 : -1, markX(mark));
        break;
      case 'Enter':
      case ' ':
        this.activate(mark);
        break;
      case '+':
      case '=':
        this.zoom(0.5);
        break;
      case '-':
      case '_':
        this.zoom(2);
        break;
      case '0':
        this.reset();
        break;
      case 'Escape':
        hideTip();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next !== undefined) this.focusMark(next);
  }

  /** The mark nearest `x` in the next lane with marks in `direction` (lane -1 is the revocation's). */
  private nearestInLane(marks: Element[], lane: number, direction: number, x: number): Element | undefined {
    const lanes = new Set(marks.map((m) => Number(m.getAttribute('data-lane'))));
    const count = this.svg()?.querySelectorAll('.lanes rect.lane').length ?? 0;
    for (let l = lane + direction; l >= -1 && l < count; l += direction) {
      if (!lanes.has(l)) continue;
      const pool = marks.filter((m) => Number(m.getAttribute('data-lane')) === l);
      return pool.reduce((best, m) => (Math.abs(markX(m) - x) < Math.abs(markX(best) - x) ? m : best));
    }
    return undefined;
  }
}
