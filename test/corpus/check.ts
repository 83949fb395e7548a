// Checks one corpus run: exit code, no stack, diagnostics where the bad parts are, good events kept.
import { expect } from 'vitest';
import type { CliResult } from '../helpers/run-cli.js';
import type { CorpusCase } from './case.js';

/** A stack frame as Node prints it. */
const STACK = /^\s+at .+[:(].*\d+:\d+\)?$/m;

/** What the JSON report says about one input. */
export interface Report {
  inputs: { path: string; events: number; duplicates: number; diagnostics: number; error?: string }[];
  summary: { events: number; diagnostics: number; findings: number };
  diagnostics: { file: string; line?: number; offset?: number; reason: string }[];
  findings: unknown[];
}

/** 1-based line of `offset` in `plain` (lines end at LF). */
function lineOf(plain: Buffer, offset: number): number {
  let line = 1;
  for (let i = plain.indexOf(0x0a); i >= 0 && i < offset; i = plain.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The run's report, after the checks every run shares. */
export function checkRun(c: CorpusCase, path: string, plain: Buffer, r: CliResult, validate: boolean): Report {
  const ctx = `${c.name}${validate ? ' --validate' : ''}\n${r.stderr}`;
  expect(r.code, ctx).toBe(c.exit);
  expect(r.stderr, ctx).not.toMatch(STACK);
  expect(r.stderr, ctx).not.toMatch(/internal error|This is a bug/);
  const report = JSON.parse(r.stdout) as Report;
  for (const d of report.diagnostics) {
    const where = `${ctx}\ndiagnostic ${JSON.stringify(d)}`;
    expect(d.file, where).toBe(path);
    expect(typeof d.offset, where).toBe('number');
    const part = c.bad.find((p) => d.offset! >= p.start && d.offset! <= p.end);
    expect(part, `${where}\nmatches no bad part of ${JSON.stringify(c.bad)}`).toBeDefined();
    if (d.line !== undefined) expect(d.line, where).toBe(lineOf(plain, d.offset!));
  }
  if (validate) {
    for (const p of c.bad) {
      const hit = report.diagnostics.some((d) => d.offset! >= p.start && d.offset! <= p.end);
      expect(hit, `${ctx}\nno diagnostic for ${p.what} [${p.start}, ${p.end}]: ${JSON.stringify(report.diagnostics)}`).toBe(true);
    }
    if (c.exit === 0) expect(report.summary.events, `${ctx}\ngood events`).toBe(c.good.length);
  }
  return report;
}
