// Typed values compiled to tests of single event values, with their pre-filter literals.
import { compileCidr } from './cidr.js';
import { Problem } from './errors.js';
import { compileGlob } from './glob.js';
import { compileSafeRegex } from './safe-regex.js';
import { longestLiteral } from './sigma-string.js';
import type { ValueTest } from './types.js';
import type { SigmaValue } from './values.js';

/** A compiled value test and the literals one of which any string it accepts contains. */
export interface CompiledValue {
  test: ValueTest;
  literals: string[] | null;
}

/**
 * true when `lit` could be part of how a number or boolean is written (`String(value)`): such a
 * literal cannot pre-filter, since string patterns also match numbers and booleans by their text.
 */
function numberLike(lit: string): boolean {
  const l = lit.toLowerCase();
  return /^[0-9.+\-e]+$/.test(l) || ['true', 'false', '-infinity', 'nan'].some((w) => w.includes(l));
}

/** A number from a JSON number or a numeric string, else NaN. */
function numeric(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

/**
 * Compiles a value to a test of one event value. Strings match strings, and numbers and booleans
 * by their text (`'0'` matches 0, `'true'` matches true), case-insensitively unless `cased`. null
 * matches a missing field or JSON null; `''` only the empty string. Throws {@link Problem} for
 * field-level values (exists, fieldref), handled by the caller.
 */
export function compileValue(v: SigmaValue): CompiledValue {
  switch (v.t) {
    case 'str': {
      const glob = compileGlob(v.tokens, v.cased);
      const lit = longestLiteral(v.tokens);
      return {
        test: (x) =>
          typeof x === 'string' ? glob(x) : typeof x === 'number' || typeof x === 'boolean' ? glob(String(x)) : false,
        literals: lit !== null && !numberLike(lit) ? [lit] : null,
      };
    }
    case 'null':
      return { test: (x) => x === undefined || x === null, literals: null };
    case 're': {
      const rx = compileSafeRegex(v.source, v);
      return {
        test: (x) =>
          typeof x === 'string' ? rx(x) : typeof x === 'number' || typeof x === 'boolean' ? rx(String(x)) : false,
        literals: null,
      };
    }
    case 'cidr': {
      const inNet = compileCidr(v.network);
      return { test: (x) => typeof x === 'string' && inNet(x), literals: null };
    }
    case 'cmp': {
      const n = v.n;
      const test: ValueTest =
        v.op === 'gt' ? (x) => numeric(x) > n
        : v.op === 'gte' ? (x) => numeric(x) >= n
        : v.op === 'lt' ? (x) => numeric(x) < n
        : (x) => numeric(x) <= n;
      return { test, literals: null };
    }
    case 'any': {
      const parts = v.items.map(compileValue);
      const tests = parts.map((p) => p.test);
      const literals: string[] = [];
      let sound = true;
      for (const p of parts) {
        if (p.literals === null) sound = false;
        else literals.push(...p.literals);
      }
      return {
        test: (x) => {
          for (const test of tests) if (test(x)) return true;
          return false;
        },
        literals: sound && literals.length > 0 ? literals : null,
      };
    }
    case 'exists':
    case 'ref':
      throw new Problem(`${v.t === 'exists' ? "modifier 'exists'" : "modifier 'fieldref'"} cannot be combined with other values here`);
  }
}
