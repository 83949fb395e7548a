// NDJSON reporter: one parseable line per finding, contract key order, no publishedMs.
import { describe, expect, it } from 'vitest';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { collect, makeFinding, makeReport, standardFindings } from './helpers.js';

const OPTIONS = { color: false };

describe('ndjsonReporter', () => {
  it('writes one JSON line per finding, each ending in a newline', () => {
    const out = collect(ndjsonReporter(makeReport(), OPTIONS));
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.id)).toEqual(standardFindings().map((f) => f.id));
  });

  it('keeps the contract key order and omits publishedMs', () => {
    const out = collect(ndjsonReporter(makeReport(), OPTIONS));
    for (const line of out.trimEnd().split('\n')) {
      const obj = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(obj)).toEqual([
        'schemaVersion', 'kind', 'id', 'published', 'rules', 'token', 'outcome', 'revokedBy', 'client', 'event',
      ]);
      expect(line).not.toContain('publishedMs');
    }
  });

  it('matches the public form of each finding exactly', () => {
    const [first] = standardFindings();
    const { publishedMs: _ms, ...expected } = first!;
    const line = collect(ndjsonReporter(makeReport([first!]), OPTIONS));
    expect(JSON.parse(line)).toEqual(expected);
  });

  it('keeps hostile strings on one line, escaped, and exact after parsing', () => {
    const name = 'x\u2028y\u0085\u202e\u001b[2J\r\nz';
    const out = collect(ndjsonReporter(makeReport([makeFinding({ token: { name } })]), OPTIONS));
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0085\u2028\u202e]/);
    expect((JSON.parse(out) as { token: { name: string } }).token.name).toBe(name);
  });

  it('writes nothing for a report without findings', () => {
    expect(collect(ndjsonReporter(makeReport([]), OPTIONS))).toBe('');
  });
});
