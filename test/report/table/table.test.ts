// Table reporter: content, colour on/off, hostile strings escaped, width limits, empty report.
import { describe, expect, it } from 'vitest';
import { tableReporter } from '../../../src/report/table/table.js';
import type { ScanReport } from '../../../src/model/report.js';
import type { ReportOptions } from '../../../src/report/reporter.js';
import { hasAnsi, stripAnsi } from '../../helpers/ansi.js';
import { tableStringWidth } from '../../helpers/string-width.js';
import { collect, makeFinding, makeReport, standardFindings } from '../helpers.js';

const render = (report: ScanReport, options: ReportOptions) => collect(tableReporter(report, options));
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/** Raw characters that must never reach the terminal from log data. */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

function hostileReport(): ScanReport {
  return makeReport([
    makeFinding({
      token: { name: 'tok\u001b[31mRED\u0007' },
      revokedBy: { displayName: 'Ann\u202eexe.txt\u0000' },
      client: { userAgent: 'curl\r\u0085evil\u001b]0;title\u0007' },
    }),
  ]);
}

describe('tableReporter content', () => {
  const out = render(makeReport(), { color: false });

  it('shows one row per revocation with time, token, revoker, client, outcome and rules', () => {
    expect(out).toContain('2024-05-01 12:00:00Z');
    expect(out).toContain('2024-05-03 23:59:59Z');
    expect(out).toContain('ci-deploy');
    expect(out).toContain('00Tabc123def456ghi78');
    expect(out).toContain('user ann@corp.example');
    expect(out).toContain('system system@okta.com');
    expect(out).toContain('203.0.113.7');
    expect(out).toContain('Germany');
    expect(out).toContain('FAILURE');
    expect(out).toContain('Revoked by User');
    for (const header of ['Time (UTC)', 'Token', 'Revoked by', 'Client', 'Outcome', 'Rules']) expect(out).toContain(header);
  });

  it('ends with the summary line', () => {
    expect(lines(out).at(-1)).toBe('2 files, 1234 events, 3 duplicates, 1 diagnostic, 3 findings');
  });

  it('shows an unparseable time as given, escaped', () => {
    const f = makeFinding({ published: 'not\u001ba time', publishedMs: Number.NaN });
    expect(render(makeReport([f]), { color: false })).toContain('not\\x1ba time');
  });
});

