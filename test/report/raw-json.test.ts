// Window events' originals are written from their records' own text: compact, exact, terminal-safe.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compactJson, dropSpaceOutsideStrings, recordChunks, REGEX_MAX_CHARS, safeRawJson } from '../../src/report/raw-json.js';
import type { OriginalReader, PrepareText, RecordRef } from '../../src/model/original.js';
import { runCli } from '../helpers/run-cli.js';

describe('compactJson', () => {
  it('drops whitespace between tokens and keeps it inside strings', () => {
    expect(compactJson('{ "a b" : [ 1 ,\n\t2 ] ,\r\n "c":"x  y" }')).toBe('{"a b":[1,2],"c":"x  y"}');
  });
  it('follows escaped quotes and backslashes to the real end of a string', () => {
    expect(compactJson('{"a":"q\\" , \\"r", "b":"\\\\" , "c" : 1}')).toBe('{"a":"q\\" , \\"r","b":"\\\\","c":1}');
  });
  it('returns compact text unchanged, numbers and escapes as written', () => {
    const text = '{"n":123456789012345678901234567890,"e":1E400,"s":"\\u00e9\\/"}';
    expect(compactJson(text)).toBe(text);
  });
  it('turns a pretty-printed record into the compact one', () => {
    const value = { a: [1, { b: 'x y', c: null }], d: 'é' };
    expect(compactJson(JSON.stringify(value, null, 2))).toBe(JSON.stringify(value));
  });
});

