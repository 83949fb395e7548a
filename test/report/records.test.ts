// Findings and detections merged into one time-ordered stream; NDJSON and JSON outputs with --hunt.
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { toPublicDetection } from '../../src/report/public-detection.js';
import { timeOrderedRecords } from '../../src/report/records.js';
import { huntReport, makeDetection, standardDetections } from './detection-helpers.js';
import { collect, makeReport, standardFindings } from './helpers.js';

const OPTIONS = { color: false };

describe('timeOrderedRecords', () => {
  it('merges findings and detections by time, then id', () => {
    const order = [...timeOrderedRecords(huntReport())].map((r) => `${r.kind} ${r.published} ${r.id.slice(-2)}`);
    expect(order).toEqual([
      'detection 2024-04-30T09:00:00.000Z 0Z',
      'detection 2024-05-01T11:00:00.000Z 0Z',
      'revocation 2024-05-01T12:00:00.123Z 01',
      'detection 2024-05-02T03:04:05.000Z 01',
      'revocation 2024-05-02T03:04:05.000Z 02',
      'revocation 2024-05-03T23:59:59.999Z 03',
      'detection 2024-05-09T00:00:00.000Z 0Z',
    ]);
  });

  it('orders equal times by id, and puts the finding first when the ids are equal too', () => {
    const at = '2024-05-02T03:04:05.000Z';
    const report = huntReport(standardFindings(), [makeDetection({ published: at, id: '0-early' }), makeDetection({ published: at, id: 'a1b2c3d4-0000-4000-8000-000000000002' })]);
    const ids = [...timeOrderedRecords(report)].map((r) => `${r.kind}:${r.id}`);
    expect(ids.slice(1, 4)).toEqual(['detection:0-early', 'revocation:a1b2c3d4-0000-4000-8000-000000000002', 'detection:a1b2c3d4-0000-4000-8000-000000000002']);
  });

  it('is the findings alone without --hunt', () => {
    expect([...timeOrderedRecords(makeReport())].map((r) => r.id)).toEqual(standardFindings().map((f) => f.id));
  });
});

describe('toPublicDetection', () => {
  it('has the contract key order, event last, no publishedMs', () => {
    const d = toPublicDetection(makeDetection());
    expect(Object.keys(d)).toEqual(['schemaVersion', 'kind', 'id', 'published', 'rules', 'eventType', 'actor', 'client', 'outcome', 'targets', 'event']);
  });

  it('keeps fields later stages attach, before the event', () => {
    const d = toPublicDetection({ ...makeDetection(), severity: 'high' } as ReturnType<typeof makeDetection>);
    expect(Object.keys(d).slice(-2)).toEqual(['severity', 'event']);
  });
});

describe('NDJSON with --hunt', () => {
  it('writes every finding and detection as a line, in time order', () => {
    const lines = collect(ndjsonReporter(huntReport(), OPTIONS)).trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; published: string });
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.published)).toEqual([...lines.map((l) => l.published)].sort());
    expect(lines.filter((l) => l.kind === 'detection')).toHaveLength(4);
  });
});

describe('JSON with --hunt', () => {
  it('adds a detections array after the findings, byte-identical to JSON.stringify', () => {
    const report = huntReport();
    const out = collect(jsonReporter(report, OPTIONS));
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'inputs', 'summary', 'diagnostics', 'findings', 'detections']);
    expect(doc.summary).toMatchObject({ detections: 4, detectionsByRule: { 'okta-info': 1, 'okta-admin-role': 2, 'okta-mfa-reset': 2 } });
    const expected = JSON.stringify({ ...JSON.parse(out), detections: report.detections!.map(toPublicDetection) }, null, 2);
    expect(out).toBe(`${expected}\n`);
  });

  it('writes empty arrays when nothing was found, and no detections key without --hunt', () => {
    const empty = collect(jsonReporter(huntReport([], []), OPTIONS));
    expect(empty.endsWith('"findings": [],\n  "detections": []\n}\n')).toBe(true);
    expect(JSON.parse(collect(jsonReporter(huntReport([], standardDetections()), OPTIONS))).detections).toHaveLength(4);
    expect(collect(jsonReporter(makeReport(), OPTIONS))).not.toContain('"detections"');
  });
});
