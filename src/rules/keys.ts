// Detection keys: `field|modifier|...` split and checked against the modifiers this engine knows.
import { Problem, quote } from './errors.js';

/** A detection key split into its field (null for keyword searches, `'|all': [...]`) and modifiers. */
export interface ParsedKey {
  field: string | null;
  modifiers: string[];
  /** `all`: every value must match (AND) instead of any (OR). */
  all: boolean;
  /** `neq`: the item matches when none of the values match. */
  negate: boolean;
}

/** Every modifier this engine implements. */
const MODIFIERS = new Set([
  'all', 'neq', 'contains', 'startswith', 'endswith', 'base64', 'base64offset', 'wide', 'utf16le',
  'utf16be', 'utf16', 'windash', 'cased', 're', 'i', 'ignorecase', 'm', 'multiline', 's', 'dotall',
  'cidr', 'exists', 'gt', 'gte', 'lt', 'lte', 'fieldref', 'expand',
]);

/** Standard Sigma modifiers this engine knows but does not implement. */
const UNSUPPORTED = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);

/** Splits `field|mod1|mod2`; throws {@link Problem} for unknown or unsupported modifiers. */
export function parseKey(key: string): ParsedKey {
  const [field, ...modifiers] = key.split('|');
  for (const m of modifiers) {
    if (UNSUPPORTED.has(m)) throw new Problem(`modifier ${quote(m)} is not supported`);
    if (!MODIFIERS.has(m)) throw new Problem(`unknown modifier ${quote(m)}`);
  }
  return {
    field: field === '' ? null : field!,
    modifiers: modifiers.filter((m) => m !== 'all' && m !== 'neq'),
    all: modifiers.includes('all'),
    negate: modifiers.includes('neq'),
  };
}
