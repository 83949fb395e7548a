// Broken rules: RuleError fields and one-line messages, unsupported rule kinds, bad metadata.
import { describe, expect, it } from 'vitest';
import { compileRule, RuleError } from '../../src/rules/index.js';
import { valueText } from '../../src/rules/errors.js';
import { detect, FILE, ruleYaml } from './helpers.js';

function problemOf(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

const BASE = { title: 'My title', logsource: { product: 'okta', service: 'okta' } };

describe('RuleError', () => {
  it('carries file, title and problem, with a one-line message', () => {
    const e = problemOf(() => compileRule({ ...BASE, detection: { sel: { 'f|foo': 'x' }, condition: 'sel' } }, 'rules/x.yml'));
    expect(e.file).toBe('rules/x.yml');
    expect(e.title).toBe('My title');
    expect(e.problem).toBe("unknown modifier 'foo' in selection 'sel'");
    expect(e.message).toBe(`rules/x.yml: "My title": unknown modifier 'foo' in selection 'sel'`);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RuleError');
  });

  it('has no title part when the title is unknown', () => {
    const e = problemOf(() => compileRule(['not', 'a', 'map'], FILE));
    expect(e.title).toBeNull();
    expect(e.message).toBe(`${FILE}: not a mapping (a Sigma rule is a YAML mapping)`);
  });

  it('keeps messages on one line', () => {
    const e = problemOf(() => compileRule({ ...BASE, detection: { 'sel\nx': { 'f|foo': 'x' }, condition: 'sel' } }, FILE));
    expect(e.message).not.toMatch(/\n/);
  });
});

describe('rule problems', () => {
  const cases: [string, unknown, RegExp][] = [
    ['missing detection', { ...BASE }, /^missing detection$/],
    ['missing condition', { ...BASE, detection: { sel: { a: 1 } } }, /^missing condition$/],
    ['no identifiers', { ...BASE, detection: { condition: 'sel' } }, /no search identifiers/],
    ['missing title', { logsource: BASE.logsource, detection: { sel: { a: 1 }, condition: 'sel' } }, /^missing title$/],
    ['missing logsource', { title: 't', detection: { sel: { a: 1 }, condition: 'sel' } }, /^missing logsource$/],
    ['bad level', { ...BASE, level: 'severe', detection: { sel: { a: 1 }, condition: 'sel' } }, /invalid level 'severe'/],
    ['bad status', { ...BASE, status: 'beta', detection: { sel: { a: 1 }, condition: 'sel' } }, /invalid status 'beta'/],
    ['a map as level', { ...BASE, level: { high: true }, detection: { sel: { a: 1 }, condition: 'sel' } }, /invalid level '\{"high":true\}'/],
    ['a number as status', { ...BASE, status: 5, detection: { sel: { a: 1 }, condition: 'sel' } }, /invalid status '5'/],
    ['bad tags', { ...BASE, tags: { a: 1 }, detection: { sel: { a: 1 }, condition: 'sel' } }, /tags must be a list/],
    ['bad id', { ...BASE, id: 12, detection: { sel: { a: 1 }, condition: 'sel' } }, /id must be a string/],
    ['empty selection', { ...BASE, detection: { sel: {}, condition: 'sel' } }, /empty map in selection 'sel'/],
    ['null selection', { ...BASE, detection: { sel: null, condition: 'sel' } }, /must be a map/],
    ['bad field name', { ...BASE, detection: { sel: { 'a..b': 1 }, condition: 'sel' } }, /invalid field name 'a\.\.b'/],
    ['unused broken selection', { ...BASE, detection: { sel: { a: 1 }, other: { 'b|nope': 1 }, condition: 'sel' } }, /unknown modifier 'nope' in selection 'other'/],
  ];
  for (const [name, raw, why] of cases) {
    it(name, () => {
      expect(problemOf(() => compileRule(raw, FILE)).problem).toMatch(why);
    });
  }

  it('bad regular expressions', () => {
    const e = problemOf(() => detect({ sel: { 'f|re': '(unclosed' }, condition: 'sel' }));
    expect(e.problem).toBe("invalid regular expression '(unclosed': missing closing ) in selection 'sel'");
    expect(e.unsupported).toBe(false);
  });

  it('regular expressions the linear-time engine cannot run: backreferences, lookaround', () => {
    const cases: [string, string][] = [
      ['(a)\\1', "invalid regular expression '(a)\\1': backreferences (\\1) are not supported in selection 'sel'"],
      ['^admin(?=@)', "invalid regular expression '^admin(?=@)': lookahead assertions ((?=) are not supported in selection 'sel'"],
      ['(?<!x)y', "invalid regular expression '(?<!x)y': lookbehind assertions ((?<!) are not supported in selection 'sel'"],
    ];
    for (const [source, problem] of cases) {
      expect(problemOf(() => detect({ sel: { 'f|re': source }, condition: 'sel' })).problem).toBe(problem);
      expect(problemOf(() => detect({ keywords: { '|re': source }, condition: 'keywords' })).problem).toMatch(/are not supported/);
    }
  });

  it('the evil regular expression (a+)+$', () => {
    const e = problemOf(() => detect({ sel: { 'f|re': '(a+)+$' }, condition: 'sel' }));
    expect(e.problem).toMatch(/^regular expression '\(a\+\)\+\$' rejected: nested quantifiers in '\(a\+\)\+' .* catastrophically in selection 'sel'$/);
  });

  it('correlation rules are not supported', () => {
    const e = problemOf(() =>
      ruleYaml(`
title: Many revocations
correlation:
    type: event_count
    rules:
        - okta_api_token_revoked
    group-by:
        - actor.alternateId
    timespan: 1h
    condition:
        gte: 5
`),
    );
    expect(e.title).toBe('Many revocations');
    expect(e.problem).toMatch(/correlation rules are not supported/);
    expect(e.unsupported).toBe(true);
    expect(problemOf(() => compileRule({ ...BASE, type: 'correlation' }, FILE)).problem).toMatch(/correlation rules are not supported/);
  });

  it('Sigma filters are not supported', () => {
    const e = problemOf(() =>
      ruleYaml(`
title: Ignore the automation account
logsource:
    product: okta
filter:
    rules:
        - okta_api_token_revoked
    selection:
        actor.alternateId: svc@example.com
    condition: not selection
`),
    );
    expect(e.problem).toMatch(/Sigma filters \(meta rules\) are not supported/);
    expect(e.unsupported).toBe(true);
  });

  it('collection actions outside a multi-document file', () => {
    expect(problemOf(() => compileRule({ action: 'global', ...BASE }, FILE)).problem).toMatch(/only valid in a multi-document file/);
  });
});

describe('valueText', () => {
  it('scalars as written, lists and maps as JSON, a value that contains itself by its kind', () => {
    expect([valueText('beta'), valueText(5), valueText(true), valueText(null)]).toEqual(['beta', '5', 'true', 'null']);
    expect([valueText(['a', 1]), valueText({ high: true })]).toEqual(['["a",1]', '{"high":true}']);
    const loop: unknown[] = [];
    loop.push(loop);
    const self: Record<string, unknown> = {};
    self.me = self;
    expect([valueText(loop), valueText(self)]).toEqual(['a list', 'a map']);
  });
});
