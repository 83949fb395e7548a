// Sigma value modifiers (`field|contains|base64`): a key's modifier chain applied to each value.
import { Problem, quote } from './errors.js';
import { base64, base64Offsets, utf16 } from './encodings.js';
import { normalize, parseSigmaString, plainText, windash, wrap, type Token } from './sigma-string.js';
import { typeName, type SigmaValue } from './values.js';

/** Largest number of values one `expand` may produce. */
const MAX_EXPANSION = 4096;

/** The value a YAML scalar stands for before any modifier. */
function initialValue(raw: unknown, placeholders: boolean): SigmaValue {
  if (raw === null || raw === undefined) return { t: 'null' };
  if (typeof raw === 'string') {
    return { t: 'str', tokens: parseSigmaString(raw, placeholders), cased: false, bytes: false, raw, from: 'string' };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    const text = String(raw);
    const from = typeof raw === 'number' ? 'number' : 'boolean';
    return { t: 'str', tokens: text === '' ? [] : [{ k: 'lit', s: text }], cased: false, bytes: false, raw: text, from };
  }
  throw new Problem('values must be strings, numbers, booleans or null (a list of lists or maps is not allowed)');
}

/** Substitutes `%name%` placeholders with the values given in the options (OR of all combinations). */
function expand(tokens: Token[], values: Record<string, string[]> | undefined): Token[][] {
  let combos: Token[][] = [[]];
  for (const t of tokens) {
    if (t.k !== 'ph') {
      for (const c of combos) c.push(t);
      continue;
    }
    // Own names only: `%constructor%` must not find Object.prototype.constructor.
    const list = values !== undefined && Object.hasOwn(values, t.name) ? values[t.name] : undefined;
    if (!list || list.length === 0) throw new Problem(`unresolved placeholder ${quote(`%${t.name}%`)} (no values given for it)`);
    if (combos.length * list.length > MAX_EXPANSION) throw new Problem(`placeholders expand to more than ${MAX_EXPANSION} values`);
    const next: Token[][] = [];
    for (const c of combos) for (const v of list) next.push([...c, ...parseSigmaString(v)]);
    combos = next;
  }
  return combos.map(normalize);
}

function applyOne(v: SigmaValue, m: string, placeholders: Record<string, string[]> | undefined): SigmaValue {
  if (v.t === 'any') return { t: 'any', items: v.items.map((x) => applyOne(x, m, placeholders)) };
  const cannot = (): never => {
    throw new Problem(`modifier ${quote(m)} cannot be applied to ${typeName(v)}`);
  };
  const untouched = v.t === 'str' && v.raw !== null ? v.raw : null;
  const needUntouched = (): string => {
    if (untouched === null) throw new Problem(`modifier ${quote(m)} must come first and apply to a plain value`);
    return untouched;
  };
  switch (m) {
    case 'contains':
    case 'startswith':
    case 'endswith': {
      const start = m !== 'startswith';
      const end = m !== 'endswith';
      if (v.t === 'str') return { ...v, tokens: wrap(v.tokens, start, end), raw: null };
      if (v.t === 're') return v; // a regular expression is searched anywhere already
      if (v.t === 'ref') return { ...v, startswith: v.startswith || m !== 'endswith', endswith: v.endswith || m !== 'startswith' };
      return cannot();
    }
    case 'base64':
    case 'base64offset': {
      if (v.t !== 'str') return cannot();
      const text = plainText(v.tokens);
      if (text === null) throw new Problem(`modifier ${quote(m)} needs a value without wildcards or placeholders`);
      const lit = (s: string): SigmaValue => ({ ...v, tokens: s === '' ? [] : [{ k: 'lit', s }], bytes: false, raw: null });
      if (m === 'base64') return lit(base64(text, v.bytes));
      return { t: 'any', items: base64Offsets(text, v.bytes).map(lit) };
    }
    case 'wide':
    case 'utf16le':
    case 'utf16be':
    case 'utf16':
      if (v.t !== 'str') return cannot();
      return { ...v, tokens: utf16(v.tokens, m === 'utf16be' ? 'be' : m === 'utf16' ? 'bom' : 'le'), bytes: true, raw: null };
    case 'windash':
      if (v.t !== 'str') return cannot();
      return { ...v, tokens: windash(v.tokens), raw: null };
    case 'cased':
      if (v.t === 'ref') return { ...v, cased: true };
      if (v.t !== 'str') return cannot();
      return { ...v, cased: true, raw: null };
    case 're':
      if (v.t !== 'str') return cannot();
      return { t: 're', source: needUntouched(), i: false, m: false, s: false };
    case 'i':
    case 'ignorecase':
      return v.t === 're' ? { ...v, i: true } : cannot();
    case 'm':
    case 'multiline':
      return v.t === 're' ? { ...v, m: true } : cannot();
    case 's':
    case 'dotall':
      return v.t === 're' ? { ...v, s: true } : cannot();
    case 'cidr':
      if (v.t !== 'str') return cannot();
      return { t: 'cidr', network: needUntouched() };
    case 'exists': {
      if (v.t !== 'str') return cannot();
      const text = needUntouched().toLowerCase();
      if (text !== 'true' && text !== 'false') throw new Problem(`modifier 'exists' needs true or false, not ${quote(untouched!)}`);
      return { t: 'exists', exists: text === 'true' };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (v.t !== 'str') return cannot();
      const text = needUntouched();
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new Problem(`modifier ${quote(m)} needs a number, not ${quote(text)}`);
      return { t: 'cmp', op: m, n };
    }
    case 'fieldref': {
      if (v.t !== 'str') return cannot();
      const field = plainText(v.tokens);
      needUntouched();
      if (field === null || field === '') throw new Problem(`modifier 'fieldref' needs a field name without wildcards`);
      return { t: 'ref', field, startswith: false, endswith: false, cased: false };
    }
    case 'expand': {
      if (v.t !== 'str') return cannot();
      const combos = expand(v.tokens, placeholders);
      const items = combos.map((tokens): SigmaValue => ({ ...v, tokens, raw: null }));
      return items.length === 1 ? items[0]! : { t: 'any', items };
    }
  }
  throw new Problem(`unknown modifier ${quote(m)}`);
}

/** Applies the modifier chain of a key, in order, to one YAML value. Throws {@link Problem}. */
export function applyModifiers(raw: unknown, modifiers: string[], placeholders?: Record<string, string[]>): SigmaValue {
  let v = initialValue(raw, modifiers.includes('expand'));
  for (const m of modifiers) v = applyOne(v, m, placeholders);
  return v;
}
