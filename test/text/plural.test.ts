// plural: the count, then the noun in the number the count asks for.
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/text/plural.js';

describe('plural', () => {
  it('one takes the singular; zero and many take the plural', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(3, 'more event')).toBe('3 more events');
  });

  it('takes the plural form it is given for nouns that do not just add s', () => {
    expect(plural(1, 'pass', 'passes')).toBe('1 pass');
    expect(plural(2, 'pass', 'passes')).toBe('2 passes');
    expect(plural(2, 'country', 'countries')).toBe('2 countries');
  });
});
