// Runs one corpus case: --validate, default and --strict runs, each checked against the generator's answer.
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { CorpusCase } from './case.js';
import { checkRun, type Report } from './check.js';

interface Finding {
  id: string;
  window: { events: { uuid: string }[] };
}

/** Findings of clean NDJSON files holding exactly the good records, by content. */
const references = new Map<string, unknown[]>();

/** Findings of a clean NDJSON file holding exactly the good records (cached). */
async function reference(dir: string, good: string[]): Promise<unknown[]> {
  const text = good.join('\n') + '\n';
  const key = createHash('sha1').update(text).digest('hex');
  let findings = references.get(key);
  if (!findings) {
    findings = [];
    if (good.length > 0) {
      const path = join(dir, `reference-${key}.ndjson`);
      writeFileSync(path, text);
      const r = await runCli(['--format', 'json', path]);
      rmSync(path);
      expect(r.code, r.stderr).toBe(0);
      findings = (JSON.parse(r.stdout) as Report).findings;
    }
    references.set(key, findings);
  }
  return findings;
}

/** The id the README promises for an event: its uuid (a number as text), else a hash. */
function idOf(v: Record<string, unknown>): string | null {
  const u = v.uuid;
  return (typeof u === 'string' && u !== '') || typeof u === 'number' ? String(u) : null;
}

/**
 * Revocations among the good records, counted without the tool: what the findings must be
 * (every revocation matches the first rule, whoever made it and whatever its outcome). Events
 * without a usable uuid get a hash, named here as `#`.
 */
function revocationIds(good: string[]): string[] {
  const ids = new Set<string>();
  good.forEach((text, i) => {
    const v = JSON.parse(text) as Record<string, unknown>;
    const type = v.eventType ?? v.eventtype;
    if (typeof type === 'string' && type.toLowerCase() === 'system.api_token.revoke') ids.add(idOf(v) ?? `#${i}`);
  });
  return [...ids].map((id) => (id.startsWith('#') ? '#' : id)).sort();
}

/** Same revocations; each window may lack only the events named in `mayMiss`. */
function expectWindowsWithin(actual: unknown[], expected: unknown[], mayMiss: string[]): void {
  const got = actual as Finding[];
  const want = expected as Finding[];
  expect(got.map((f) => f.id)).toEqual(want.map((f) => f.id));
  got.forEach((f, i) => {
    const have = new Set(f.window.events.map((e) => e.uuid));
    const missing = want[i]!.window.events.map((e) => e.uuid).filter((u) => !have.has(u));
    expect(missing.filter((u) => !mayMiss.includes(u)), `window of ${f.id} lacks events`).toEqual([]);
    expect([...have].filter((u) => !want[i]!.window.events.some((e) => e.uuid === u)), `window of ${f.id} has extra events`).toEqual([]);
  });
}

/**
 * Writes the case into `dir`, runs the CLI with --validate and by default (and with --strict when
 * `strict`) and checks every promise.
 */
export async function runCase(lazyCase: CorpusCase, dir: string, keep: boolean, strict = true): Promise<void> {
  // Read each part once: some cases build 64 MiB on every access.
  const c: CorpusCase = { ...lazyCase, good: lazyCase.good, bad: lazyCase.bad, args: lazyCase.args };
  const path = join(dir, `${c.name}.${c.file}`);
  const bytes = c.bytes();
  writeFileSync(path, bytes);
  const plain = c.plain?.() ?? bytes;
  const expected = await reference(dir, c.good);
  try {
    const goodIds = new Set(c.good.map((t) => idOf(JSON.parse(t) as Record<string, unknown>)));
    const known = (id: string) => goodIds.has(id) || id.startsWith('sha1:');
    for (const validate of [true, false]) {
      const r = await runCli(['--format', 'json', ...(validate ? ['--validate'] : []), ...(c.args ?? []), path]);
      const report = checkRun(c, path, plain, r, validate);
      const findings = report.findings as Finding[];
      const ids = findings.map((f) => (f.id.startsWith('sha1:') ? '#' : f.id)).sort();
      expect(ids, `${c.name}: one finding per good revocation`).toEqual(revocationIds(c.good));
      for (const f of findings) for (const e of f.window.events) expect(known(e.uuid), `${c.name}: window event ${e.uuid} is no good record`).toBe(true);
      if (!validate && c.defaultMayMiss) expectWindowsWithin(findings, expected, c.defaultMayMiss);
      else expect(findings, `${c.name}${validate ? ' --validate' : ''}: findings differ from the clean run of the good records`).toEqual(expected);
    }
    if (strict) {
      // --strict: any diagnostic is fatal (exit 3, nothing on stdout); a clean input is unaffected.
      const r = await runCli(['--format', 'json', '--strict', ...(c.args ?? []), path]);
      expect(r.code, `${c.name} --strict\n${r.stderr}`).toBe(c.bad.length > 0 ? 3 : c.exit);
      if (c.bad.length > 0) expect(r.stdout).toBe('');
    }
  } finally {
    if (!keep) rmSync(path);
  }
}
