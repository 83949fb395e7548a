// The published JSON Schemas: every golden output validates; what the schema promises is enforced.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { ndjsonReporter } from '../../src/report/ndjson.js';
import { toPublicFinding } from '../../src/report/public.js';
import { schemaErrors, validateFinding, validateReport, validateTokens } from '../helpers/schema.js';
import { collect, makeFinding, makeReport } from '../report/helpers.js';
import { windowReport } from '../report/window-helpers.js';

const goldenJson = [
  ...readdirSync('test/golden/samples').filter((f) => f.endsWith('.expected.json')).map((f) => join('test/golden/samples', f)),
  ...readdirSync('test/fixtures')
    .map((d) => join('test/fixtures', d, 'expected.json'))
    .filter((p) => existsSync(p)),
].sort();

const goldenNdjson = readdirSync('test/golden/samples').filter((f) => f.endsWith('.ndjson.ndjson') || f.endsWith('.json.ndjson')).map((f) => join('test/golden/samples', f));

/** A public finding as a plain JSON value. */
const publicFinding = (patch: Parameters<typeof makeFinding>[0] = {}): Record<string, unknown> =>
  JSON.parse(JSON.stringify(toPublicFinding(makeFinding(patch)))) as Record<string, unknown>;

describe('report schema', () => {
  it('there are golden documents to check', () => expect(goldenJson.length).toBeGreaterThanOrEqual(5));

  it.each(goldenJson)('%s validates', (path) => {
    const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
    expect(validateReport(doc), schemaErrors(validateReport.errors)).toBe(true);
  });

  it('hand-built reports validate (hostile strings, empty and missing windows, no findings)', () => {
    for (const report of [makeReport(), windowReport(), makeReport([])]) {
      const doc: unknown = JSON.parse(collect(jsonReporter(report, { color: false })));
      expect(validateReport(doc), schemaErrors(validateReport.errors)).toBe(true);
    }
  });

  it('allows new top-level keys but types the documented ones', () => {
    const doc = JSON.parse(collect(jsonReporter(makeReport(), { color: false }))) as Record<string, unknown>;
    expect(validateReport({ ...doc, detections: [] })).toBe(true);
    expect(validateReport({ ...doc, schemaVersion: 2 })).toBe(false);
    expect(validateReport({ ...doc, summary: { ...(doc.summary as object), findings: -1 } })).toBe(false);
    const { inputs: _inputs, ...noInputs } = doc;
    expect(validateReport(noInputs)).toBe(false);
  });
});

describe('finding schema', () => {
  it('there are golden NDJSON outputs to check', () => expect(goldenNdjson.length).toBeGreaterThanOrEqual(2));

  it.each(goldenNdjson)('every line of %s validates', (path) => {
    for (const line of readFileSync(path, 'utf8').trimEnd().split('\n')) {
      expect(validateFinding(JSON.parse(line)), schemaErrors(validateFinding.errors)).toBe(true);
    }
  });

  it('hand-built findings validate, with and without windows', () => {
    for (const line of collect(ndjsonReporter(windowReport(), { color: false })).trimEnd().split('\n')) {
      expect(validateFinding(JSON.parse(line)), schemaErrors(validateFinding.errors)).toBe(true);
    }
  });

  it('accepts signals and severity as documented, and unknown fields added at the top of a finding', () => {
    const signal = { id: 'new-ip', severity: 'low', message: 'token used from a new address', evidence: ['u1'] };
    expect(validateFinding({ ...publicFinding(), severity: 'high', signals: [signal], addedLater: 1 })).toBe(true);
    expect(validateFinding({ ...publicFinding(), severity: 'severe' })).toBe(false);
    expect(validateFinding({ ...publicFinding(), signals: [{ id: 'new-ip' }] })).toBe(false);
    expect(validateFinding({ ...publicFinding(), signals: [{ ...signal, id: 'made-up' }] })).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'rumour' }],
    ['a missing token', { token: undefined }],
    ['a revoker kind other than user/system', { revokedBy: { kind: 'robot', id: null, type: null, alternateId: null, displayName: null } }],
    ['a time without milliseconds', { published: '2024-05-01T12:00:00Z' }],
    ['an undocumented nested field', { client: { ipAddress: null, city: null, country: null, userAgent: null, asn: 1 } }],
    ['no matched rule', { rules: [] }],
  ])('rejects %s', (_what, patch) => {
    // A field the case sets to undefined is left out.
    const finding = Object.fromEntries(Object.entries({ ...publicFinding(), ...patch }).filter(([, v]) => v !== undefined));
    expect(validateFinding(finding)).toBe(false);
  });

  it('rejects a window event with an unknown link', () => {
    const line = collect(ndjsonReporter(windowReport(), { color: false })).split('\n')[0]!;
    const finding = JSON.parse(line) as { window: { events: { links: string[] }[] } };
    finding.window.events[0]!.links = ['neighbour'];
    expect(validateFinding(finding)).toBe(false);
  });
});

