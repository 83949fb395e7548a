// One detection item (`field|modifiers: values`, or a keyword search) compiled to an expression.
import { Problem, quote } from './errors.js';
import { unionLiterals, type Expr } from './expr.js';
import { compileFieldPath, someString, type FieldPath } from './field-path.js';
import { regionEqualsFold } from './fold.js';
import { compileGlob } from './glob.js';
import type { ParsedKey } from './keys.js';
import { applyModifiers } from './modifiers.js';
import { compileSafeRegex } from './safe-regex.js';
import { longestLiteral, wrap } from './sigma-string.js';
import type { DocTest, ValueTest } from './types.js';
import { compileValue } from './value-tests.js';
import type { SigmaValue } from './values.js';

/** Options the item compiler needs. */
export interface ItemContext {
  placeholders?: Record<string, string[]>;
}

/** The text of an event value for fieldref comparisons, or null for objects and missing values. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** `field|fieldref: other`: some value of `field` equals (contains, ...) some value of `other`. */
function fieldRefTest(path: FieldPath, v: SigmaValue & { t: 'ref' }): DocTest {
  const ref = compileFieldPath(v.field);
  let doc: Record<string, unknown> = {};
  let current = '';
  const compare = (a: string, b: string): boolean => {
    if (v.startswith && v.endswith) {
      if (v.cased) return a.includes(b);
      for (let p = 0; p + b.length <= a.length; p++) if (regionEqualsFold(a, p, b)) return true;
      return false;
    }
    if (v.startswith) return v.cased ? a.startsWith(b) : regionEqualsFold(a, 0, b);
    if (v.endswith) return v.cased ? a.endsWith(b) : regionEqualsFold(a, a.length - b.length, b);
    return v.cased ? a === b : a.length === b.length && regionEqualsFold(a, 0, b);
  };
  const inner: ValueTest = (b) => {
    const t = text(b);
    return t !== null && compare(current, t);
  };
  const outer: ValueTest = (a) => {
    const t = text(a);
    if (t === null) return false;
    current = t;
    return ref.some(doc, inner);
  };
  return (d) => {
    doc = d;
    return path.some(d, outer);
  };
}

/** Compiles one typed value of a field item to an event test, with its literals. */
function fieldValue(path: FieldPath, v: SigmaValue): { test: DocTest; literals: string[] | null; value?: ValueTest } {
  if (v.t === 'exists') {
    const want = v.exists;
    return { test: (doc) => path.exists(doc) === want, literals: null };
  }
  if (v.t === 'ref') return { test: fieldRefTest(path, v), literals: null };
  const c = compileValue(v);
  return { test: (doc) => path.some(doc, c.test), literals: c.literals, value: c.test };
}

/** Compiles a keyword value: it may occur anywhere in any string value of the event. */
function keywordValue(v: SigmaValue): { test: DocTest; literals: string[] | null } {
  if (v.t === 'any') {
    const parts = v.items.map(keywordValue);
    const tests = parts.map((p) => p.test);
    return {
      test: (doc) => {
        for (const test of tests) if (test(doc)) return true;
        return false;
      },
      literals: unionLiterals(parts.map((p) => p.literals)),
    };
  }
  if (v.t === 'str') {
    const tokens = wrap(v.tokens, true, true);
    const glob = compileGlob(tokens, v.cased);
    return { test: (doc) => someString(doc, glob), literals: toList(longestLiteral(tokens)) };
  }
  if (v.t === 're') {
    const rx = compileSafeRegex(v.source, v);
    return { test: (doc) => someString(doc, rx), literals: null };
  }
  throw new Problem(`keyword searches cannot use ${v.t === 'null' ? 'null' : 'this modifier'} (a field name is needed)`);
}

function toList(lit: string | null): string[] | null {
  return lit === null ? null : [lit];
}

/**
 * Compiles `key: values`. Values of a list are ORed, or ANDed with `all`; `neq` negates the item.
 * Throws {@link Problem} (without the selection name, which the caller adds).
 */
export function compileItem(key: ParsedKey, rawValue: unknown, ctx: ItemContext): Expr {
  const raws = Array.isArray(rawValue) ? rawValue : [rawValue];
  if (raws.length === 0) throw new Problem(`empty list of values${key.field === null ? '' : ` for field ${quote(key.field)}`}`);
  if (key.all && raws.length < 2) throw new Problem(`modifier 'all' needs a list of at least two values`);
  const values = raws.map((r) => applyModifiers(r, key.modifiers, ctx.placeholders));

  let parts: { test: DocTest; literals: string[] | null; value?: ValueTest }[];
  if (key.field === null) parts = values.map(keywordValue);
  else {
    const path = compileFieldPath(key.field);
    parts = values.map((v) => fieldValue(path, v));
    if (!key.all && parts.length > 1 && parts.every((p) => p.value !== undefined)) {
      // One walk of the field for the whole OR list.
      const tests = parts.map((p) => p.value!);
      const any: ValueTest = (x) => {
        for (const test of tests) if (test(x)) return true;
        return false;
      };
      parts = [{ test: (doc) => path.some(doc, any), literals: unionLiterals(parts.map((p) => p.literals)) }];
    }
  }

  const leaves: Expr[] = parts.map((p) => ({ k: 'leaf', test: p.test, literals: p.literals }));
  const combined: Expr = leaves.length === 1 ? leaves[0]! : { k: key.all ? 'and' : 'or', items: leaves };
  return key.negate ? { k: 'not', item: combined } : combined;
}
