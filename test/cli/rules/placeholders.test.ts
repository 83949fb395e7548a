// Placeholder values from --placeholder name=value and --placeholders FILE (YAML or JSON).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlaceholderArgs, readPlaceholderFile, resolvePlaceholders } from '../../../src/cli/rules/placeholders.js';
import { UsageError } from '../../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-ph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('parsePlaceholderArgs', () => {
  it('collects repeated names into lists, in order; values may hold = and be empty', () => {
    expect(Object.fromEntries(parsePlaceholderArgs(['admins=ann@x', 'admins=bob*', 'q=a=b', 'e=']))).toEqual({ admins: ['ann@x', 'bob*'], q: ['a=b'], e: [''] });
  });

  it('accepts the name written as %name%', () => {
    expect(Object.fromEntries(parsePlaceholderArgs(['%admins%=ann@x']))).toEqual({ admins: ['ann@x'] });
  });

  it('rejects items without a name or with a name Sigma cannot use', () => {
    expect(() => parsePlaceholderArgs(['admins'])).toThrow(UsageError);
    expect(() => parsePlaceholderArgs(['=x'])).toThrow(/--placeholder takes name=value \(got '=x'\)/);
    expect(() => parsePlaceholderArgs(['my-list=x'])).toThrow(/placeholder name 'my-list' must be letters, digits or _/);
  });
});

describe('readPlaceholderFile', () => {
  it('reads a YAML map of lists or single values; numbers become text', async () => {
    const p = file('v.yml', 'admins:\n  - ann@x\n  - "bob*"\nport: 443\n');
    expect(Object.fromEntries(await readPlaceholderFile(p))).toEqual({ admins: ['ann@x', 'bob*'], port: ['443'] });
  });

  it('reads JSON', async () => {
    expect(Object.fromEntries(await readPlaceholderFile(file('v.json', '{"a": ["1", "2"]}')))).toEqual({ a: ['1', '2'] });
  });

  it('names the file and the problem', async () => {
    await expect(readPlaceholderFile(join(dir, 'missing.yml'))).rejects.toThrow(/--placeholders .*missing\.yml: cannot read: ENOENT/);
    await expect(readPlaceholderFile(file('list.yml', '- a\n- b\n'))).rejects.toThrow(/list\.yml: expected a mapping of placeholder names to lists of values/);
    await expect(readPlaceholderFile(file('deep.yml', 'a:\n  b: c\n'))).rejects.toThrow(/deep\.yml: 'a' must be a value or a list of values/);
    await expect(readPlaceholderFile(file('bad.yml', 'a: [1, 2\n'))).rejects.toThrow(/bad\.yml: not valid YAML or JSON/);
    await expect(readPlaceholderFile(file('name.yml', 'my-list: [a]\n'))).rejects.toThrow(UsageError);
  });
});

describe('resolvePlaceholders', () => {
  it('merges the files in order; a name given with --placeholder replaces the files’ values', async () => {
    const a = file('a.yml', 'admins: [a1]\nhosts: [h1]\n');
    const b = file('b.yml', 'hosts: [h2, h3]\n');
    expect(await resolvePlaceholders([a, b], ['admins=cli1', 'admins=cli2'])).toEqual({ admins: ['cli1', 'cli2'], hosts: ['h2', 'h3'] });
    expect(await resolvePlaceholders([], [])).toEqual({});
  });
});