describe('timesketch golden outputs', () => {
  const files = readdirSync('test/golden/samples').filter((f) => f.endsWith('.timesketch.jsonl')).map((f) => join('test/golden/samples', f));

  it('there are some', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('every line of %s has what the Timesketch importer requires', (path) => {
    for (const text of readFileSync(path, 'utf8').trimEnd().split('\n')) {
      const line = JSON.parse(text) as Record<string, unknown>;
      expect(typeof line.message).toBe('string');
      expect(line.timestamp_desc).toBe('Okta Event Published');
      expect(Date.parse(line.datetime as string) * 1000).toBe(line.timestamp);
      expect(Array.isArray(line.tag) && line.tag.every((t) => typeof t === 'string')).toBe(true);
    }
  });
});


describe('token records and the tokens document', () => {
  const docs = ['test/fixtures/tokens-every-flag/tokens.expected.json', ...readdirSync('test/golden/tokens').filter((f) => f.endsWith('.expected.json')).map((f) => join('test/golden/tokens', f))];
  const story = JSON.parse(readFileSync(docs[0]!, 'utf8')) as { tokens: Record<string, unknown>[] };
  const token = story.tokens[0]!;

  it.each(docs)('%s validates, and so does each of its tokens as a record', (path) => {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { tokens: unknown[] };
    expect(validateTokens(doc), schemaErrors(validateTokens.errors)).toBe(true);
    for (const t of doc.tokens) expect(validateFinding(t), schemaErrors(validateFinding.errors)).toBe(true);
  });

  it.each([
    ['an unknown status', { status: 'expired' }],
    ['an unknown flag', { flags: [{ id: 'made-up', severity: 'low', message: 'm', evidence: [] }] }],
    ['a flag without evidence', { flags: [{ id: 'dormant', severity: 'low', message: 'm' }] }],
    ['negative calls', { calls: -1 }],
    ['an address without calls', { addresses: [{ ip: '203.0.113.1', country: null, asn: null, calls: 0 }] }],
    ['a time without milliseconds', { firstSeen: '2024-06-01T00:00:00Z' }],
    ['no omitted counts', { omitted: undefined }],
    ['a revoker kind other than user/system', { revoked: { published: '2024-06-01T00:00:00.000Z', by: { kind: 'robot', id: null, alternateId: null }, outcome: null } }],
  ])('rejects %s', (_what, patch) => {
    // A key the patch sets to undefined is left out.
    const t = Object.fromEntries(Object.entries({ ...token, ...patch }).filter(([, v]) => v !== undefined));
    expect(validateFinding(t)).toBe(false);
    expect(validateTokens({ ...story, tokens: [t] })).toBe(false);
  });

  it('allows fields added at the top of a token, not a summary count of a made-up status', () => {
    expect(validateFinding({ ...token, addedLater: 1 })).toBe(true);
    const doc = JSON.parse(readFileSync(docs[0]!, 'utf8')) as { summary: { byStatus: Record<string, number> } };
    doc.summary.byStatus.expired = 1;
    expect(validateTokens(doc)).toBe(false);
  });
});
