// printInputProblems: unreadable inputs always, then (unless quiet) the count, the first five bad records and how many more.
import { describe, expect, it } from 'vitest';
import { printInputProblems, type InputProblems } from '../../src/cli/input-problems.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

function print(p: InputProblems, quiet = false, where?: string): { err: string[]; stderr: string } {
  const err: string[] = [];
  let stderr = '';
  const sink = { write: (s: string) => ((stderr += s), true) };
  printInputProblems(p, (l) => err.push(l), sink, quiet, where === undefined ? {} : { where });
  return { err, stderr };
}

const bad = (n: number): Diagnostic[] => Array.from({ length: n }, (_, i) => ({ file: 'a.ndjson', line: i + 1, reason: `bad ${i + 1}` }));
const read = { path: 'a.ndjson', format: 'ndjson', events: 9, duplicates: 0, diagnostics: 0 };

describe('printInputProblems', () => {
  it('names each unreadable input, even when quiet', () => {
    const inputs = [read, { ...read, path: 'gone.json', error: 'gone.json: no such file' }];
    expect(print({ inputs, total: 0, kept: [] }, true)).toEqual({ err: ['gone.json: no such file'], stderr: '' });
  });

  it('lists up to five bad records, then how many more and where they are listed', () => {
    const r = print({ inputs: [read], total: 7, kept: bad(7) }, false, '--format json lists up to 1000');
    expect(r.err).toEqual(['7 input problems (bad records are skipped; every good event is still used), first 5:']);
    expect(r.stderr.split('\n')).toEqual([
      '  a.ndjson:1: bad 1', '  a.ndjson:2: bad 2', '  a.ndjson:3: bad 3', '  a.ndjson:4: bad 4', '  a.ndjson:5: bad 5',
      '  … 2 more (--format json lists up to 1000)', '',
    ]);
  });

  it('one bad record: singular, no "first", no "more"; a control character arrives escaped', () => {
    const r = print({ inputs: [read], total: 1, kept: [{ file: 'a.ndjson', offset: 12, reason: 'bad \u001b[2J' }] });
    expect(r.err).toEqual(['1 input problem (bad records are skipped; every good event is still used):']);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toMatch(/^ {2}a\.ndjson \(byte 12\): bad .*\[2J\n$/);
  });

  it('says nothing about bad records when quiet or when there are none', () => {
    expect(print({ inputs: [read], total: 3, kept: bad(3) }, true)).toEqual({ err: [], stderr: '' });
    expect(print({ inputs: [read], total: 0, kept: [] })).toEqual({ err: [], stderr: '' });
    expect(print({ inputs: [read], total: 6, kept: bad(6) }).stderr).toMatch(/ {2}… 1 more\n$/);
  });

  it("sums up an unreadable input's problems in its one line and lists only the others; with strict they are not called skipped", () => {
    const junk = { ...read, path: 'junk.bin', diagnostics: 2, error: 'junk.bin: unreadable: not one Okta event in it, 2 problems' };
    const kept: Diagnostic[] = [{ file: 'junk.bin', offset: 0, reason: 'not valid JSON' }, { file: 'junk.bin', offset: 9, reason: 'not valid JSON' }, ...bad(1)];
    const out: string[] = [];
    let stderr = '';
    printInputProblems({ inputs: [{ ...read, diagnostics: 1 }, junk], total: 3, kept }, (l) => out.push(l), { write: (t: string) => ((stderr += t), true) }, false, { strict: true });
    expect(out).toEqual([junk.error, '1 input problem:']);
    expect(stderr).toBe('  a.ndjson:1: bad 1\n');
  });
});