describe('compactJson on text that is compact already (the regular expression) and on the rest (the loop)', () => {
  it.each([
    ['spaces only inside strings', '{"m":"Add user to app","ua":"Mozilla/5.0 (X11; Linux x86_64)","n":[1,2]}'],
    ['escaped quotes with spaces after them', '{"a":"q\\" , \\"r","b":"\\" }"}'],
    ['strings ending in an escaped backslash', '{"a":"\\\\","b":"\\\\\\"x y\\\\"}'],
    ['non-ASCII text and keys', '{"名前":"Zoë 東京 🔑","k":"ü"}'],
    ['characters the report escapes, raw', '{"a":"x\u202e y\u2028z\u007f\u0085","b":"\ud800 lone"}'],
    ['escapes of every kind', '{"a":"\\n\\t\\r\\b\\f\\/\\u00e9\\u0000"}'],
    ['a bare value', '123'],
    ['an empty string', ''],
  ])('keeps %s as it is', (_name, text) => {
    expect(compactJson(text)).toBe(text);
    expect(dropSpaceOutsideStrings(text)).toBe(text);
  });

  it.each([
    ['a space after a colon', '{"a": 1}', '{"a":1}'],
    ['a space after a string ending in an escaped quote', '{"a":"q\\"" , "b":1}', '{"a":"q\\"","b":1}'],
    ['a space after an escaped backslash', '{"a":"\\\\" ,"b":1}', '{"a":"\\\\","b":1}'],
    ['whitespace after the last string', '{"a":"x y"}\n', '{"a":"x y"}'],
    ['leading whitespace', ' \t{"a":"é"}', '{"a":"é"}'],
    ['space before an unterminated string', '{"a" :"b c', '{"a":"b c'],
    ['an unterminated string after a backslash', '{"a":"b\\', '{"a":"b\\'],
    ['non-ASCII text around the whitespace', '{"名前" : "Zoë 東京"}', '{"名前":"Zoë 東京"}'],
  ])('drops whitespace outside strings: %s', (_name, text, compact) => {
    expect(compactJson(text)).toBe(compact);
  });

  it('gives what the loop gives, for any text', () => {
    // Quotes, backslashes and whitespace often, so that strings, escapes and unterminated strings are common.
    const piece = fc.oneof(
      fc.constantFrom('"', '\\', ' ', '\n', '\t', '\r', '{', '}', ':', ',', 'a', '1', 'é', '\u2028', '\u202e', '\ud83d', '\ude00'),
      fc.constantFrom('\\"', '\\\\', '\\\\"', '" ', ' "', '":"', '",'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(compactJson(text)).toBe(dropSpaceOutsideStrings(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('gives the compact JSON of any value, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, space) => {
        expect(compactJson(JSON.stringify(value, null, space))).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('copes with the most strings and escapes the regular expression is tried on', () => {
    const strings = `[${'"a",'.repeat(REGEX_MAX_CHARS / 4 - 1)}1]`;
    const escapes = `["${'\\"'.repeat(REGEX_MAX_CHARS / 2 - 3)}"]`;
    expect(strings.length).toBeLessThanOrEqual(REGEX_MAX_CHARS);
    expect(escapes.length).toBeLessThanOrEqual(REGEX_MAX_CHARS);
    expect(compactJson(strings)).toBe(strings);
    expect(compactJson(escapes)).toBe(escapes);
  });

  it('walks longer texts with the loop, whose stack does not grow (millions of strings: more than the expression\'s stack holds)', () => {
    const strings = `[${'"a",'.repeat(5_000_000)}1]`;
    expect(compactJson(strings)).toBe(strings);
    expect(compactJson(`${strings.slice(0, -2)} 1 ]`)).toBe(strings);
  });
});

describe('safeRawJson', () => {
  it('escapes characters a terminal would act on, and only those', () => {
    expect(safeRawJson('{"m": "a\u202eb\u007fc é 日本"}')).toBe('{"m":"a\\u202eb\\u007fc é 日本"}');
  });
});

describe('recordChunks', () => {
  const original = (i: number) => ({ uuid: `u${i}`, eventType: 'user.session.start', displayMessage: 'x'.repeat(900), n: i });
  /** A window event as the collector makes it: the original's text, or (odd ones) a reference to it. */
  function windowEvent(i: number): Record<string, unknown> {
    const event = i % 2 ? { ref: { input: 0, offset: i, length: 1, check: 0 } } : { text: JSON.stringify(original(i)) };
    return { uuid: `u${i}`, links: ['ip'], event };
  }
  const reads: number[] = [];
  // The records as an input may hold them, pretty-printed: the reader gives them prepared, compact.
  const reader: OriginalReader = {
    text(ref: RecordRef, prepare?: PrepareText) {
      reads.push(ref.offset);
      const text = JSON.stringify(original(ref.offset), null, 1);
      return prepare ? prepare(text) : text;
    },
  };
  const record = { id: 'r', window: { start: 's', events: Array.from({ length: 300 }, (_, i) => windowEvent(i)) }, event: { a: 1 } };
  const plain = { id: 'r', window: { start: 's', events: Array.from({ length: 300 }, (_, i) => ({ uuid: `u${i}`, links: ['ip'], event: original(i) })) }, event: { a: 1 } };

  it('splits a large window into chunks of about 16 K characters that join into the whole JSON', () => {
    for (const space of [undefined, 2]) {
      reads.length = 0;
      const chunks = [...recordChunks(record, reader, space)];
      // Every referenced original was read through the reader, once, in order.
      expect(reads).toEqual(Array.from({ length: 150 }, (_, i) => 2 * i + 1));
      expect(chunks.length).toBeGreaterThan(3);
      for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan(16 * 1024 + 2000);
      const text = chunks.join('');
      // The raw texts here are what JSON.stringify writes: compact, the result is JSON.stringify's
      // own; pretty, the same value with each original on one line.
      if (space === undefined) expect(text).toBe(JSON.stringify(plain));
      else {
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plain)));
        expect(text).toContain(`"event": ${JSON.stringify({ uuid: 'u7', eventType: 'user.session.start', displayMessage: 'x'.repeat(900), n: 7 })}`);
      }
    }
  });

  it('gives one chunk for a record without window events', () => {
    expect([...recordChunks({ id: 'r', event: { a: 1 } }, undefined)]).toEqual(['{"id":"r","event":{"a":1}}']);
  });

  it('needs a reader for originals held by reference', () => {
    expect(() => [...recordChunks(record, undefined)]).toThrow(/OriginalReader/);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'ors-raw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample export with one window event rewritten by hand: spaced, a 40-digit number, escapes, a bidi control. */
function sampleWithOddEvent(): { lines: string[]; uuid: string; odd: string } {
  const lines = readFileSync('samples/okta-export.ndjson', 'utf8').trim().split('\n');
  // Dana's sign-in from the token's address: in a window by its IP only.
  const i = lines.findIndex((l) => l.includes('"uuid":"8433a449-daf9-11ee-91f4-2f2f424bb543"'));
  const ev = JSON.parse(lines[i]!) as { uuid: string };
  const odd = JSON.stringify(ev, null, 1)
    .replace('{', '{"big": 1234567890123456789012345678901234567890, "esc": "\\u00e9\\/", "bidi": "x\u202ey", "spoof": "\\u0000raw:00:0",')
    .replace(/\n/g, ' ');
  lines[i] = odd;
  return { lines, uuid: ev.uuid, odd };
}

function windowEventText(ndjson: string, uuid: string, space = ''): string {
  // The original follows the window event's typed fields (written with `space` after colons in
  // --format json, where the originals are compact); cut it out of the raw output.
  const at = ndjson.indexOf(`"uuid":${space}"${uuid}"`);
  if (at < 0) throw new Error(`event ${uuid} is not in the output`);
  const start = ndjson.indexOf(`"event":${space}`, at) + `"event":${space}`.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < ndjson.length; i++) {
    const c = ndjson[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return ndjson.slice(start, i + 1);
  }
  throw new Error('unterminated');
}

describe('window events in JSON outputs', () => {
  const { lines, uuid, odd } = sampleWithOddEvent();
  const ndjsonPath = join(dir, 'odd.ndjson');
  writeFileSync(ndjsonPath, lines.join('\n') + '\n');

  it('are the record as read: every digit, escapes as written, whitespace gone, controls escaped', async () => {
    const r = await runCli(['--format', 'ndjson', ndjsonPath]);
    expect(r.code, r.stderr).toBe(0);
    const text = windowEventText(r.stdout, uuid);
    expect(text).toBe(compactJson(odd).replace('\u202e', '\\u202e'));
    expect(text).toContain('"big":1234567890123456789012345678901234567890');
    expect(text).toContain('"esc":"\\u00e9\\/"');
    // A look-alike placeholder in the log is just text.
    expect(text).toContain('"spoof":"\\u0000raw:00:0"');
    for (const line of r.stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('are the same compact text from a pretty-printed array and in --format json', async () => {
    const arrayPath = join(dir, 'odd.json');
    writeFileSync(arrayPath, `[\n${lines.map((l) => JSON.stringify(JSON.parse(l), null, 2)).join(',\n')}\n]\n`);
    const fromNdjson = windowEventText((await runCli(['--format', 'ndjson', ndjsonPath])).stdout, uuid);
    const fromArray = windowEventText((await runCli(['--format', 'ndjson', arrayPath])).stdout, uuid);
    // The pretty copy was re-serialised (escapes decoded, number rounded): it is compacted, not rewritten.
    expect(fromArray).toBe(compactJson(JSON.stringify(JSON.parse(odd), null, 2)).replace('\u202e', '\\u202e'));
    const json = (await runCli(['--format', 'json', ndjsonPath])).stdout;
    expect(windowEventText(json, uuid, ' ')).toBe(fromNdjson);
    expect(JSON.parse(json)).toBeTruthy();
  });
});
