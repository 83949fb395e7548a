// A window's events table on the page: a text filter, sorting by any column, and pages of rows, so 10,000 events stay quick.
import { PAGE_SIZE } from '../page-size.js';

type SortKey = 'n' | 's' | 't';

/** One events table and its filter box, count and pager. */
export class EventTable {
  readonly rows: HTMLTableRowElement[];
  private readonly body: HTMLTableSectionElement;
  private order: number[];
  private shown: number[];
  private page = 0;
  private texts: string[] | null = null;
  private query = '';

  constructor(
    readonly table: HTMLTableElement,
    private readonly filterBox: HTMLInputElement | null,
    private readonly count: HTMLElement | null,
    private readonly pager: HTMLElement | null,
  ) {
    this.body = table.tBodies[0]!;
    this.rows = Array.from(this.body.rows);
    this.order = this.rows.map((_, i) => i);
    this.shown = this.order;
    filterBox?.addEventListener('input', () => this.filter(filterBox.value));
    table.tHead?.addEventListener('click', (e) => {
      const th = (e.target as Element).closest('th[data-key]');
      if (th instanceof HTMLTableCellElement) this.sortBy(th);
    });
    pager?.addEventListener('click', (e) => {
      const button = (e.target as Element).closest('button[data-page]');
      if (button !== null) this.turn(button.getAttribute('data-page')!);
    });
    this.render();
  }

  /** Lower-case text of every row, built on the first filter. */
  private rowTexts(): string[] {
    this.texts ??= this.rows.map((r) => r.textContent.toLowerCase());
    return this.texts;
  }

  /** Keeps the rows holding every word of `query` (case-insensitive), back on the first page. */
  filter(query: string): void {
    this.query = query.trim().toLowerCase();
    const words = this.query.split(/\s+/).filter((w) => w !== '');
    const texts = words.length > 0 ? this.rowTexts() : [];
    this.shown = words.length === 0 ? this.order : this.order.filter((i) => words.every((w) => texts[i]!.includes(w)));
    this.page = 0;
    this.render();
  }

  /** The value row `i` sorts by in column `col`. */
  private key(i: number, col: number, kind: SortKey): number | string {
    const row = this.rows[i]!;
    if (kind === 'n') return i;
    if (kind === 's') return Number(row.dataset.s ?? -1);
    return (row.cells[col]?.textContent ?? '').trim().toLowerCase();
  }

  /** Sorts by the column of `th`: ascending first, descending on the next click (severity: highest first). */
  private sortBy(th: HTMLTableCellElement): void {
    const col = Number(th.dataset.col);
    const kind = (th.dataset.key ?? 't') as SortKey;
    const current = th.getAttribute('aria-sort');
    const firstWay = kind === 's' ? 'descending' : 'ascending';
    const way = current === firstWay ? (firstWay === 'ascending' ? 'descending' : 'ascending') : firstWay;
    for (const other of this.table.tHead?.querySelectorAll('th[aria-sort]') ?? []) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', way);
    const sign = way === 'ascending' ? 1 : -1;
    const keys = this.rows.map((_, i) => this.key(i, col, kind));
    this.order = this.rows.map((_, i) => i).sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return c * sign || a - b;
    });
    this.body.append(...this.order.map((i) => this.rows[i]!));
    this.filter(this.query);
  }

  private pages(): number {
    return Math.max(1, Math.ceil(this.shown.length / PAGE_SIZE));
  }

  private turn(where: string): void {
    const last = this.pages() - 1;
    this.page = where === 'first' ? 0 : where === 'last' ? last : Math.max(0, Math.min(last, this.page + (where === 'next' ? 1 : -1)));
    this.render();
  }

  /** Shows the current page of the kept rows and hides every other row; updates the count and the pager. */
  private render(): void {
    const from = this.page * PAGE_SIZE;
    const visible = new Set(this.shown.slice(from, from + PAGE_SIZE));
    this.rows.forEach((row, i) => {
      const hide = !visible.has(i);
      if (row.hidden !== hide) row.hidden = hide;
    });
    const total = this.rows.length;
    if (this.count !== null) {
      this.count.textContent = this.shown.length === total ? `${total} event${total === 1 ? '' : 's'}` : `${this.shown.length} of ${total} events match`;
    }
    this.renderPager(from);
  }

  private renderPager(from: number): void {
    if (this.pager === null) return;
    const pages = this.pages();
    this.pager.hidden = pages <= 1;
    if (pages <= 1) return;
    const button = (page: string, text: string, label: string, disabled: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.page = page;
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.disabled = disabled;
      return b;
    };
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `rows ${from + 1}–${Math.min(from + PAGE_SIZE, this.shown.length)} of ${this.shown.length} · page ${this.page + 1} of ${pages}`;
    this.pager.replaceChildren(
      button('first', '«', 'First page', this.page === 0),
      button('prev', '‹ Previous', 'Previous page', this.page === 0),
      where,
      button('next', 'Next ›', 'Next page', this.page === pages - 1),
      button('last', '»', 'Last page', this.page === pages - 1),
    );
  }

  /** Makes row `i` visible (clearing a filter that hides it, turning to its page) and returns it. */
  reveal(i: number): HTMLTableRowElement | undefined {
    const row = this.rows[i];
    if (row === undefined) return undefined;
    let at = this.shown.indexOf(i);
    if (at < 0) {
      if (this.filterBox !== null) this.filterBox.value = '';
      this.filter('');
      at = this.shown.indexOf(i);
    }
    const page = Math.floor(at / PAGE_SIZE);
    if (page !== this.page) {
      this.page = page;
      this.render();
    }
    return row;
  }
}
