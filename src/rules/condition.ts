// The `condition` of a Sigma detection: tokenizer and precedence-climbing parser to expressions.
import { Problem, quote } from './errors.js';
import type { Expr } from './expr.js';

type Tok = { kind: 'lparen' } | { kind: 'rparen' } | { kind: 'word'; text: string; at: number };

function tokenize(condition: string): Tok[] {
  if (condition.includes('|')) {
    throw new Problem('aggregation expressions in conditions (`| count() ...`) are not supported; use a correlation rule');
  }
  const out: Tok[] = [];
  const re = /\s*(?:(\()|(\))|([^\s()]+))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < condition.length && (m = re.exec(condition)) !== null) {
    if (m[1]) out.push({ kind: 'lparen' });
    else if (m[2]) out.push({ kind: 'rparen' });
    else if (m[3]) out.push({ kind: 'word', text: m[3], at: m.index });
  }
  return out;
}

/** Regular expression for an `x of` pattern: `*` matches any run of characters. */
function patternRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * Parses a condition over the rule's search identifiers. Supports `and`, `or`, `not`, parentheses,
 * `1 of X` / `all of X` (X a name, a `*` pattern or `them`; `them` leaves out names starting with
 * `_`). Precedence, loosest first: or, and, not, `x of`, parentheses. Keywords are case-insensitive.
 */
export function parseCondition(condition: string, selections: Map<string, Expr>): Expr {
  const toks = tokenize(condition);
  let pos = 0;
  const word = (t: Tok | undefined): string | null => (t?.kind === 'word' ? t.text.toLowerCase() : null);
  const fail = (why: string): never => {
    throw new Problem(`${why} in condition ${quote(condition)}`);
  };

  const ofExpr = (quantifier: string): Expr => {
    const t = toks[pos++];
    if (t?.kind !== 'word') return fail(`missing search identifier pattern after '${quantifier} of'`);
    const names =
      t.text.toLowerCase() === 'them'
        ? [...selections.keys()].filter((n) => !n.startsWith('_'))
        : [...selections.keys()].filter((n) => patternRegex(t.text).test(n));
    if (names.length === 0) return fail(`${quote(t.text)} matches no search identifier`);
    const items = names.map((n) => selections.get(n)!);
    if (items.length === 1) return items[0]!;
    return { k: quantifier === 'all' ? 'and' : 'or', items };
  };

  const primary = (): Expr => {
    const t = toks[pos];
    if (t === undefined) return fail('unexpected end');
    if (t.kind === 'lparen') {
      pos++;
      const e = orExpr();
      if (toks[pos]?.kind !== 'rparen') return fail("missing ')'");
      pos++;
      return e;
    }
    if (t.kind === 'rparen') return fail("unexpected ')'");
    const w = t.text.toLowerCase();
    if (word(toks[pos + 1]) === 'of') {
      if (w !== '1' && w !== 'all' && w !== 'any') return fail(`unsupported quantifier ${quote(t.text)} (use '1 of' or 'all of')`);
      pos += 2;
      return ofExpr(w === 'all' ? 'all' : '1');
    }
    if (['and', 'or', 'not', 'of', 'them'].includes(w)) return fail(`unexpected ${quote(t.text)}`);
    if (t.text.includes('*')) return fail(`pattern ${quote(t.text)} needs '1 of' or 'all of'`);
    const sel = selections.get(t.text);
    if (sel === undefined) throw new Problem(`undefined identifier ${quote(t.text)} in condition`);
    pos++;
    return sel;
  };

  const notExpr = (): Expr => {
    if (word(toks[pos]) === 'not') {
      pos++;
      return { k: 'not', item: notExpr() };
    }
    return primary();
  };

  const andExpr = (): Expr => {
    const items = [notExpr()];
    while (word(toks[pos]) === 'and') {
      pos++;
      items.push(notExpr());
    }
    return items.length === 1 ? items[0]! : { k: 'and', items };
  };

  function orExpr(): Expr {
    const items = [andExpr()];
    while (word(toks[pos]) === 'or') {
      pos++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { k: 'or', items };
  }

  if (toks.length === 0) fail('empty condition');
  const e = orExpr();
  if (pos < toks.length) {
    const t = toks[pos]!;
    fail(`unexpected ${t.kind === 'word' ? quote(t.text) : t.kind === 'lparen' ? "'('" : "')'"}`);
  }
  return e;
}
