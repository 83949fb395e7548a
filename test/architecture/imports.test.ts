// The stages import one way: input → events → rules → window → signals → report → cli, the scan orchestrating; model, bytes and text import no stage.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Folders of src/ and the folders each may never import (the table, plus the shared leaves). */
const NEVER: Record<string, string[]> = {
  model: ['bytes', 'input', 'events', 'rules', 'window', 'signals', 'report', 'scan', 'cli', 'incident', 'inventory', 'sql'],
  bytes: ['model', 'input', 'events', 'rules', 'window', 'signals', 'report', 'scan', 'cli', 'incident', 'inventory', 'sql'],
  text: ['model', 'bytes', 'input', 'events', 'rules', 'window', 'signals', 'report', 'scan', 'cli', 'incident', 'inventory', 'sql'],
  input: ['rules', 'window', 'signals', 'report', 'scan', 'cli'],
  events: ['rules', 'window', 'signals', 'report', 'scan', 'cli'],
  rules: ['window', 'signals', 'report', 'scan', 'cli'],
  window: ['signals', 'report', 'scan', 'cli'],
  signals: ['report', 'scan', 'cli'],
  report: ['input', 'scan', 'cli'],
  scan: ['report', 'cli'],
  // Later stages beside signals: the incident summary, the token inventory, the SQL reducer.
  incident: ['report', 'scan', 'cli', 'inventory', 'sql'],
  inventory: ['report', 'scan', 'cli', 'incident', 'sql'],
  sql: ['report', 'scan', 'cli', 'incident', 'inventory'],
};

/** Every .ts file under src/, relative to it. */
function sources(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
}

/** The src/ folder (stage) of a path relative to src/: its first segment, or '' for files at the top. */
function stageOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '';
}

/** Relative imports of a file (static, dynamic and `export … from`), resolved against src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    out.push(relative(SRC, normalize(join(SRC, dirname(file), m[1]!))));
  }
  return out;
}

describe('import direction', () => {
  const files = sources();

  it('finds the stages', () => {
    for (const stage of Object.keys(NEVER)) expect(files.some((f) => stageOf(f) === stage), stage).toBe(true);
  });

  it('no stage imports a later stage or the orchestrator', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const never = NEVER[stageOf(file)] ?? [];
      for (const target of importsOf(file)) if (never.includes(stageOf(target))) wrong.push(`${file} -> ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  it('notices an import against the flow (the check can fail)', () => {
    expect(NEVER[stageOf('window/collector.ts')]).toContain(stageOf('scan/pass.ts'));
    expect(stageOf(importsOf('scan/scan.ts').find((t) => t.startsWith('window'))!)).toBe('window');
  });
});
