// Splitters: NDJSON, pretty/compact arrays and the careful scanner agree on records and report bad parts.
import { describe, expect, it } from 'vitest';
import { NdjsonSplitter } from '../../src/input/ndjson.js';
import { ArraySplitter } from '../../src/input/pretty-array.js';
import { JsonScanner } from '../../src/input/json-scanner.js';
import { runSplitter } from './helpers.js';

const MAX = 1 << 20;
const events = [
  { uuid: 'a', eventType: 'x.y', published: '2024-01-01T00:00:00.000Z', s: 'brace } in ] string, "quoted" \\ and ü 東京' },
  { uuid: 'b', eventType: 'x.z', published: '2024-01-01T00:00:01.000Z', target: [{ id: '1' }, { id: '2' }], n: { m: [1, { o: null }] } },
  { uuid: 'c', eventType: 'x.w', published: '2024-01-01T00:00:02.000Z', s: '},\n  {' },
];
const ndjson = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const pretty = JSON.stringify(events, null, 2) + '\n';
const compact = JSON.stringify(events);
const parsed = (r: string[]) => r.map((x) => JSON.parse(x));

describe.each([1, 7, 64, 1 << 20])('block size %i', (block) => {
  it('NDJSON: one record per line, with line numbers', () => {
    const r = runSplitter(new NdjsonSplitter(MAX), ndjson, block);
    expect(parsed(r.records)).toEqual(events);
    expect(r.lines).toEqual([1, 2, 3]);
    expect(r.diags).toEqual([]);
  });
  it('pretty array (jq .) gives the same events', () => {
    const r = runSplitter(new ArraySplitter(MAX), pretty, block);
    expect(parsed(r.records)).toEqual(events);
    expect(r.diags).toEqual([]);
  });
  it('compact array gives the same events', () => {
    const r = runSplitter(new ArraySplitter(MAX), compact, block);
    expect(parsed(r.records)).toEqual(events);
    expect(r.diags).toEqual([]);
  });
  it('concatenated pages, pretty and compact', () => {
    const two = JSON.stringify(events.slice(0, 2), null, 2) + '\n' + JSON.stringify(events.slice(2), null, 2);
    expect(parsed(runSplitter(new ArraySplitter(MAX), two, block).records)).toEqual(events);
    const tight = JSON.stringify(events.slice(0, 1)) + JSON.stringify(events.slice(1));
    expect(parsed(runSplitter(new ArraySplitter(MAX), tight, block).records)).toEqual(events);
    const mixed = JSON.stringify(events.slice(0, 1), null, 2) + '\n' + JSON.stringify(events.slice(1));
    expect(parsed(runSplitter(new ArraySplitter(MAX), mixed, block).records)).toEqual(events);
  });
  it('CRLF, BOM and blank lines', () => {
    const crlf = '\uFEFF' + '\r\n' + ndjson.replace(/\n/g, '\r\n\r\n');
    const r = runSplitter(new NdjsonSplitter(MAX), crlf, block);
    expect(parsed(r.records)).toEqual(events);
    expect(r.lines).toEqual([2, 4, 6]);
    const p = runSplitter(new ArraySplitter(MAX), '\uFEFF' + pretty.replace(/\n/g, '\r\n'), block);
    expect(parsed(p.records)).toEqual(events);
    expect(p.diags).toEqual([]);
  });
});

describe('files concatenated with a BOM each (cat a.json b.json)', () => {
  it.each([1, 5, 1 << 20])('NDJSON, compact and pretty arrays keep every record (block size %i)', (block) => {
    const bom = '\uFEFF';
    const nd = runSplitter(new NdjsonSplitter(MAX), bom + ndjson + bom + ndjson, block);
    expect(parsed(nd.records)).toEqual([...events, ...events]);
    expect(nd.lines).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nd.diags).toEqual([]);
    const arrays = runSplitter(new ArraySplitter(MAX), bom + compact + '\n' + bom + compact, block);
    expect(parsed(arrays.records)).toEqual([...events, ...events]);
    expect(arrays.diags).toEqual([]);
    const pretties = runSplitter(new ArraySplitter(MAX), bom + pretty + bom + pretty, block);
    expect(parsed(pretties.records)).toEqual([...events, ...events]);
    expect(pretties.diags).toEqual([]);
  });
  it('a BOM inside an array, between elements, is skipped too', () => {
    const text = '[' + JSON.stringify(events[0]) + ',\uFEFF' + JSON.stringify(events[1]) + ']';
    const r = runSplitter(new ArraySplitter(MAX), text, 3);
    expect(parsed(r.records)).toEqual(events.slice(0, 2));
    expect(r.diags).toEqual([]);
  });
});

