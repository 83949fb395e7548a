// Startup cost: only the table format loads chalk and cli-table3, only --rules files load yaml, only re values load re2js (built CLI, child process).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_PACKAGES } from '../../scripts/bundle-options.js';

/** Module paths the CommonJS loader reports loading (NODE_DEBUG=module) for one run. */
function loaded(format: string, extra: string[] = []): string {
  const r = spawnSync(process.execPath, ['bin/okta-revoke-scan.js', '--format', format, ...extra, 'samples/okta-export.ndjson'], {
    env: { ...process.env, NODE_DEBUG: 'module' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr.slice(-500)).toBe(0);
  return r.stderr;
}

describe('reporters load lazily', () => {
  it.each(['json', 'ndjson', 'csv', 'timesketch', 'html'])('%s does not load cli-table3', (format) => {
    expect(loaded(format)).not.toContain('cli-table3');
  });

  it('table does', () => {
    expect(loaded('table')).toContain('cli-table3');
  });
});

describe('the YAML parser loads only for rules that need it', () => {
  it('not for the built-in rules (they come parsed from the build)', () => {
    expect(loaded('json')).not.toMatch(/node_modules[/\\]yaml[/\\]/);
  });

  it('for --rules files', () => {
    expect(loaded('json', ['--rules', 'test/fixtures/rules/okta'])).toMatch(/node_modules[/\\]yaml[/\\]/);
  });
});

describe('the regular expression engine loads only for rules that need it', () => {
  it('not for the built-in rules (they have no re value)', () => {
    expect(loaded('json')).not.toMatch(/node_modules[/\\]re2js[/\\]/);
  });

  it('for --rules files with a re value', () => {
    expect(loaded('json', ['--rules', 'test/fixtures/rules/okta'])).toMatch(/node_modules[/\\]re2js[/\\]/);
  });
});

describe('the bundle', () => {
  /** The bundle files a run loads before it reads its arguments: main.js and its static imports, transitively. */
  function startupFiles(): Map<string, string> {
    const dir = 'dist/bundle';
    const files = new Map<string, string>();
    const visit = (name: string) => {
      if (files.has(name)) return;
      const text = readFileSync(join(dir, name), 'utf8');
      files.set(name, text);
      for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"\.\/([^"]+)";?$/gms)) visit(m[1]!);
    };
    visit('main.js');
    return files;
  }

  it('imports no package that is loaded only on demand at start-up', () => {
    const files = startupFiles();
    expect(files.size).toBeGreaterThan(1);
    for (const [name, text] of files) {
      for (const pkg of LAZY_PACKAGES) expect(text, name).not.toMatch(new RegExp(`^import[^;]*?from\\s*"${pkg}[/"]`, 'm'));
    }
  });

  it('holds the worker threads\' scripts beside the chunks that start them', () => {
    for (const name of ['worker.js', 'gather-thread.js']) expect(readFileSync(join('dist/bundle', name), 'utf8')).toContain('parentPort');
  });
});
