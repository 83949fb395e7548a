// Typed Sigma values: what a YAML scalar becomes once the modifiers of its field have been applied.
import type { Token } from './sigma-string.js';

/** A comparison operator of the gt/gte/lt/lte modifiers. */
export type CompareOp = 'gt' | 'gte' | 'lt' | 'lte';

/** A rule value after modifiers. */
export type SigmaValue =
  /**
   * A string pattern. `raw` is the YAML text while no modifier has changed it yet; `bytes` is set
   * once a UTF-16 modifier turned it into byte code units; `from` tells a number or boolean apart.
   */
  | { t: 'str'; tokens: Token[]; cased: boolean; bytes: boolean; raw: string | null; from: 'string' | 'number' | 'boolean' }
  /** YAML null: the field is missing or null. */
  | { t: 'null' }
  /** `re`, with its sub-modifier flags. */
  | { t: 're'; source: string; i: boolean; m: boolean; s: boolean }
  /** `cidr`. */
  | { t: 'cidr'; network: string }
  /** `exists`. */
  | { t: 'exists'; exists: boolean }
  /** `gt`, `gte`, `lt`, `lte`. */
  | { t: 'cmp'; op: CompareOp; n: number }
  /** `fieldref`, possibly with contains/startswith/endswith. */
  | { t: 'ref'; field: string; startswith: boolean; endswith: boolean; cased: boolean }
  /** Several values of which any may match (base64offset, windash, expand). */
  | { t: 'any'; items: SigmaValue[] };

/** A short name of the value's type for problem messages. */
export function typeName(v: SigmaValue): string {
  switch (v.t) {
    case 'str': return v.from === 'string' ? 'a string' : `a ${v.from}`;
    case 'null': return 'null';
    case 're': return 'a regular expression';
    case 'cidr': return 'a CIDR network';
    case 'exists': return 'an exists check';
    case 'cmp': return 'a comparison';
    case 'ref': return 'a field reference';
    case 'any': return 'an expanded value';
  }
}