describe('tableReporter colour', () => {
  it('emits no ANSI at all when color is false', () => {
    expect(hasAnsi(render(makeReport(), { color: false }))).toBe(false);
    expect(hasAnsi(render(makeReport(), { color: false, width: 100 }))).toBe(false);
    expect(hasAnsi(render(makeReport(), { color: false, width: 60 }))).toBe(false);
    expect(hasAnsi(render(makeReport([]), { color: false }))).toBe(false);
  });

  it.each([undefined, 100, 60])('with color true (width %s) equals the colourless output once ANSI is stripped', (width) => {
    const plain = render(makeReport(), { color: false, width });
    const coloured = render(makeReport(), { color: true, width });
    expect(hasAnsi(coloured)).toBe(true);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('colours FAILURE red, user revokers yellow and system revokers dim', () => {
    const out = render(makeReport(), { color: true });
    expect(out).toContain('\u001b[31mFAILURE\u001b[39m');
    expect(out).toContain('\u001b[33muser ann@corp.example\u001b[39m');
    expect(out).toContain('\u001b[2msystem system@okta.com\u001b[22m');
  });
});

describe('tableReporter with hostile strings', () => {
  for (const options of [{ color: false }, { color: true }, { color: false, width: 200 }, { color: false, width: 50 }]) {
    it(`never emits them raw (${JSON.stringify(options)})`, () => {
      const out = stripAnsi(render(hostileReport(), options));
      expect(RAW_UNSAFE.test(out)).toBe(false);
      if (!options.color) expect(hasAnsi(out)).toBe(false);
    });
  }

  it('shows them escaped', () => {
    const out = render(hostileReport(), { color: false });
    expect(out).toContain('tok\\x1b[31mRED\\x07');
    expect(out).toContain('Ann\\u202eexe.txt\\x00');
    // The revoker's user agent is no longer in the table (the same noise on every row); JSON has it.
    expect(out).not.toContain('curl');
  });

  it('leaves only its own SGR colour codes when colour is on', () => {
    const out = render(hostileReport(), { color: true });
    const escapes = out.match(/\u001b[^m]*m/g) ?? [];
    for (const e of escapes) expect(e).toMatch(/^\u001b\[\d+m$/);
    expect(out).not.toContain('\u001b[31mRED');
  });
});

describe('tableReporter width', () => {
  const wide = makeReport([
    ...standardFindings(),
    makeFinding({
      id: 'wide',
      token: { name: '本番環境のデプロイ用トークン（東京リージョン）本番環境のデプロイ用トークン' },
      revokedBy: { alternateId: 'a.very.long.name.with.many.parts@subsidiary.corp.example', displayName: '山田太郎 (Taro Yamada) 🔑🔑' },
      client: { userAgent: `Mozilla/5.0 ${'x'.repeat(300)}`, city: 'São Paulo', country: 'Brazil' },
    }),
  ]);

  it.each([200, 140, 120, 100, 93, 92, 80, 60, 40, 20, 8, 1])('keeps every line within %i columns', (width) => {
    for (const color of [false, true]) {
      const out = render(wide, { color, width });
      for (const line of lines(stripAnsi(out))) {
        expect(tableStringWidth(line), line).toBeLessThanOrEqual(width);
      }
    }
  });

  it('uses the table layout when the width allows and a block list when it does not', () => {
    expect(render(wide, { color: false, width: 120 })).toContain('┌');
    const narrow = render(wide, { color: false, width: 60 });
    expect(narrow).not.toContain('┌');
    expect(narrow).toContain('Token: ci-deploy');
    expect(narrow).toContain('       00Tabc123def456ghi78');
  });

  it('cuts long values with an ellipsis', () => {
    const out = render(wide, { color: false, width: 120 });
    expect(out).toContain('…');
    expect(out).not.toContain('x'.repeat(60));
  });

  it('caps long cells at 60 columns when the width is unknown', () => {
    const out = render(wide, { color: false });
    expect(out).not.toContain('x'.repeat(60));
    expect(out).not.toContain('Mozilla/5.0');
    expect(out).toMatch(/ user a\.very\.long\.name\.with\.many\.parts@subsidiary\.corp\.examp… /);
    for (const line of lines(out).filter((l) => l.startsWith('│'))) {
      for (const cell of line.split('│')) expect(tableStringWidth(cell.trim())).toBeLessThanOrEqual(60);
    }
  });

  it('ignores a width that is not a positive number', () => {
    expect(render(wide, { color: false, width: Number.NaN })).toBe(render(wide, { color: false }));
    expect(render(wide, { color: false, width: 0 })).toBe(render(wide, { color: false }));
  });
});

describe('tableReporter without findings', () => {
  it('says so plainly', () => {
    const report = makeReport([]);
    report.summary = { ...report.summary, duplicates: 0, diagnostics: 0 };
    expect(render(report, { color: false })).toBe('No API token revocations found in 1234 events from 2 files.\n');
  });

  it('uses singular nouns for one event and one file', () => {
    const report = makeReport([]);
    report.summary = { ...report.summary, files: 1, events: 1, duplicates: 0, diagnostics: 0 };
    expect(render(report, { color: false })).toBe('No API token revocations found in 1 event from 1 file.\n');
  });

  it('adds the summary line when there were duplicates or diagnostics', () => {
    const out = render(makeReport([]), { color: false });
    expect(lines(out)).toEqual([
      'No API token revocations found in 1234 events from 2 files.',
      '2 files, 1234 events, 3 duplicates, 1 diagnostic, 0 findings',
    ]);
  });

  it('wraps the message to the width', () => {
    for (const line of lines(render(makeReport([]), { color: false, width: 24 }))) {
      expect(tableStringWidth(line)).toBeLessThanOrEqual(24);
    }
  });
});
