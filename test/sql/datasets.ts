// Test helper: the exports the reducer query is checked on: the samples, Panther's events, generated slices, the edge cases.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../bench/generate.js';
import type { Layout } from '../../src/sql/dialect.js';
import { writeWorstWindow } from '../../bench/window-worst.js';
import { parsePublished } from '../../src/events/time.js';
import { edgeLines } from './edge-events.js';

/** One export: its events as JSON texts (one per line), and the scan options it is checked with. */
export interface Dataset {
  name: string;
  events: string[];
  /** Extra scan options per check (each list is one check; [] is the defaults). */
  args: string[][];
  /** The events for a table with one column per key, when they differ: one key spelling throughout. */
  columnEvents?: string[];
}

/** The lines sorted by their event's time (lines that are not events first). */
function inTimeOrder(events: readonly string[]): string[] {
  const at = (line: string): number => {
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      return parsePublished(v.published) ?? -Infinity;
    } catch {
      return -Infinity;
    }
  };
  return events.map((line) => ({ line, t: at(line) })).sort((a, b) => a.t - b.t).map((x) => x.line);
}

const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');

/** The sample exports and Panther's events (fixed files). */
export function fixedDatasets(): Dataset[] {
  const pretty = (JSON.parse(readFileSync('samples/okta-export-pretty.json', 'utf8')) as unknown[]).map((e) => JSON.stringify(e));
  return [
    { name: 'samples/okta-export.ndjson', events: lines('samples/okta-export.ndjson'), args: [[], ['--before', '2h', '--after', '15m', '--baseline', '1d'], ['--from', '2024-03-05T16:16:00Z']] },
    { name: 'samples/okta-export-pretty.json', events: pretty, args: [[], ['--before', '40d']] },
    {
      name: 'panther fixtures',
      events: [...lines('test/fixtures/panther-api-key-revoked/input-created.ndjson'), ...lines('test/fixtures/panther-api-key-revoked/input.ndjson')],
      args: [[]],
    },
    {
      name: 'edge cases',
      events: edgeLines(),
      columnEvents: edgeLines(false),
      args: [[], ['--before', '36h', '--after', '3h', '--baseline', '12d'], ['--max-window-events', '5'], ['--from', '2024-06-11T12:00:00Z', '--to', '2024-06-13T12:00:00Z']],
    },
    // A range counted back from the newest event: the scan knows the newest event exactly only when
    // it reads an export in time order (as Okta writes them); the query finds it in any table.
    {
      name: 'edge cases in time order',
      events: inTimeOrder(edgeLines()),
      columnEvents: inTimeOrder(edgeLines(false)),
      args: [['--from', '4d'], ['--from', '9d', '--to', '5d']],
    },
  ];
}

/**
 * Slices of the benchmark corpora, both profiles: a generated export (stories of every kind), and
 * the window-worst case (every event in one window) checked with a small --max-window-events.
 */
export async function generatedDatasets(): Promise<Dataset[]> {
  const dir = mkdtempSync(join(tmpdir(), 'okta-sql-gen-'));
  try {
    await generate({ out: join(dir, 'g.ndjson'), events: 3000, revocations: 20, seed: 11, manifest: false });
    await generate({ out: join(dir, 'h.ndjson'), events: 2000, revocations: 10, seed: 5, days: 45, manifest: false });
    await writeWorstWindow(join(dir, 'w.ndjson'), 100_000, process.cwd());
    return [
      { name: 'generated 3000 events', events: lines(join(dir, 'g.ndjson')), args: [[], ['--before', '3h', '--baseline', '2d']] },
      { name: 'generated 2000 events over 45 days', events: lines(join(dir, 'h.ndjson')), args: [[], ['--from', '10d']] },
      { name: 'window-worst slice', events: lines(join(dir, 'w.ndjson')), args: [['--max-window-events', '20'], []] },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The edge export in one key spelling throughout (`lower`: what Athena's and Hive's lower-case column names give). */
export function edgeEventsSpelled(style: 'lower' | null): string[] {
  return edgeLines(false).map((l) => {
    if (style === null) return l;
    try {
      return JSON.stringify(respellLine(JSON.parse(l) as unknown));
    } catch {
      return l;
    }
  });
}

function respellLine(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(respellLine);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), respellLine(x)]));
}

/**
 * The option sets checked in a layout: all of them on text; on columns (the same query after its
 * first relation) the defaults, and trimmed windows.
 */
export function argsFor(d: Dataset, layout: Layout): string[][] {
  return layout === 'text' ? d.args : d.args.filter((a, i) => i === 0 || a.includes('--max-window-events'));
}
