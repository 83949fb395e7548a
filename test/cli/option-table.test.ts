// The option table: one row per option, each complete enough for --help and the manual page.
import { describe, expect, it } from 'vitest';
import { RULE_OPTIONS, RULES_COMMAND_OPTIONS, SCAN_OPTIONS, type OptionSpec } from '../../src/cli/option-table.js';

describe.each([
  ['scan', SCAN_OPTIONS],
  ['rules command', [...RULES_COMMAND_OPTIONS, ...RULE_OPTIONS]],
] as [string, readonly OptionSpec[]][])('the %s options', (_, table) => {
  it('have unique names and aliases', () => {
    const names = table.flatMap((s) => [s.name, ...(s.alias ? [s.alias] : [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('name their value when they take one, and only then', () => {
    for (const s of table.filter((o) => !o.hidden)) expect(s.arg !== undefined, s.name).toBe(s.type !== 'boolean');
  });

  it('default to one of their choices', () => {
    for (const s of table) if (s.choices && s.default !== undefined) expect(s.choices, s.name).toContain(s.default);
  });

  it('describe themselves in one line for --help, without a final full stop', () => {
    for (const s of table) {
      expect(s.describe, s.name).not.toMatch(/\n/);
      expect(s.describe, s.name).not.toMatch(/\.$/);
    }
  });
});

it('the scan takes every rule option', () => {
  for (const r of RULE_OPTIONS) expect(SCAN_OPTIONS).toContain(r);
});