describe('bad input is reported and skipped', () => {
  it('NDJSON: a cut-short line and a garbage line', () => {
    const lines = ndjson.split('\n');
    const input = [lines[0], lines[1]!.slice(0, 30), 'garbage here', lines[2], ''].join('\n');
    const r = runSplitter(new NdjsonSplitter(MAX), input, 16);
    expect(parsed(r.records).map((e) => e.uuid)).toEqual(['a', 'c']);
    expect(r.records.length).toBe(2);
    // The cut-short record runs on until the next line that starts a record: one diagnostic.
    expect(r.diags.map((d) => d.line)).toEqual([2]);
  });
  it('NDJSON: a line cut after a key does not swallow the next record', () => {
    const input = '{"uuid":"a","x":{"y":1,\n' + JSON.stringify(events[1]) + '\n';
    const r = runSplitter(new NdjsonSplitter(MAX), input);
    expect(parsed(r.records).map((e) => e.uuid)).toEqual(['b']);
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]!.line).toBe(1);
  });
  it('NDJSON: a pretty-printed object in the middle is recovered', () => {
    const input = JSON.stringify(events[0]) + '\n' + JSON.stringify(events[1], null, 2) + '\n' + JSON.stringify(events[2]) + '\n';
    const r = runSplitter(new NdjsonSplitter(MAX), input, 5);
    expect(parsed(r.records)).toEqual(events);
    expect(r.diags).toEqual([]);
    expect(r.lines[2]).toBe(input.split('\n').length - 1);
  });
  it('truncated pretty array keeps every complete element', () => {
    const cut = pretty.slice(0, pretty.indexOf('"uuid": "c"') + 5);
    const r = runSplitter(new ArraySplitter(MAX), cut, 9);
    expect(parsed(r.records).map((e) => e.uuid)).toEqual(['a', 'b']);
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]!.reason).toMatch(/cut short/);
  });
  it('truncated compact array keeps every complete element', () => {
    const cut = compact.slice(0, compact.indexOf('"uuid":"c"') + 5);
    const r = runSplitter(new ArraySplitter(MAX), cut, 9);
    expect(parsed(r.records).map((e) => e.uuid)).toEqual(['a', 'b']);
    expect(r.diags).toHaveLength(1);
  });
  it('array missing only its closing bracket', () => {
    const r = runSplitter(new ArraySplitter(MAX), compact.slice(0, -1));
    expect(r.records).toHaveLength(3);
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]!.reason).toMatch(/inside a JSON array/);
  });
  it('non-object array elements are skipped with a diagnostic', () => {
    const r = runSplitter(new ArraySplitter(MAX), '[1, "x", null, [2, {"a": 1}], {"uuid": "z"}]');
    expect(r.records).toEqual(['{"uuid": "z"}']);
    expect(r.diags).toHaveLength(4);
  });
  it('records over the size limit are skipped, not buffered', () => {
    const big = JSON.stringify({ uuid: 'big', pad: 'x'.repeat(5000) });
    const input = JSON.stringify(events[0]) + '\n' + big + '\n' + JSON.stringify(events[1]) + '\n';
    const r = runSplitter(new NdjsonSplitter(1000), input, 64);
    expect(parsed(r.records).map((e) => e.uuid)).toEqual(['a', 'b']);
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]!.reason).toMatch(/larger than 1000/);
    const a = runSplitter(new ArraySplitter(1000), `[${JSON.stringify(events[0])},${big},${JSON.stringify(events[1])}]`, 64);
    expect(parsed(a.records).map((e) => e.uuid)).toEqual(['a', 'b']);
    expect(a.diags).toHaveLength(1);
  });
  it('CR-only line ends', () => {
    const r = runSplitter(new NdjsonSplitter(200), ndjson.replace(/\n/g, '\r'), 50);
    expect(parsed(r.records)).toEqual(events);
  });
  it('the careful scanner reads a sequence of pretty objects', () => {
    const input = events.map((e) => JSON.stringify(e, null, 4)).join('\n');
    const r = runSplitter(new JsonScanner({ maxRecordBytes: MAX }), input, 3);
    expect(parsed(r.records)).toEqual(events);
  });
});
