// What the CLI says about loaded rules: skips, rules that cannot be used, --strict-rules, the full-parse note.
import { describe, expect, it } from 'vitest';
import { fullParseRules, nameList, reportRuleSet, type RuleNoteOptions } from '../../../src/cli/rules/rule-notes.js';
import { loadRuleSet, type RuleSet } from '../../../src/cli/rules/rule-set.js';
import { ExitCode, UserError } from '../../../src/errors.js';

const MIXED = 'test/fixtures/rules/mixed';
const STYLE = 'test/fixtures/rules/sigmahq-style';
const load = (paths: string[]) => loadRuleSet({ paths, builtin: true, strict: false, placeholders: [], placeholderFiles: [] });

function notes(set: RuleSet, patch: Partial<RuleNoteOptions> = {}): string[] {
  const lines: string[] = [];
  reportRuleSet(set, { strict: false, hunt: false, quiet: false, userRules: true, ...patch }, (l) => lines.push(l));
  return lines;
}

describe('reportRuleSet', () => {
  it('names every rule that cannot be used with file, title and problem, then the skips and the count', async () => {
    const lines = notes(await load([MIXED]));
    expect(lines[0]).toBe(`not supported, rule skipped: ${MIXED}/nested/okta_correlation.yml: "Many Okta API Tokens Revoked": correlation rules are not supported (only single-event detection rules are)`);
    expect(lines).toContain(`rule error, rule skipped: ${MIXED}/nested/okta_broken_modifier.yaml: "Okta Broken Modifier": unknown modifier 'foo' in selection 'sel'`);
    expect(lines.filter((l) => l.startsWith('rule error, rule skipped: '))).toHaveLength(3);
    expect(lines).toContain('skipped 2 rules whose logsource is not Okta: "Windows Rule In An Okta File" (okta_multi_document.yml), "Whoami Execution" (windows_whoami.yml)');
    expect(lines.at(-1)).toBe('2 rules loaded from --rules (and 2 built-in)');
  });

  it('with --strict-rules: prints the problems and throws (exit 2) before anything is scanned', async () => {
    const lines: string[] = [];
    let thrown: unknown;
    try {
      reportRuleSet(await load([MIXED]), { strict: true, hunt: false, quiet: true, userRules: true }, (l) => lines.push(l));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).exitCode).toBe(ExitCode.Usage);
    expect((thrown as UserError).message).toBe('--strict-rules: 4 rules cannot be used; nothing scanned');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^not supported: .*okta_correlation\.yml/);
    expect(() => notes({ rules: [], builtin: 0, broken: [], unsupported: [], skipped: [] }, { strict: true })).not.toThrow();
  });

  it('says which rules make --hunt parse every record, only with --hunt', async () => {
    const set = await load([STYLE]);
    expect(fullParseRules(set.rules).map((r) => r.title)).toEqual(['Okta Activity Through an Anonymising Proxy']);
    expect(notes(set).join('\n')).not.toContain('pre-filter');
    expect(notes(set, { hunt: true }).at(-1)).toBe(
      '1 rule has no literal value for the byte pre-filter, so --hunt parses every record (several times slower on large exports, like --validate): "Okta Activity Through an Anonymising Proxy" (okta_any_activity_via_anonymising_proxy.yml)',
    );
  });

  it('prints nothing but fatal problems when quiet', async () => {
    expect(notes(await load([MIXED]), { quiet: true, hunt: true })).toEqual([]);
  });

  it('adds a hint for unresolved placeholders', async () => {
    const lines = notes(await load(['test/fixtures/rules/placeholders']));
    expect(lines[0]).toMatch(/^rule error, rule skipped: .*"Okta Sign-In by a Watchlisted User": unresolved placeholder '%watchlist%'/);
    expect(lines[1]).toBe('give placeholder values with --placeholder NAME=VALUE (repeatable) or --placeholders FILE');
  });
});

describe('nameList', () => {
  it('lists five names, then how many more', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ title: `R${i}`, file: `dir/r${i}.yml` }));
    expect(nameList(items)).toBe('"R0" (r0.yml), "R1" (r1.yml), "R2" (r2.yml), "R3" (r3.yml), "R4" (r4.yml), … 2 more');
    expect(nameList([{ title: null, file: 'x.yml' }])).toBe('(untitled) (x.yml)');
  });
});
