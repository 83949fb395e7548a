// The HTML reporter: one document, its CSP and the hashes of its only script and stylesheet, every event and original, incidents, hostile text kept as text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/model/incident.js';
import { SCHEMA_VERSION, type ScanReport } from '../../../src/model/report.js';
import { SCRIPT, SCRIPT_HASH, STYLES, STYLES_HASH } from '../../../src/report/html/assets.generated.js';
import { htmlReporter } from '../../../src/report/html/html.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/report/html/page.js';
import { PAGE_SIZE } from '../../../src/report/html/page-size.js';
import { makeDetection } from '../detection-helpers.js';
import { collect, makeFinding } from '../helpers.js';
import { makeWindow, makeWindowEvent, manyEvents, standardEvents, windowReport } from '../window-helpers.js';

/** Log text that is markup: it must show as text, never become an element or an attribute. */
const NASTY = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '</script><script>window.__pwned=2</script>',
  attr: '"><svg onload=window.__pwned=3>',
  comment: '<!--<link rel=stylesheet href=https://attacker.example/s.css>',
} as const;

function sighting(events: number) {
  return { events, windows: 1, firstSeen: '2024-05-01T08:00:00.000Z', lastSeen: '2024-05-01T11:00:00.000Z' };
}

/** An incident over the report's first revocation, every list holding a hostile value. */
function makeIncident(revocation: string): Incident {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'incident',
    id: 'incident-1',
    revocations: [revocation, 'not-a-reported-revocation'],
    severity: 'high',
    eventCount: 7,
    firstSeen: '2024-04-30T13:00:00.000Z',
    lastSeen: '2024-05-01T12:00:00.123Z',
    ties: { sharedEvents: 2, tokens: ['00Tabc123def456ghi78'], addresses: [NASTY.attr] },
    addresses: [{ ...sighting(3), ip: NASTY.attr, city: NASTY.img, country: 'Romania', asNumber: '9009', asOrg: 'm247', proxy: true, tokens: ['00Tabc123def456ghi78'], actors: [NASTY.script] }],
    networks: [{ ...sighting(3), asNumber: '9009', asOrg: NASTY.comment, addresses: [NASTY.attr] }],
    countries: [{ ...sighting(3), value: 'Romania' }],
    userAgents: [{ ...sighting(3), value: NASTY.script }],
    actors: [{ ...sighting(4), label: NASTY.script, actor: { id: '00u1', type: 'User', alternateId: NASTY.script, displayName: NASTY.img }, tokens: [], addresses: [] }],
    tokens: [{ ...sighting(2), id: '00Tabc123def456ghi78', name: 'ci-deploy', calls: 2, revocations: [revocation], addresses: [NASTY.attr] }],
  };
}

/** windowReport() with hostile names, signals and evidence on the first window, an incident, and detections. */
function fullReport(): ScanReport {
  const report = windowReport();
  const events = standardEvents();
  events[2]!.actor = { id: '00u6mal', type: 'User', alternateId: NASTY.script, displayName: NASTY.img };
  events[3]!.targets = [{ id: 'x', type: NASTY.comment, displayName: NASTY.attr }];
  const first = report.findings[0]!;
  first.window = makeWindow(events);
  first.severity = 'high';
  first.signals = [
    { id: 'privileged-action', severity: 'high', message: `grant to ${NASTY.img}`, evidence: [events[1]!.uuid, first.id] },
    { id: 'new-ip', severity: 'low', message: 'token used from 198.51.100.50', evidence: [events[2]!.uuid, 'dropped-uuid'] },
  ];
  first.token.name = NASTY.script;
  report.incidents = [makeIncident(first.id)];
  report.detections = [makeDetection({ actor: { alternateId: NASTY.img } })];
  return report;
}

function render(report: ScanReport, timeZone?: string): string {
  return collect(htmlReporter(report, { color: false, timeZone, baseline: '30d' }));
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** Every start tag of the markup (the page script left out): its name and attribute names and values. */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  const markup = html.slice(0, html.lastIndexOf('<script>'));
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of markup.matchAll(/<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = [...m[2]!.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1]!, a[2] ?? '']);
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

