// Glued records: several objects on one line are split apart; anything else is left alone.
import { describe, expect, it } from 'vitest';
import { gluedRecords } from '../../src/scan/glued.js';
import { runCli } from '../helpers/run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const a = '{"uuid":"a","s":"} {"}';
const b = '{"uuid":"b","n":[1,{"x":null}]}';

function parts(text: string, pad = 'xx'): string[] {
  const buf = Buffer.from(pad + text + pad);
  return gluedRecords(buf, pad.length, pad.length + Buffer.byteLength(text)).map(([s, e]) => buf.toString('utf8', s, e));
}

describe('gluedRecords', () => {
  it('splits objects with nothing, blanks or a CR between them', () => {
    expect(parts(a + b)).toEqual([a, b]);
    expect(parts(a + ' \t' + b)).toEqual([a, b]);
    expect(parts(a + '\r' + b + '\r' + a)).toEqual([a, b, a]);
  });

  it('leaves one object, junk between objects, and cut objects alone', () => {
    expect(parts(a)).toEqual([]);
    expect(parts(a + 'x' + b)).toEqual([]);
    expect(parts(a + '\u0000' + b)).toEqual([]);
    expect(parts(a + b.slice(0, -1))).toEqual([]);
    expect(parts('{"a":1}}')).toEqual([]);
  });
});

describe('a scan of glued NDJSON lines', () => {
  it('reads both events and reports the line once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ors-glued-'));
    const ev = (uuid: string, eventType: string) => JSON.stringify({ uuid, eventType, published: '2024-03-05T16:18:30.905Z', target: [{ id: '00Tx', type: 'Token' }] });
    const path = join(dir, 'cat.ndjson');
    writeFileSync(path, ev('u1', 'user.session.start') + '\n' + ev('u2', 'system.api_token.revoke') + ev('u3', 'system.api_token.revoke') + '\n');
    const r = await runCli(['--format', 'json', '--validate', path]);
    const doc = JSON.parse(r.stdout) as { summary: { events: number }; findings: { id: string }[]; diagnostics: { line: number; reason: string }[] };
    expect(doc.findings.map((f) => f.id)).toEqual(['u2', 'u3']);
    expect(doc.summary.events).toBe(3);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('2 records with no line break between them') })]);
    const plain = await runCli(['--format', 'json', path]);
    expect((JSON.parse(plain.stdout) as typeof doc).findings.map((f) => f.id)).toEqual(['u2', 'u3']);
  });
});
