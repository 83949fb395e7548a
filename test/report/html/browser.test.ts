// The HTML report in a real browser (Debian's Chromium driven by playwright-core): every event shown, marks and keys work, no log text runs, nothing is loaded.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../../src/model/report.js';
import { LINK_ORDER } from '../../../src/model/window.js';
import { htmlReporter } from '../../../src/report/html/html.js';
import { PAGE_SIZE } from '../../../src/report/html/page-size.js';
import { bySeverity } from '../../../src/report/table/severity-view.js';
import { runCli } from '../../helpers/run-cli.js';
import { collect, makeFinding, makeReport } from '../helpers.js';
import { makeWindow, makeWindowEvent } from '../window-helpers.js';
import { CHROMIUM, HAVE_CHROMIUM, NO_CHROMIUM } from './chromium.js';

/** Where the screenshots go (gitignored). */
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'test-output', 'html');
const INPUTS = ['samples/okta-export.ndjson', 'samples/okta-export-pretty.json', 'test/fixtures/html-hostile/hostile.ndjson'];

/** A page opened from a file, and everything it tried: requests, dialogs, errors, CSP violations. */
interface Opened {
  page: Page;
  url: string;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

if (!HAVE_CHROMIUM) {
  // Never a silent pass: a skipped test with the reason as its name, and the same line on stderr
  // (vitest's default reporter counts skipped tests without naming them).
  console.warn(NO_CHROMIUM);
  it.skip(NO_CHROMIUM, () => {});
} else {
  describe('the HTML report in Chromium', () => {
    let context: BrowserContext | undefined;
    let dataDir: string;
    let files: string;
    const findings = new Map<string, Finding[]>();
    const pages = new Map<string, string>();

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'ors-chromium-profile-'));
      files = mkdtempSync(join(tmpdir(), 'ors-html-'));
      mkdirSync(SHOTS, { recursive: true });
      for (const input of INPUTS) {
        const html = await runCli(['--format', 'html', input]);
        const json = await runCli(['--format', 'json', input]);
        expect(html.code, html.stderr).toBe(0);
        pages.set(input, html.stdout);
        // The page's order (the table's): most severe first, then time; `publishedMs` is not serialised.
        const parsed = (JSON.parse(json.stdout) as ScanReport).findings.map((f) => ({ ...f, publishedMs: Date.parse(f.published) }));
        findings.set(input, bySeverity(parsed));
      }
      context = await chromium.launchPersistentContext(dataDir, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    });

    /** Writes `html` to a file and opens it, recording what the page tries. */
    async function open(html: string, name: string): Promise<Opened> {
      const path = join(files, `${name}.html`);
      writeFileSync(path, html);
      const page = await context!.newPage();
      const opened: Opened = { page, url: pathToFileURL(path).href, requests: [], dialogs: [], errors: [] };
      page.on('request', (r) => opened.requests.push(r.url()));
      page.on('dialog', (d) => {
        opened.dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => opened.errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(m.text());
      });
      // Runs before the page's own script (through the browser's debugging protocol, not as page content).
      await page.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
      await page.goto(opened.url, { waitUntil: 'load' });
      return opened;
    }

    /** Nothing ran or loaded that the report did not write: the file was the only request, no dialog, error or CSP violation, no `__pwned`. */
    async function expectClean(o: Opened): Promise<void> {
      expect(o.requests).toEqual([o.url]);
      expect(o.dialogs).toEqual([]);
      expect(o.errors).toEqual([]);
      expect(await o.page.evaluate('window.__csp')).toEqual([]);
      expect(await o.page.evaluate(`'__pwned' in window`)).toBe(false);
    }

    it.each(INPUTS)('%s: every window event has its row, in order, and the page loads nothing', async (input) => {
      const o = await open(pages.get(input)!, input.replace(/\W+/g, '-'));
      const list = findings.get(input)!;
      expect(list.length).toBeGreaterThan(0);
      for (const [i, f] of list.entries()) {
        const times = await o.page.locator(`#r${i + 1}-table tbody tr time`).evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
        expect(times).toEqual(f.window!.events.map((e) => e.published));
      }
      const name = input.split('/').at(-1)!.replace(/\W+/g, '-');
      await o.page.screenshot({ path: join(SHOTS, `${name}-light.png`), fullPage: true });
      await o.page.emulateMedia({ colorScheme: 'dark' });
      await o.page.screenshot({ path: join(SHOTS, `${name}-dark.png`), fullPage: true });
      await expectClean(o);
      await o.page.close();
    });

