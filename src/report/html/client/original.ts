// The page's viewer of original events: the inline originals, parsed on first use, shown indented in a dialog.
import { prettyJson } from '../pretty-json.js';

let originals: string[] | null = null;

/** The page's originals: the arrays of its `<script type="application/json" class="originals">` blocks, in order, parsed once. */
function all(): string[] {
  if (originals === null) {
    originals = [];
    for (const data of document.querySelectorAll('script.originals')) for (const text of JSON.parse(data.textContent) as string[]) originals.push(text);
  }
  return originals;
}

/** The text of original `index`, indented; empty when there is none. */
function originalText(index: number): string {
  const text = all()[index];
  return text === undefined ? '' : prettyJson(text);
}

/** Shows original `index` in the dialog, titled `title`; focus returns to `from` when it closes. */
export function showOriginal(index: number, title: string, from: Element | null): void {
  const dialog = document.getElementById('orig') as HTMLDialogElement | null;
  const pre = document.getElementById('orig-text');
  const heading = document.getElementById('orig-h');
  if (dialog === null || pre === null || heading === null) return;
  heading.textContent = title;
  pre.textContent = originalText(index);
  const back = from instanceof HTMLElement || from instanceof SVGElement ? from : null;
  dialog.addEventListener('close', () => back?.focus(), { once: true });
  dialog.showModal();
}

/** Wires the dialog's buttons: Close, and Copy (the text, through the clipboard when the page may use it). */
export function setUpDialog(): void {
  const dialog = document.getElementById('orig') as HTMLDialogElement | null;
  if (dialog === null) return;
  dialog.querySelector('button.close')?.addEventListener('click', () => dialog.close());
  const copy = dialog.querySelector<HTMLButtonElement>('button.copy');
  copy?.addEventListener('click', () => {
    const pre = document.getElementById('orig-text');
    const text = pre?.textContent ?? '';
    const done = (word: string) => {
      copy.textContent = word;
      setTimeout(() => (copy.textContent = 'Copy'), 1500);
    };
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined outside a secure context (the DOM types say always there)
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => done('Copied'), () => selectAll(pre));
    else selectAll(pre);
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
}

function selectAll(el: Element | null): void {
  if (el === null) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}
