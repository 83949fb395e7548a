// Search identifiers of a rule's `detection` compiled to expressions: maps, lists, keywords.
import { Problem, quote } from './errors.js';
import type { Expr } from './expr.js';
import { compileItem, type ItemContext } from './item.js';
import { parseKey, type ParsedKey } from './keys.js';

const KEYWORDS: ParsedKey = { field: null, modifiers: [], all: false, negate: false };

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** A map: every `field|modifiers: values` entry must match (AND). */
function compileMap(map: Record<string, unknown>, ctx: ItemContext): Expr {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new Problem('empty map');
  const items = entries.map(([key, value]) => compileItem(parseKey(key), value, ctx));
  return items.length === 1 ? items[0]! : { k: 'and', items };
}

function compileBody(body: unknown, ctx: ItemContext): Expr {
  if (isMap(body)) return compileMap(body, ctx);
  if (Array.isArray(body)) {
    if (body.length === 0) throw new Problem('empty list');
    const keywords = body.filter(isScalar);
    const items: Expr[] = [];
    if (keywords.length > 0) items.push(compileItem(KEYWORDS, keywords, ctx));
    for (const el of body) {
      if (isScalar(el)) continue;
      if (isMap(el)) items.push(compileMap(el, ctx));
      else throw new Problem('list elements must be maps or keyword strings');
    }
    return items.length === 1 ? items[0]! : { k: 'or', items };
  }
  if (typeof body === 'string' || typeof body === 'number') return compileItem(KEYWORDS, body, ctx);
  throw new Problem('must be a map, a list of maps or a list of keywords');
}

/**
 * Compiles one search identifier. Maps are ANDs of their fields, lists ORs of their elements
 * (maps, or keywords searched in every string value of the event). Throws {@link Problem} with the
 * selection's name in the message.
 */
export function compileSelection(name: string, body: unknown, ctx: ItemContext): Expr {
  try {
    return compileBody(body, ctx);
  } catch (e) {
    if (e instanceof Problem) throw new Problem(`${e.message} in selection ${quote(name)}`);
    throw e;
  }
}