    it.each(INPUTS)('%s: per lane, the marks stand for its events once each, in time order; the revocation is marked', async (input) => {
      const o = await open(pages.get(input)!, `marks-${input.replace(/\W+/g, '-')}`);
      for (const [i, f] of findings.get(input)!.entries()) {
        const lanes = await o.page.locator(`#r${i + 1}-svg`).evaluate((svg) => {
          const out: { count: number; evs: number[]; xs: number[] }[] = [];
          for (const mark of svg.querySelectorAll('.mk')) {
            const lane = Number(mark.getAttribute('data-lane'));
            if (lane < 0) continue;
            const entry = (out[lane] ??= { count: 0, evs: [], xs: [] });
            entry.count += mark.classList.contains('grp') ? Number(mark.getAttribute('data-n')) : 1;
            if (mark.hasAttribute('data-ev')) entry.evs.push(Number(mark.getAttribute('data-ev')));
            entry.xs.push(Number(/translate\(([-\d.]+)/.exec(mark.getAttribute('transform'))![1]));
          }
          return out;
        });
        LINK_ORDER.forEach((kind, lane) => {
          const expected = f.window!.events.filter((e) => e.links.includes(kind)).length;
          expect(lanes[lane]?.count ?? 0, `${kind} lane of revocation ${i + 1}`).toBe(expected);
          const { evs, xs } = lanes[lane] ?? { evs: [], xs: [] };
          expect(evs).toEqual([...evs].sort((a, b) => a - b));
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
        });
        const rev = o.page.locator(`#r${i + 1}-svg .mk.rev`);
        await expect(rev.count()).resolves.toBe(1);
        expect(await rev.getAttribute('aria-label')).toContain(`revoked by`);
        await expect(o.page.locator(`#r${i + 1}-svg .revline`).count()).resolves.toBe(1);
      }
      await expectClean(o);
      await o.page.close();
    });

    it('the keyboard moves between marks; Enter opens the original; Escape gives the focus back', async () => {
      const input = INPUTS[0]!;
      const o = await open(pages.get(input)!, 'keys');
      const events = findings.get(input)![0]!.window!.events;
      interface Focus {
        lane: string | null;
        ev: string | null;
        cls: string | null;
      }
      const focused = () => o.page.evaluate<Focus>(`(({ activeElement: a }) => ({ lane: a.getAttribute('data-lane'), ev: a.getAttribute('data-ev'), cls: a.getAttribute('class') }))(document)`);
      await o.page.locator('#r1-svg .mk[tabindex="0"]').focus();
      expect((await focused()).cls).toBe('mk rev');
      await o.page.keyboard.press('ArrowDown');
      const first = await focused();
      expect(first.lane).toBe('0');
      await o.page.keyboard.press('Home');
      const home = await focused();
      await o.page.keyboard.press('ArrowRight');
      const next = await focused();
      expect(next.lane).toBe('0');
      expect(Number(next.ev)).toBeGreaterThan(Number(home.ev));
      await o.page.locator('#tip').waitFor({ state: 'visible' });
      expect(await o.page.locator('#tip .t').textContent()).toBe(events[Number(next.ev)]!.eventType);
      await o.page.keyboard.press('ArrowDown');
      expect((await focused()).lane).toBe('1');
      await o.page.keyboard.press('ArrowUp');
      const back = await focused();
      expect(back.lane).toBe('0');
      await o.page.keyboard.press('Enter');
      await o.page.locator('#orig').waitFor({ state: 'visible' });
      const shown = JSON.parse(await o.page.locator('#orig-text').textContent() ?? '') as { uuid: string };
      expect(shown.uuid).toBe(events[Number(back.ev)]!.uuid);
      expect((await focused()).cls).toBe('close');
      await o.page.keyboard.press('Escape');
      await o.page.locator('#orig').waitFor({ state: 'hidden' });
      expect(await focused()).toEqual(back);
      await expectClean(o);
      await o.page.close();
    });

    it('the filter keeps the rows holding every word; sorting and lanes by actor follow', async () => {
      const input = INPUTS[0]!;
      const o = await open(pages.get(input)!, 'filter');
      const events = findings.get(input)![0]!.window!.events;
      await o.page.fill('#r1-filter', 'dana salesforce');
      const visible = await o.page.locator('#r1-table tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.id));
      const expected = events.flatMap((e, i) => (e.actor.alternateId?.includes('dana') && e.targets.some((t) => t.displayName === 'Salesforce') ? [`r1-e${i + 1}`] : []));
      expect(expected.length).toBeGreaterThan(0);
      expect(visible).toEqual(expected);
      expect(await o.page.locator('#r1-count').textContent()).toBe(`${expected.length} of ${events.length} events match`);
      await o.page.fill('#r1-filter', '');
      await o.page.locator('#r1-table th[data-col="1"] button').click();
      await o.page.locator('#r1-table th[data-col="1"] button').click();
      expect(await o.page.locator('#r1-table th[data-col="1"]').getAttribute('aria-sort')).toBe('descending');
      expect(await o.page.locator('#r1-table tbody tr').first().getAttribute('id')).toBe(`r1-e${events.length}`);
      await o.page.locator('input[name="r1-mode"][value="actor"]').check();
      const actors = new Set(events.map((e) => e.actor.alternateId));
      await expect(o.page.locator('#r1-svg .lanes rect.lane').count()).resolves.toBe(actors.size);
      await o.page.locator('#r1 ol.evidence a').first().click();
      await expect(o.page.locator('#r1-table tr.hl').count()).resolves.toBe(1);
      await expectClean(o);
      await o.page.close();
    });

    it('hostile log text shows as text and never runs, whatever is hovered, opened or redrawn', async () => {
      const o = await open(pages.get(INPUTS[2]!)!, 'hostile');
      // Sections out of view are not rendered (content-visibility): bring each into view once, so
      // the page's text holds them all, the incident summary above them included.
      await o.page.evaluate("for (const s of document.querySelectorAll('section')) s.scrollIntoView()");
      await o.page.waitForTimeout(200);
      const text = await o.page.evaluate<string>('document.body.innerText');
      expect(text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(text).toContain('</script><script>window.__pwned=2</script>');
      expect(text).toContain('ci-deploy<script>window.__pwned=5</script>');
      for (const mark of await o.page.locator('#r1-svg .mk').all()) await mark.hover();
      for (const mode of ['actor', 'address', 'link']) await o.page.locator(`input[name="r1-mode"][value="${mode}"]`).check();
      await o.page.locator('#r1-svg .mk.grp').first().click();
      for (const button of (await o.page.locator('#r1-table tbody tr:not([hidden]) button.json').all()).slice(0, 12)) {
        await button.click();
        expect(await o.page.locator('#orig-text').textContent()).toMatch(/^\{\n {2}"actor": \{/);
        await o.page.keyboard.press('Escape');
      }
      await o.page.emulateMedia({ media: 'print' });
      expect(await o.page.locator('#r1 .tl-tools').isVisible()).toBe(false);
      await expectClean(o);
      await o.page.close();
    });

    it('a window of 10,000 events opens quickly: every row there, one page shown, dense marks gathered', async () => {
      const from = Date.parse('2024-05-01T00:00:00.000Z');
      const events = Array.from({ length: 10_000 }, (_, i) =>
        makeWindowEvent(new Date(from + i * 4_000).toISOString(), { uuid: `e${i}`, links: i % 3 ? ['token', 'owner', 'ip'] : ['owner'], client: { ipAddress: `192.0.2.${i % 7}`, city: null, country: null } }),
      );
      const report = makeReport([makeFinding({ window: makeWindow(events) })]);
      const started = performance.now();
      const o = await open(collect(htmlReporter(report, { color: false })), 'large');
      const loaded = performance.now() - started;
      expect(loaded).toBeLessThan(20_000);
      await expect(o.page.locator('#r1-table tbody tr').count()).resolves.toBe(10_000);
      await expect(o.page.locator('#r1-table tbody tr:not([hidden])').count()).resolves.toBe(PAGE_SIZE);
      const marks = await o.page.locator('#r1-svg .mk').count();
      expect(marks).toBeLessThan(1000);
      const counted = await o.page.locator('#r1-svg .mk[data-lane="2"]').evaluateAll((ms) => ms.reduce((n: number, m) => n + (m.classList.contains('grp') ? Number(m.getAttribute('data-n')) : 1), 0));
      expect(counted).toBe(10_000);
      await o.page.locator('#r1-events nav.pager button[data-page="last"]').click();
      await o.page.locator('#r1-e10000').waitFor({ state: 'visible' });
      await o.page.fill('#r1-filter', '192.0.2.3');
      expect(await o.page.locator('#r1-count').textContent()).toBe(`${events.filter((e) => e.client.ipAddress === '192.0.2.3').length} of 10000 events match`);
      await o.page.screenshot({ path: join(SHOTS, 'window-10000.png') });
      process.stderr.write(`html browser: a 10,000-event window loaded in ${Math.round(loaded)} ms\n`);
      await expectClean(o);
      await o.page.close();
    });
  });
}
