// Boolean expressions over compiled detection items: evaluation closures and literal derivation.
import type { DocTest } from './types.js';

/** A detection compiled to a tree of AND/OR/NOT over leaves (one leaf per detection item). */
export type Expr =
  | { k: 'and'; items: Expr[] }
  | { k: 'or'; items: Expr[] }
  | { k: 'not'; item: Expr }
  /** `literals`: strings one of which occurs in some string value of every event the leaf matches. */
  | { k: 'leaf'; test: DocTest; literals: string[] | null };

/** Compiles an expression to one closure, with short-circuit AND/OR and no per-call allocation. */
export function compileExpr(e: Expr): DocTest {
  switch (e.k) {
    case 'leaf':
      return e.test;
    case 'not': {
      const inner = compileExpr(e.item);
      return (doc) => !inner(doc);
    }
    case 'and':
    case 'or': {
      const parts = e.items.map(compileExpr);
      const isAnd = e.k === 'and';
      if (parts.length === 1) return parts[0]!;
      if (parts.length === 2) {
        const [a, b] = parts as [DocTest, DocTest];
        return isAnd ? (doc) => a(doc) && b(doc) : (doc) => a(doc) || b(doc);
      }
      if (isAnd) {
        return (doc) => {
          for (const part of parts) if (!part(doc)) return false;
          return true;
        };
      }
      return (doc) => {
        for (const part of parts) if (part(doc)) return true;
        return false;
      };
    }
  }
}

/** Removes case-insensitive duplicates, keeping the first spelling. */
function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = s.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * For an OR: every branch must give a set, and the union is the answer (any branch may be the one
 * that matched). null as soon as one branch gives none.
 */
export function unionLiterals(sets: (string[] | null)[]): string[] | null {
  const out: string[] = [];
  for (const s of sets) {
    if (s === null) return null;
    out.push(...s);
  }
  return out.length === 0 ? null : dedupe(out);
}

function score(set: string[]): number {
  return Math.min(...set.map((s) => s.length)) * 1000 - set.length;
}

/**
 * For an AND: every branch holds on a match, so any branch's set will do; the most selective one
 * is kept (longest shortest literal, then fewest literals). null only when no branch gives a set.
 */
function bestLiterals(sets: (string[] | null)[]): string[] | null {
  let best: string[] | null = null;
  for (const s of sets) if (s !== null && s.length > 0 && (best === null || score(s) > score(best))) best = s;
  return best;
}

/**
 * Literals of a whole expression. NOT gives null: a negated item says nothing about what is
 * present in the event.
 */
export function exprLiterals(e: Expr): string[] | null {
  switch (e.k) {
    case 'leaf':
      return e.literals;
    case 'not':
      return null;
    case 'and':
      return bestLiterals(e.items.map(exprLiterals));
    case 'or':
      return unionLiterals(e.items.map(exprLiterals));
  }
}
