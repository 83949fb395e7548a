// JSON reporter: one valid document, contract shape, streamed in chunks, identical to stringify.
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { SCHEMA_VERSION } from '../../src/model/report.js';
import { collect, makeFinding, makeReport } from './helpers.js';

const OPTIONS = { color: false };

interface Doc {
  schemaVersion: number;
  inputs: Record<string, unknown>[];
  summary: Record<string, unknown>;
  diagnostics: unknown[];
  findings: Record<string, unknown>[];
}

describe('jsonReporter', () => {
  it('yields one JSON document matching the contract', () => {
    const report = makeReport();
    const out = collect(jsonReporter(report, OPTIONS));
    const doc = JSON.parse(out) as Doc;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'inputs', 'summary', 'diagnostics', 'findings']);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.inputs).toEqual(report.inputs);
    for (const input of doc.inputs) {
      expect(Object.keys(input)).toEqual(['path', 'format', 'events', 'duplicates', 'diagnostics']);
    }
    expect(doc.summary).toEqual(report.summary);
    expect(doc.diagnostics).toEqual(report.diagnostics);
    expect(doc.findings.map((f) => f.id)).toEqual(report.findings.map((f) => f.id));
    for (const f of doc.findings) {
      expect(f).not.toHaveProperty('publishedMs');
      expect(Object.keys(f)[0]).toBe('schemaVersion');
      expect(Object.keys(f).at(-1)).toBe('event');
    }
  });

  it('is byte-identical to JSON.stringify(doc, null, 2) plus a newline', () => {
    const report = makeReport();
    const expected = JSON.stringify(
      {
        schemaVersion: report.schemaVersion,
        inputs: report.inputs,
        summary: report.summary,
        diagnostics: report.diagnostics,
        findings: report.findings.map((f) => ({
          schemaVersion: f.schemaVersion,
          kind: f.kind,
          id: f.id,
          published: f.published,
          rules: f.rules,
          token: f.token,
          outcome: f.outcome,
          revokedBy: f.revokedBy,
          client: f.client,
          event: f.event,
        })),
      },
      null,
      2,
    );
    expect(collect(jsonReporter(report, OPTIONS))).toBe(`${expected}\n`);
  });

  it('streams: a head, one chunk per finding, a tail', () => {
    const findings = Array.from({ length: 500 }, (_, i) => makeFinding({ id: `id-${i}` }));
    const chunks = [...jsonReporter(makeReport(findings), OPTIONS)];
    expect(chunks).toHaveLength(findings.length + 2);
    expect(chunks[0]!.endsWith('"findings": [')).toBe(true);
    expect(chunks.at(-1)).toBe('\n  ]\n}\n');
    const doc = JSON.parse(chunks.join('')) as Doc;
    expect(doc.findings).toHaveLength(500);
    expect(doc.findings[499]!.id).toBe('id-499');
  });

  it('writes an empty findings array for a report without findings', () => {
    const out = collect(jsonReporter(makeReport([]), OPTIONS));
    expect(out.endsWith('"findings": []\n}\n')).toBe(true);
    expect((JSON.parse(out) as Doc).findings).toEqual([]);
  });

  it('includes an input error only when the input had one', () => {
    const report = makeReport();
    report.inputs[1] = { ...report.inputs[1]!, error: 'exports/b.json.gz: no such file' };
    const doc = JSON.parse(collect(jsonReporter(report, OPTIONS))) as Doc;
    expect(doc.inputs[0]).not.toHaveProperty('error');
    expect(doc.inputs[1]!.error).toBe('exports/b.json.gz: no such file');
  });

  it('survives hostile strings and names that look like the findings key', () => {
    const report = makeReport([makeFinding({ token: { name: '"findings": [\u202e\u0085\ud800' } })]);
    report.inputs[0] = { ...report.inputs[0]!, path: 'x"findings": []\n}' };
    const out = collect(jsonReporter(report, OPTIONS));
    expect(out).not.toMatch(/[\u0085\u202e]/);
    const doc = JSON.parse(out) as Doc;
    expect(doc.inputs[0]!.path).toBe('x"findings": []\n}');
    expect((doc.findings[0]!.token as { name: string }).name).toBe('"findings": [\u202e\u0085\ud800');
  });
});
