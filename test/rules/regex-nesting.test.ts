// Tests for the nested-quantifier check: which shapes are found, and that escapes, classes and group syntax are read right.
import { describe, expect, it } from 'vitest';
import { nestedQuantifier } from '../../src/rules/regex-nesting.js';

describe('nestedQuantifier', () => {
  it('finds a repeated group holding a repetition when either is unbounded', () => {
    const cases: [string, string][] = [
      ['(a+)+$', '(a+)+'],
      ['(a*)*b', '(a*)*'],
      ['^(\\w+\\s?)*$', '(\\w+\\s?)*'],
      ['(a+){10}', '(a+){10}'],
      ['(x{1,5})+', '(x{1,5})+'],
      ['(x{2})*', '(x{2})*'],
      ['((a|b)+c)+', '((a|b)+c)+'],
      ['(?:a+)+', '(?:a+)+'],
      ['(?P<n>a+){2,}', '(?P<n>a+){2,}'],
      ['(?i:a+)*?', '(?i:a+)*?'],
      ['x((ab)+)*y', '((ab)+)*'],
      ['((a+))+', '((a+))+'],
      ['([a-z]+\\.)+com', '([a-z]+\\.)+'],
    ];
    for (const [source, group] of cases) expect([source, nestedQuantifier(source)]).toEqual([source, group]);
  });

  it('passes single and bounded repetitions, optional groups and look-alikes', () => {
    const safe = [
      'a+b*c?', '(\\d{1,3}\\.){3}\\d{1,3}', '(a+)?', '(a+){1}', '(ab)+', '(a|b)*', '(a+)(b+)', '(a+)|b+',
      '[(a+)]+', '\\(a+\\)+', '(?i)a+', '(?i)(a)+', 'a{,3}+', '\\x{41}+', '(\\x{41})+', '\\p{Greek}+',
      '(\\p{L})+', '[[:alpha:]]+', '([[:alpha:]])+', '[]a+]+', '\\Qa+\\E+', '(\\Q(a+)\\E)+', '(a{2,3}){2}',
    ];
    for (const source of safe) expect([source, nestedQuantifier(source)]).toEqual([source, null]);
  });
});