describe('htmlReporter', () => {
  const report = fullReport();
  const html = render(report);

  it('writes one document, the same every time (no generation time)', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html.endsWith('</body>\n</html>\n')).toBe(true);
    expect(render(fullReport())).toBe(html);
  });

  it('forbids loading anything and allows only its own script and stylesheet, by hash', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(html).toContain(`<style>${STYLES}</style>`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    expect(sha256(STYLES)).toBe(STYLES_HASH);
    expect(sha256(SCRIPT)).toBe(SCRIPT_HASH);
  });

  it('has no element or attribute from log text: no handler, no style, no link out, only its own scripts', () => {
    const all = tags(html);
    const names = new Set(all.map((t) => t.name));
    expect(all.length).toBeGreaterThan(300);
    for (const bad of ['img', 'iframe', 'link', 'object', 'embed', 'base']) expect(names.has(bad), bad).toBe(false);
    for (const t of all) {
      for (const [attr, value] of t.attrs) {
        expect(attr.startsWith('on'), `${t.name} ${attr}`).toBe(false);
        expect(['style', 'src', 'srcset', 'action', 'formaction', 'xlink:href']).not.toContain(attr);
        if (attr === 'href') expect(value).toMatch(/^#[a-z][a-z0-9-]*$/);
      }
      if (t.name === 'script') expect(t.attrs.map(([a, v]) => `${a}=${v}`)).toContainEqual(expect.stringMatching(/^type=application\/json$/));
    }
  });

  it('shows hostile log text as text, in content, attributes and inline JSON', () => {
    for (const nasty of Object.values(NASTY)) expect(html).not.toContain(nasty);
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    expect(html.match(/<\/script>/g)!.length).toBe(html.match(/<script[ >]/g)!.length);
  });

  it('lists every window event in order, the rows after the first page hidden', () => {
    const events = report.findings[0]!.window!.events;
    const rows = [...html.matchAll(/<tr id="r1-e(\d+)" data-ev="(\d+)" data-s="(-?\d)"( hidden)?>/g)];
    expect(rows.map((r) => Number(r[2]))).toEqual(events.map((_, i) => i));
    expect(rows.map((r) => Number(r[3]))).toEqual([-1, 3, 1, -1, -1, -1]);
    const big = render({ ...windowReport(), findings: [makeFinding({ window: makeWindow(manyEvents(250)) })] });
    const bigRows = [...big.matchAll(/<tr id="r1-e\d+" data-ev="(\d+)"[^>]*?( hidden)?>/g)];
    expect(bigRows).toHaveLength(250);
    expect(bigRows.filter((r) => r[2] === undefined)).toHaveLength(PAGE_SIZE);
  });

  it('writes each original once, after the section that first shows it, as JSON string arrays the page can parse', () => {
    const shared = makeWindowEvent('2024-05-01T11:30:00.000Z', { uuid: 'shared-event' });
    const twice = windowReport();
    twice.findings[0]!.window = makeWindow([shared]);
    twice.findings[1]!.window = makeWindow([shared]);
    const page = render(twice);
    const blocks = [...page.matchAll(/<script type="application\/json" class="originals">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as string[]);
    const uuids = (list: string[]) => list.map((t) => (JSON.parse(t) as { uuid: string }).uuid);
    // One block after each section, with the originals it showed first; the page numbers them across blocks.
    expect(blocks.map(uuids)).toEqual([[twice.findings[0]!.id, 'shared-event'], [twice.findings[1]!.id], [twice.findings[2]!.id]]);
    expect(page.match(/data-o="1"/g)).toHaveLength(2);
  });

  it('opens with the incidents: ties, links to the revocations, every list escaped', () => {
    expect(html.indexOf('id="incidents"')).toBeLessThan(html.indexOf('id="revocations"'));
    expect(html).toContain('<h3 id="i1-h"><span class="sev s-3">high</span> Incident 1: 2 revocations, 7 events');
    expect(html).toMatch(/<strong>Tied by<\/strong>: 2 shared events; token <span class="val">00Tabc123def456ghi78<\/span>; address <span class="val">&quot;&gt;&lt;svg onload=window.__pwned=3&gt;<\/span>/);
    expect(html).toContain('<li><a href="#r1">');
    expect(html).toContain('not-a-reported-revocation <span class="minor">not reported</span>');
    for (const title of ['Addresses (1)', 'Tokens (1)', 'Actors (1)', 'Networks (1)', 'Countries (1)', 'User agents (1)']) expect(html).toContain(`<h4>${title}</h4>`);
    expect(render(windowReport())).not.toContain('id="incidents"');
  });

  it('gives the severity and why, and links the signals to their evidence', () => {
    expect(html).toContain('<span class="sev s-3">high</span> its highest signal: privileged-action');
    expect(html).toContain('<a href="#r1-e2">2024-05-01 08:00:00Z user.lifecycle.deactivate</a>');
    expect(html).toContain('<a href="#r1">the revocation itself</a>');
    expect(html).toContain('1 event not among the window');
  });

  it('shows times on the --tz clock', () => {
    const zoned = render(fullReport(), 'Asia/Tokyo');
    expect(zoned).toContain('2024-05-01 21:00:00+09:00');
    expect(zoned).toContain('Time (Asia/Tokyo)');
    expect(zoned).toContain('class="zone" x="8"');
    expect(zoned).toContain('>Asia/Tokyo</text>');
  });

  it('says when a window is empty or missing, and lists the detections of --hunt', () => {
    expect(html).toContain('No linked events in this window.');
    expect(html).toContain('no activity window (--no-window)');
    expect(html).toContain('<h2 id="detections-h">Detections (1)</h2>');
  });
});
