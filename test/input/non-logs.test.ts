// Files found in folders that are obviously not logs: by name and by first bytes; everything else is read.
import { describe, expect, it } from 'vitest';
import { nonLogByContent, nonLogByName } from '../../src/input/non-logs.js';

describe('nonLogByName', () => {
  it.each([
    ['SOURCES.md', 'not a log: a document (.md)'],
    ['report.PDF', 'not a log: a document (.pdf)'],
    ['screenshot.png', 'not a log: an image (.png)'],
    ['okta_rule.yml', 'not a log: code or configuration (.yml)'],
    ['export.ndjson.sha256', 'not a log: a signature, checksum or key (.sha256)'],
    ['LICENSE', 'not a log: a project file (README, LICENSE, …)'],
    ['readme.txt', 'not a log: a project file (README, LICENSE, …)'],
  ])('%s', (name, reason) => expect(nonLogByName(name)).toBe(reason));

  it.each(['okta.log', 'export.JSON', 'export.ndjson.gzip', 'API_Activity.raw', 'syslog', 'events.txt', 'export.csv.gz', 'markdown-export.json'])(
    'reads %s',
    (name) => expect(nonLogByName(name)).toBeNull(),
  );
});

describe('nonLogByContent', () => {
  it('names archives, compressed files gzip cannot read, documents, images and programs', () => {
    const head = (s: string) => Buffer.from(s, 'latin1');
    expect(nonLogByContent(head('PK\x03\x04\x14\x00'))).toBe('a zip archive: unpack it first');
    expect(nonLogByContent(head('\xfd7zXZ\x00\x00'))).toMatch(/^compressed with xz/);
    expect(nonLogByContent(head('BZh91AY'))).toMatch(/^compressed with bzip2/);
    expect(nonLogByContent(head('%PDF-1.7'))).toBe('a PDF document');
    expect(nonLogByContent(head('\x7fELF\x02'))).toBe('a program (ELF)');
  });
  it('leaves JSON, CSV, gzip and short files to be read', () => {
    for (const s of ['{"eventType"', '[\n  {', 'uuid,published', '\x1f\x8b\x08\x00', '', 'PK']) expect(nonLogByContent(Buffer.from(s, 'latin1'))).toBeNull();
  });
});
