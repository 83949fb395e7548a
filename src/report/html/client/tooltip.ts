// The one tooltip of the page: what a timeline mark stands for, beside it, while it is hovered or focused.

/** A line of the tooltip: a label and its value (both plain text). */
export type TipLine = [string, string];

function tip(): HTMLElement | null {
  return document.getElementById('tip');
}

/** Shows `title` and `lines` beside `anchor` (text only: nothing in them is read as HTML). */
export function showTip(anchor: Element, title: string, lines: readonly TipLine[]): void {
  const el = tip();
  if (el === null) return;
  const head = document.createElement('div');
  head.className = 't';
  head.textContent = title;
  const dl = document.createElement('dl');
  for (const [label, value] of lines) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  el.replaceChildren(head, ...(lines.length > 0 ? [dl] : []));
  el.hidden = false;
  const box = anchor.getBoundingClientRect();
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  let left = box.left + box.width / 2 - width / 2;
  left = Math.max(8, Math.min(left, innerWidth - width - 8));
  let top = box.top - height - 10;
  if (top < 8) top = box.bottom + 10;
  el.style.left = `${Math.round(left)}px`;
  el.style.top = `${Math.round(top)}px`;
}

/** Hides the tooltip. */
export function hideTip(): void {
  const el = tip();
  if (el !== null) el.hidden = true;
}
