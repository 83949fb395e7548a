// The page script of the HTML report: the events tables, the timelines, the original viewer and links to events, wired once the page is read.
import type { TimelineModel } from '../timeline/model.js';
import { setUpDialog, showOriginal } from './original.js';
import { EventTable } from './table.js';
import { Timeline } from './timeline.js';

/** Every section's table by its id (`r1`). */
const tables = new Map<string, EventTable>();

function setUpTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('table.evt')) {
    const id = table.id.replace(/-table$/, '');
    const filter = document.getElementById(`${id}-filter`) as HTMLInputElement | null;
    const pager = table.parentElement?.querySelector<HTMLElement>('nav.pager') ?? null;
    tables.set(id, new EventTable(table, filter, document.getElementById(`${id}-count`), pager));
  }
}

function setUpTimelines(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.timeline')) {
    const data = figure.querySelector('script.tl-data');
    if (data === null) continue;
    const model = JSON.parse(data.textContent) as TimelineModel;
    new Timeline(figure, model, tables.get(model.id) ?? null);
  }
}

/** Goes to an event's row (`#r1-e5`): clears a filter hiding it, turns to its page, scrolls to it. */
function goTo(hash: string): boolean {
  const m = /^#(r\d+)-e(\d+)$/.exec(hash);
  if (m === null) return false;
  const row = tables.get(m[1]!)?.reveal(Number(m[2]) - 1);
  if (row === undefined) return false;
  for (const r of document.querySelectorAll('tr.hl')) r.classList.remove('hl');
  row.classList.add('hl');
  row.scrollIntoView({ block: 'center' });
  return true;
}

function setUpLinks(): void {
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    const json = target.closest('button.json');
    if (json instanceof HTMLButtonElement) {
      const row = json.closest('tr');
      const title = row === null ? 'The revocation event' : `Event ${row.cells[0]?.textContent ?? ''}: ${row.querySelector('td.type')?.firstChild?.textContent ?? ''}`;
      showOriginal(Number(json.dataset.o), title, json);
      return;
    }
    const link = target.closest('a[href^="#"]');
    if (link !== null && goTo(link.getAttribute('href')!)) {
      e.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
    }
  });
}

document.documentElement.classList.add('js');
setUpDialog();
setUpTables();
setUpTimelines();
setUpLinks();
if (location.hash) goTo(location.hash);
